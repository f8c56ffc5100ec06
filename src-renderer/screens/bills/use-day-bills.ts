/**
 * One business day's bills: the list (`bills.listOfDay`, newest first), then each bill's detail
 * (`bills.get`), which the day's totals by payment method and the "refunded" badges need: a summary
 * does not say how a bill was paid or whether a later day refunded it. Latest day asked wins.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Bill, BillSummary } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';

export const DAY_LIMIT = 500;
/** Details are fetched a few at a time so the list and the open bill are never stuck behind them. */
const DETAIL_CONCURRENCY = 6;

export interface DayBills {
  day: string;
  bills: BillSummary[] | null;
  error: unknown;
  /** Bill details by id; `detailsComplete` once every bill of the list is in. */
  details: ReadonlyMap<string, Bill>;
  detailsComplete: boolean;
  reload: () => void;
}

export function useDayBills(day: string): DayBills {
  const [state, setState] = useState<{ day: string; bills: BillSummary[] | null; details: Map<string, Bill>; complete: boolean }>({
    day,
    bills: null,
    details: new Map(),
    complete: false,
  });
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    setError(null);
    // Another day starts empty; a reload of the same day keeps showing what it had meanwhile.
    setState((s) => (s.day === day ? s : { day, bills: null, details: new Map(), complete: false }));
    (async () => {
      const bills = await api.call('bills.listOfDay', { businessDate: day, limit: DAY_LIMIT });
      if (!alive) return;
      setState((s) => ({ day, bills, details: s.day === day ? s.details : new Map(), complete: false }));
      const details = new Map<string, Bill>();
      let next = 0;
      const worker = async () => {
        while (alive && next < bills.length) {
          const summary = bills[next++]!;
          details.set(summary.id, await api.call('bills.get', { billId: summary.id }));
        }
      };
      await Promise.all(Array.from({ length: Math.min(DETAIL_CONCURRENCY, bills.length) }, worker));
      if (alive) setState({ day, bills, details, complete: true });
    })().catch((e: unknown) => {
      if (alive) setError(e);
    });
    return () => {
      alive = false;
    };
  }, [day, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.day === day;
  return {
    day,
    bills: current ? state.bills : null,
    error,
    details: current ? state.details : new Map(),
    detailsComplete: current && state.complete,
    reload,
  };
}
