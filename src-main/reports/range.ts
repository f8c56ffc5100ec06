/**
 * Ranges of business days and how a report cuts them into buckets. SQL adds up per business day (a
 * few thousand rows at most, whatever the number of bills); the days are rolled up into weeks or
 * months here, so every grouping of one report is made from the same daily sums.
 */
import { fail } from '../ledger/errors.ts';
import { addDays, daysBetween } from '../ledger/visit-figures.ts';
import type { Bucket, GroupBy } from './types.ts';

/** The longest range a report covers: ten years of days. */
export const MAX_REPORT_DAYS = 3660;

/** Refuses a range that ends before it starts or spans more than `maxDays` days. */
export function checkRange(from: string, to: string, maxDays = MAX_REPORT_DAYS): void {
  if (from > to) fail('REPORT_RANGE_INVALID', { from, to });
  if (daysBetween(from, to) + 1 > maxDays) fail('REPORT_RANGE_TOO_LONG', { days: maxDays });
}

/** Monday = 0 … Sunday = 6: weeks start on Monday, as a Chinese (and ISO) calendar has them. */
function weekdayFromMonday(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The first day of the bucket that holds `day`. */
export function bucketStart(day: string, groupBy: GroupBy): string {
  if (groupBy === 'day') return day;
  if (groupBy === 'week') return addDays(day, -weekdayFromMonday(day));
  return `${day.slice(0, 7)}-01`;
}

function nextBucketStart(start: string, groupBy: GroupBy): string {
  if (groupBy === 'day') return addDays(start, 1);
  if (groupBy === 'week') return addDays(start, 7);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Every bucket from `from` to `to`, in order, the first and last clipped to the range. */
export function bucketsOf(from: string, to: string, groupBy: GroupBy): Bucket[] {
  const buckets: Bucket[] = [];
  for (let start = bucketStart(from, groupBy); start <= to; start = nextBucketStart(start, groupBy)) {
    const end = addDays(nextBucketStart(start, groupBy), -1);
    buckets.push({ start: start < from ? from : start, end: end > to ? to : end });
  }
  return buckets;
}

/**
 * Daily figures rolled up into the range's buckets: every bucket present (zero where nothing
 * happened), each the sum of its days' figures. `zero` makes an empty set of figures; `add` adds a
 * day's into it.
 */
export function rollUp<F, D extends { day: string }>(
  from: string,
  to: string,
  groupBy: GroupBy,
  days: readonly D[],
  zero: () => F,
  add: (into: F, day: D) => void,
): Array<Bucket & F> {
  const buckets = bucketsOf(from, to, groupBy).map((b) => ({ ...b, ...zero() }));
  // The first bucket starts at `from` (clipped): a day whose bucket began earlier falls into it.
  const byStart = new Map(buckets.map((b) => [b.start, b] as const));
  for (const d of days) {
    const start = bucketStart(d.day, groupBy);
    const bucket = byStart.get(start < from ? from : start);
    if (bucket) add(bucket, d);
  }
  return buckets;
}
