/**
 * Search-as-you-type for members, shared by the member list and the member picker: debounced,
 * the latest request wins (an older answer arriving late is dropped), and `searchNow` for Enter
 * pressed faster than the debounce — which is what a barcode scanner does.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemberSummary } from '../../src-main/ledger/types.ts';
import { api } from '../api.ts';

// Short: a search costs ~2 ms at 100,000 members (docs/BENCHMARKS.md), so the wait is what the cashier feels.
const DEBOUNCE_MS = 60;
/** Last 4 digits or a whole mainland mobile number: already the whole question, so no wait at all. */
const COMPLETE_QUERY = /^(\d{4}|1\d{10})$/;

export interface MemberSearch {
  /** The latest answered search (may be for an older query while typing). */
  results: { query: string; items: MemberSummary[] } | null;
  error: { query: string; error: unknown } | null;
  /** A search is scheduled or in flight. */
  waiting: boolean;
  /** Whether `results` answers the current query and nothing newer is pending. */
  fresh: boolean;
  /** Search immediately (Enter): resolves to the items, or null if a newer search overtook it. */
  searchNow: (query: string) => Promise<MemberSummary[] | null>;
  /** No search scheduled or in flight. */
  isSettled: () => boolean;
}

export function useMemberSearch(query: string, limit: number): MemberSearch {
  const trimmed = query.trim();
  const [results, setResults] = useState<MemberSearch['results']>(null);
  const [error, setError] = useState<MemberSearch['error']>(null);
  const [waiting, setWaiting] = useState(false);
  const seq = useRef(0);
  const inFlight = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  const searchNow = useCallback(
    async (q: string): Promise<MemberSummary[] | null> => {
      window.clearTimeout(timer.current);
      timer.current = undefined;
      const mine = ++seq.current;
      inFlight.current++;
      setWaiting(true);
      try {
        const items = await api.call('members.search', { query: q, limit });
        if (mine !== seq.current) return null;
        setResults({ query: q, items });
        setError(null);
        return items;
      } catch (e) {
        if (mine === seq.current) setError({ query: q, error: e });
        return null;
      } finally {
        inFlight.current--;
        if (mine === seq.current) setWaiting(false);
      }
    },
    [limit],
  );

  useEffect(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    if (!trimmed) {
      seq.current++; // whatever is in flight is for an older query
      setWaiting(false);
      return;
    }
    setWaiting(true);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void searchNow(trimmed);
    }, COMPLETE_QUERY.test(trimmed) ? 0 : DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [trimmed, searchNow]);

  const isSettled = useCallback(() => timer.current === undefined && inFlight.current === 0, []);
  const fresh = trimmed !== '' && results?.query === trimmed && !waiting;
  return { results, error, waiting, fresh, searchNow, isSettled };
}

/** The member an Enter means for what was typed or scanned: an exact member code, else the one match. */
export function memberForEnter(found: readonly MemberSummary[], query: string): MemberSummary | null {
  const q = query.trim().toLowerCase();
  const exact = found.filter((m) => m.code.toLowerCase() === q);
  if (exact.length === 1) return exact[0]!;
  return found.length === 1 ? found[0]! : null;
}

/** What to offer to prefill a new member with when nothing matches: a phone number, or a Chinese name. */
export function newMemberPrefill(query: string): { phone?: string; name?: string } {
  const digits = query.replace(/[\s-]/g, '');
  if (/^\+?\d{7,}$/.test(digits)) return { phone: digits };
  if (/\p{Script=Han}/u.test(query)) return { name: query.trim() };
  return {};
}
