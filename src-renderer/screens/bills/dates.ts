/** Business days as the ledger names them (`yyyy-MM-dd`, the till's local calendar day). */
import { addDays } from 'date-fns/addDays';
import { parseISO } from 'date-fns/parseISO';
import { businessDate } from '../../../src-main/ledger/time.ts';

export function todayBusinessDate(): string {
  return businessDate(new Date());
}

export function shiftDay(day: string, days: number): string {
  return businessDate(addDays(parseISO(day), days));
}

/** The weekday of a business day in the UI locale ("星期一" / "Monday"). */
export function weekdayName(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(parseISO(day));
}
