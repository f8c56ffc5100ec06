import { format } from 'date-fns/format';

/** Stored timestamps: ISO-8601 UTC, which sorts as text. */
export function isoTime(date: Date): string {
  return date.toISOString();
}

/** The shop's local calendar day, which bill numbers and day reports follow. */
export function businessDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** Local midnight at the start of a YYYY-MM-DD business day (plus some days), as stored ISO time: the bounds of a range of days. */
export function businessDayStartIso(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return isoTime(new Date(y, m - 1, d + plusDays));
}

/** A stored ISO time as the shop's clock showed it, to the minute: "2026-11-23 14:05". */
export function localMinute(iso: string): string {
  return format(new Date(iso), 'yyyy-MM-dd HH:mm');
}
