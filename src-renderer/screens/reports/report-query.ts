/**
 * What a report shows, read from its address (`#/reports/<tab>?from=…&to=…&group=…&asOf=…&member=…`),
 * so a report can be bookmarked, and the browser's back goes to the dates before. Dates are business
 * days (`yyyy-MM-dd`, the till's calendar). Without dates: this month so far. Without a grouping: by
 * day up to about six weeks, by week up to about half a year, by month beyond.
 */
import { endOfMonth } from 'date-fns/endOfMonth';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfWeek } from 'date-fns/startOfWeek';
import { startOfYear } from 'date-fns/startOfYear';
import { subMonths } from 'date-fns/subMonths';
import { businessDate } from '../../../src-main/ledger/time.ts';
import { daysBetween } from '../../../src-main/ledger/visit-figures.ts';
import { GROUP_BYS, type GroupBy } from '../../../src-main/reports/types.ts';

export const RANGE_PRESETS = ['today', 'thisWeek', 'thisMonth', 'lastMonth', 'thisYear'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface DayRange {
  from: string;
  to: string;
}

export interface ReportQuery extends DayRange {
  groupBy: GroupBy;
  /** The liability's day (today when absent). */
  asOf: string | null;
  /** The member opened from the top members. */
  memberId: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function presetRange(preset: RangePreset, today: Date): DayRange {
  const to = businessDate(today);
  switch (preset) {
    case 'today':
      return { from: to, to };
    case 'thisWeek':
      return { from: businessDate(startOfWeek(today, { weekStartsOn: 1 })), to };
    case 'thisMonth':
      return { from: businessDate(startOfMonth(today)), to };
    case 'lastMonth': {
      const last = subMonths(startOfMonth(today), 1);
      return { from: businessDate(last), to: businessDate(endOfMonth(last)) };
    }
    case 'thisYear':
      return { from: businessDate(startOfYear(today)), to };
  }
}

/** The preset a range is, if it is one (its button shows pressed). */
export function presetOf(range: DayRange, today: Date): RangePreset | null {
  return RANGE_PRESETS.find((p) => {
    const r = presetRange(p, today);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}

/** A grouping that gives a readable number of bars for the range. */
export function naturalGroupBy(range: DayRange): GroupBy {
  const days = range.from <= range.to ? daysBetween(range.from, range.to) + 1 : 1;
  return days <= 45 ? 'day' : days <= 190 ? 'week' : 'month';
}

export function readReportQuery(query: Record<string, string>, today: Date): ReportQuery {
  const fallback = presetRange('thisMonth', today);
  const from = query['from'] !== undefined && DAY.test(query['from']) ? query['from'] : fallback.from;
  const to = query['to'] !== undefined && DAY.test(query['to']) ? query['to'] : fallback.to;
  const group = GROUP_BYS.find((g) => g === query['group']);
  return {
    from,
    to,
    groupBy: group ?? naturalGroupBy({ from, to }),
    asOf: query['asOf'] !== undefined && DAY.test(query['asOf']) ? query['asOf'] : null,
    memberId: query['member'] || null,
  };
}

/** The address's query for a report's state; the grouping only when it is not the range's natural one. */
export function reportQueryParams(q: ReportQuery): Record<string, string | null> {
  return {
    from: q.from,
    to: q.to,
    group: q.groupBy === naturalGroupBy(q) ? null : q.groupBy,
    asOf: q.asOf,
    member: q.memberId,
  };
}

/** Why a range cannot be asked for, as a text key, or null. */
export function rangeProblem(range: DayRange): 'errMissing' | 'errOrder' | null {
  if (!range.from || !range.to) return 'errMissing';
  return range.from > range.to ? 'errOrder' : null;
}
