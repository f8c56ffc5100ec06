import { format } from 'date-fns/format';

/** Stored timestamps: ISO-8601 UTC, which sorts as text. */
export function isoTime(date: Date): string {
  return date.toISOString();
}

/** The shop's local calendar day, which bill numbers and day reports follow. */
export function businessDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** A stored ISO time as the shop's clock showed it, to the minute: "2026-11-23 14:05". */
export function localMinute(iso: string): string {
  return format(new Date(iso), 'yyyy-MM-dd HH:mm');
}
