/**
 * The ledger's quote for the amount being typed (bonus and the next rule up). The latest amount wins:
 * an answer for an amount no longer in the field is dropped.
 */
import { useEffect, useState } from 'react';
import type { TopupQuote } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';

const DEBOUNCE_MS = 80;

export function useTopupQuote(principalMinor: number | null): { quote: TopupQuote | null; pending: boolean; error: unknown } {
  const [answer, setAnswer] = useState<{ principalMinor: number; quote: TopupQuote | null; error: unknown } | null>(null);
  const wanted = principalMinor !== null && principalMinor > 0 ? principalMinor : null;

  useEffect(() => {
    if (wanted === null) return;
    let alive = true;
    const timer = window.setTimeout(() => {
      api
        .call('topups.quote', { principalMinor: wanted })
        .then((quote) => alive && setAnswer({ principalMinor: wanted, quote, error: null }))
        .catch((error: unknown) => alive && setAnswer({ principalMinor: wanted, quote: null, error }));
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [wanted]);

  const current = wanted !== null && answer?.principalMinor === wanted ? answer : null;
  return { quote: current?.quote ?? null, pending: wanted !== null && current === null, error: current?.error ?? null };
}
