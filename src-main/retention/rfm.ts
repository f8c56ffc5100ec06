/**
 * RFM scoring: every member with a visit gets a score of 1–5 for recency (days since the last visit),
 * frequency (visit days) and monetary value (total spent), by quintile of the shop's own members, and
 * a named segment from recency and frequency (and value, for the big spenders it cannot lose).
 *
 * Ties always share a score: the cut points are values, and a member scores 1 + the number of cut
 * points their value is strictly better than. With many one-visit members (usual in a shop), they
 * all score F = 1 rather than being split arbitrarily.
 */
import type { RfmScore, Segment } from './types.ts';

/** Four cut points per measure, ascending, on a "higher is better" scale. */
export interface RfmCutPoints {
  recency: number[];
  frequency: number[];
  monetary: number[];
}

/** Higher is better: recency is scored on minus the days absent. */
export interface RfmValues {
  daysAbsent: number;
  visitDays: number;
  totalSpentMinor: number;
}

/** The k/5 quantile boundaries (the largest value of the lowest k fifths), k = 1..4, of ascending values. */
export function quintileCutPoints(ascending: ArrayLike<number>): number[] {
  const n = ascending.length;
  if (n === 0) return [0, 0, 0, 0];
  return [1, 2, 3, 4].map((k) => ascending[Math.max(0, Math.ceil((n * k) / 5) - 1)]!);
}

export function cutPointsOf(values: { daysAbsent: Float64Array; visitDays: Float64Array; totalSpentMinor: Float64Array }): RfmCutPoints {
  const sorted = (a: Float64Array) => Float64Array.from(a).sort();
  return {
    recency: quintileCutPoints(sorted(values.daysAbsent.map((d) => -d))),
    frequency: quintileCutPoints(sorted(values.visitDays)),
    monetary: quintileCutPoints(sorted(values.totalSpentMinor)),
  };
}

function score(value: number, cuts: number[]): number {
  let s = 1;
  for (const c of cuts) if (value > c) s++;
  return s;
}

export function segmentOf(r: number, f: number, m: number): Segment {
  if (r >= 4) return f >= 4 ? 'champions' : f === 3 ? 'loyal' : 'new';
  if (r === 3) return f >= 3 ? 'loyal' : 'hibernating';
  if (f >= 4 && m >= 4) return 'cant_lose';
  if (f >= 3) return 'at_risk';
  return r === 2 ? 'hibernating' : 'lost';
}

export function scoreMember(values: RfmValues, cuts: RfmCutPoints): RfmScore {
  const r = score(-values.daysAbsent, cuts.recency);
  const f = score(values.visitDays, cuts.frequency);
  const m = score(values.totalSpentMinor, cuts.monetary);
  return { r, f, m, segment: segmentOf(r, f, m) };
}

/** Share of the total in basis points, rounded half up (display only; the amounts stay exact). */
export function shareBp(part: number, total: number): number {
  return total > 0 ? Math.floor((part * 10_000) / total + 0.5) : 0;
}

/** The 80/20 view: how many members are the top fifth by spend, and what they spent. */
export function topFifth(spentDescending: ArrayLike<number>): { members: number; revenueMinor: number } {
  const members = Math.ceil(spentDescending.length / 5);
  let revenueMinor = 0;
  for (let i = 0; i < members; i++) revenueMinor += spentDescending[i]!;
  return { members, revenueMinor };
}
