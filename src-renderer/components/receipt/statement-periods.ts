/**
 * The statement's periods, as business days (`yyyy-MM-dd`, the till's calendar): this month so far
 * (the default), last month, the last three months up to today, this year so far.
 */
import { addDays } from 'date-fns/addDays';
import { endOfMonth } from 'date-fns/endOfMonth';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfYear } from 'date-fns/startOfYear';
import { subMonths } from 'date-fns/subMonths';
import { businessDate } from '../../../src-main/ledger/time.ts';

export const STATEMENT_PERIODS = ['thisMonth', 'lastMonth', 'last3Months', 'thisYear'] as const;
export type StatementPeriod = (typeof STATEMENT_PERIODS)[number];

export interface DayRange {
  from: string;
  to: string;
}

export function periodRange(period: StatementPeriod, today: Date): DayRange {
  const to = businessDate(today);
  switch (period) {
    case 'thisMonth':
      return { from: businessDate(startOfMonth(today)), to };
    case 'lastMonth': {
      const last = subMonths(startOfMonth(today), 1);
      return { from: businessDate(last), to: businessDate(endOfMonth(last)) };
    }
    case 'last3Months':
      // 3 months back to the day, that day excluded: 21 Feb – 20 May.
      return { from: businessDate(addDays(subMonths(today, 3), 1)), to };
    case 'thisYear':
      return { from: businessDate(startOfYear(today)), to };
  }
}

/** The preset a range is, if it is one (its button shows pressed). */
export function periodOf(range: DayRange, today: Date): StatementPeriod | null {
  return STATEMENT_PERIODS.find((p) => {
    const r = periodRange(p, today);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}
