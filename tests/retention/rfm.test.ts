import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cutPointsOf, quintileCutPoints, scoreMember, segmentOf, shareBp, topFifth } from '../../src-main/retention/rfm.ts';
import { segmentMembers, segmentSummary } from '../../src-main/retention/segments.ts';
import { SEGMENTS } from '../../src-main/retention/types.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { buildHistories, every, TODAY } from './retention-shop.ts';

describe('RFM scores', () => {
  it('quintile cut points of ten members put two in each score', () => {
    expect(quintileCutPoints([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([2, 4, 6, 8]);
    const cuts = cutPointsOf({
      daysAbsent: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      visitDays: Float64Array.from([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]),
      totalSpentMinor: Float64Array.from([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]),
    });
    const scores = Array.from({ length: 10 }, (_, i) => scoreMember({ daysAbsent: i + 1, visitDays: 10 - i, totalSpentMinor: (i + 1) * 100 }, cuts));
    expect(scores.map((s) => s.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(scores.map((s) => s.f)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(scores.map((s) => s.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('ties share a score: many one-visit members all score F = 1', () => {
    const visitDays = Float64Array.from([1, 1, 1, 1, 1, 1, 2, 3, 5, 9]);
    const cuts = cutPointsOf({ daysAbsent: new Float64Array(10), visitDays, totalSpentMinor: new Float64Array(10) });
    const f = (v: number) => scoreMember({ daysAbsent: 0, visitDays: v, totalSpentMinor: 0 }, cuts).f;
    expect([1, 2, 3, 5, 9].map(f)).toEqual([1, 4, 4, 5, 5]);
  });

  it('every R × F (× M) falls in exactly one named segment', () => {
    const table: Array<[number, number, number, string]> = [
      [5, 5, 1, 'champions'],
      [4, 4, 3, 'champions'],
      [5, 3, 3, 'loyal'],
      [3, 5, 5, 'loyal'],
      [3, 3, 1, 'loyal'],
      [5, 1, 1, 'new'],
      [4, 2, 5, 'new'],
      [3, 2, 2, 'hibernating'],
      [2, 1, 1, 'hibernating'],
      [2, 5, 5, 'cant_lose'],
      [1, 4, 4, 'cant_lose'],
      [1, 4, 3, 'at_risk'],
      [2, 3, 5, 'at_risk'],
      [1, 2, 5, 'lost'],
      [1, 1, 1, 'lost'],
    ];
    for (const [r, f, m, segment] of table) expect(segmentOf(r, f, m), `${r}${f}${m}`).toBe(segment);
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) expect(SEGMENTS).toContain(segmentOf(r, f, m));
  });

  it('shares in basis points and the top fifth', () => {
    expect(shareBp(1, 3)).toBe(3333);
    expect(shareBp(2, 3)).toBe(6667);
    expect(shareBp(5, 0)).toBe(0);
    expect(topFifth([500, 300, 100, 50, 30, 20])).toEqual({ members: 2, revenueMinor: 800 });
  });
});

describe('the segment summary of a shop', () => {
  let t: TestLedger;
  beforeEach(() => {
    t = openTestLedger();
  });
  afterEach(() => t.dispose());

  it('counts every visited member once, revenue shares add up, and a segment lists its members', () => {
    const visitors = [
      ...Array.from({ length: 4 }, (_, i) => ({ name: `冠军${i}`, daysAgo: every(3, 20, 1 + i), amountMinor: 5_000 })),
      ...Array.from({ length: 4 }, (_, i) => ({ name: `新客${i}`, daysAgo: [2 + i], amountMinor: 2_000 })),
      ...Array.from({ length: 4 }, (_, i) => ({ name: `流失${i}`, daysAgo: [300 + i], amountMinor: 1_000 })),
      ...Array.from({ length: 4 }, (_, i) => ({ name: `可惜${i}`, daysAgo: every(5, 15, 200 + i), amountMinor: 8_000 })),
      ...Array.from({ length: 4 }, (_, i) => ({ name: `一般${i}`, daysAgo: every(20, 3, 60 + i), amountMinor: 3_000 })),
    ];
    buildHistories(t, visitors);
    const summary = segmentSummary(t.ledger, TODAY);
    expect(summary.members).toBe(20);
    expect(summary.segments.reduce((s, x) => s + x.members, 0)).toBe(20);
    expect(summary.segments.reduce((s, x) => s + x.revenueMinor, 0)).toBe(summary.revenueMinor);
    expect(summary.revenueMinor).toBe(4 * 20 * 5_000 + 4 * 2_000 + 4 * 1_000 + 4 * 15 * 8_000 + 4 * 3 * 3_000);
    const bySegment = Object.fromEntries(summary.segments.map((s) => [s.segment, s.members]));
    expect(bySegment).toMatchObject({ champions: 4, new: 4, cant_lose: 4, lost: 4 });
    // Top 20% = 4 members: the "can't lose" ones (¥1,200 each) — 480,000 of 928,000 = 51.72%.
    expect(summary.top20).toEqual({ members: 4, revenueMinor: 480_000, revenueShareBp: 5172 });

    const lost = segmentMembers(t.ledger, 'lost', { offset: 0, limit: 10 }, { asOfDate: TODAY, fit: null, wonBackDays: 30 });
    expect(lost.total).toBe(4);
    expect(lost.rows.map((r) => r.name).sort()).toEqual(['流失0', '流失1', '流失2', '流失3']);
    expect(lost.rows.every((r) => r.rfm?.segment === 'lost')).toBe(true);
  });
});
