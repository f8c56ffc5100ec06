/**
 * One business day: its bills (`bills.listOfDay`, newest first, each saying what has been refunded of
 * it) and its totals (`bills.daySummary`, added up by the ledger), two calls whatever the day holds.
 * Latest day asked wins.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BillSummary, DaySummary } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';

export const DAY_LIMIT = 500;

export interface DayBills {
  day: string;
  bills: BillSummary[] | null;
  /** The whole day's totals (beyond DAY_LIMIT bills too); null until loaded. */
  summary: DaySummary | null;
  error: unknown;
  reload: () => void;
}

interface Loaded {
  day: string;
  bills: BillSummary[] | null;
  summary: DaySummary | null;
}

export function useDayBills(day: string): DayBills {
  const [state, setState] = useState<Loaded>({ day, bills: null, summary: null });
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    setError(null);
    // Another day starts empty; a reload of the same day keeps showing what it had meanwhile.
    setState((s) => (s.day === day ? s : { day, bills: null, summary: null }));
    Promise.all([api.call('bills.listOfDay', { businessDate: day, limit: DAY_LIMIT }), api.call('bills.daySummary', { businessDate: day })])
      .then(([bills, summary]) => {
        if (alive) setState({ day, bills, summary });
      })
      .catch((e: unknown) => {
        if (alive) setError(e);
      });
    return () => {
      alive = false;
    };
  }, [day, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.day === day;
  return { day, bills: current ? state.bills : null, summary: current ? state.summary : null, error, reload };
}
