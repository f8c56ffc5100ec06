/**
 * Every report on the small fixed history of ./history.ts, against the figures worked out by hand
 * there, event by event (each expectation below says where its number comes from).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daySummary } from '../../src-main/ledger/day-summary.ts';
import { LedgerError } from '../../src-main/ledger/errors.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import { customersReport } from '../../src-main/reports/customers.ts';
import { liabilityReport } from '../../src-main/reports/liability.ts';
import { memberReport } from '../../src-main/reports/member-report.ts';
import { salesReport } from '../../src-main/reports/sales.ts';
import { topMembersReport } from '../../src-main/reports/top-members.ts';
import { topupsReport } from '../../src-main/reports/topups.ts';
import type { TestLedger } from '../helpers/ledger.ts';
import { fixedHistory } from './history.ts';

let t: TestLedger;
let A: Member;

beforeAll(async () => {
  const history = await fixedHistory();
  t = history.t;
  A = history.members.A;
});

afterAll(() => {
  expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  t.dispose();
});

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' } as const;

describe('sales', () => {
  it('adds up November by week (Monday first), empty weeks included, the refund in its own week', () => {
    const r = salesReport(t.ledger, { ...NOVEMBER, groupBy: 'week' });
    expect(r.buckets.map((b) => [b.start, b.end, b.netMinor])).toEqual([
      ['2026-11-01', '2026-11-01', 0],
      ['2026-11-02', '2026-11-08', 24_500],
      ['2026-11-09', '2026-11-15', -8500],
      ['2026-11-16', '2026-11-22', 0],
      ['2026-11-23', '2026-11-29', 0],
      ['2026-11-30', '2026-11-30', 0],
    ]);
    expect(r.buckets[1]).toMatchObject({ salesCount: 6, salesMinor: 24_500, refundsCount: 0, refundsMinor: 0, discountMinor: 1000, pointsEarned: 255 });
    expect(r.buckets[2]).toMatchObject({ salesCount: 1, salesMinor: 1000, refundsCount: 1, refundsMinor: 9500, discountMinor: -500, pointsEarned: -180 });
    // The imported ¥88.00 visit of 11-05 is in no figure.
    expect(r.totals).toEqual({ salesCount: 7, salesMinor: 25_500, refundsCount: 1, refundsMinor: 9500, netMinor: 16_000, discountMinor: 500, pointsEarned: 75, takenMinor: 11_000 });
  });

  it('splits November by payment method, adding up to net sales; stored value and points are not new money', () => {
    const r = salesReport(t.ledger, NOVEMBER);
    expect(r.byMethod).toEqual([
      { method: 'stored_value', kind: 'stored_value', salesMinor: 5000, refundsMinor: 0, netMinor: 5000 },
      { method: 'cash', kind: 'money', salesMinor: 4500, refundsMinor: 0, netMinor: 4500 },
      { method: 'wechat', kind: 'money', salesMinor: 9500, refundsMinor: 9500, netMinor: 0 },
      { method: 'alipay', kind: 'money', salesMinor: 1500, refundsMinor: 0, netMinor: 1500 },
      { method: 'card', kind: 'money', salesMinor: 5000, refundsMinor: 0, netMinor: 5000 },
    ]);
    expect(r.byMethod.reduce((s, m) => s + m.netMinor, 0)).toBe(r.totals.netMinor);
  });

  it('groups by month across the range edges and by day with every day present', () => {
    const months = salesReport(t.ledger, { from: '2026-10-31', to: '2026-12-01', groupBy: 'month' });
    expect(months.buckets.map((b) => [b.start, b.end, b.netMinor, b.salesCount])).toEqual([
      ['2026-10-31', '2026-10-31', 700, 1],
      ['2026-11-01', '2026-11-30', 16_000, 7],
      ['2026-12-01', '2026-12-01', 3000, 2],
    ]);
    const days = salesReport(t.ledger, NOVEMBER);
    expect(days.buckets).toHaveLength(30);
    expect(days.buckets.filter((b) => b.netMinor !== 0).map((b) => [b.start, b.netMinor])).toEqual([
      ['2026-11-02', 16_000],
      ['2026-11-03', 8500],
      ['2026-11-09', -8500],
    ]);
  });

  it('agrees with the day summary on every day (the imported day apart, which the day summary still counts)', () => {
    for (const b of salesReport(t.ledger, { from: '2026-10-31', to: '2026-12-01' }).buckets) {
      if (b.start === '2026-11-05') continue;
      const day = daySummary(t.ledger, { businessDate: b.start });
      expect({ salesCount: b.salesCount, refundsCount: b.refundsCount, salesMinor: b.salesMinor, refundsMinor: b.refundsMinor, netMinor: b.netMinor, pointsEarned: b.pointsEarned }).toEqual({
        salesCount: day.salesCount,
        refundsCount: day.refundsCount,
        salesMinor: day.salesMinor,
        refundsMinor: day.refundsMinor,
        netMinor: day.netMinor,
        pointsEarned: day.pointsEarned,
      });
    }
  });

  it('refuses a range that ends before it starts or is longer than ten years, and a day that does not exist', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof LedgerError ? e.code : 'other';
      }
      return null;
    };
    expect(code(() => salesReport(t.ledger, { from: '2026-11-30', to: '2026-11-01' }))).toBe('REPORT_RANGE_INVALID');
    expect(code(() => salesReport(t.ledger, { from: '2016-01-01', to: '2026-11-30' }))).toBe('REPORT_RANGE_TOO_LONG');
    expect(code(() => salesReport(t.ledger, { from: '2026-02-30', to: '2026-03-01' }))).toBe('other');
  });
});

describe('top-ups', () => {
  it('counts principal in, bonus given, and what the top-up refund gave and took back', () => {
    const r = topupsReport(t.ledger, { ...NOVEMBER, groupBy: 'month' });
    const totals = { topupsCount: 2, principalMinor: 60_000, bonusMinor: 9000, refundsCount: 1, refundedPrincipalMinor: 5000, bonusClawedBackMinor: 500, netPrincipalMinor: 55_000, netBonusMinor: 8500 };
    expect(r.totals).toEqual(totals);
    expect(r.buckets).toEqual([{ start: '2026-11-01', end: '2026-11-30', ...totals }]);
    expect(r.byMethod).toEqual([
      { method: 'cash', principalMinor: 50_000, refundedPrincipalMinor: 0, netPrincipalMinor: 50_000 },
      { method: 'wechat', principalMinor: 10_000, refundedPrincipalMinor: 5000, netPrincipalMinor: 5000 },
    ]);
    expect(topupsReport(t.ledger, { from: '2026-11-04', to: '2026-11-08' }).totals.topupsCount).toBe(0);
  });
});

describe('liability', () => {
  it('owes at the end of November what the members held then, aged by their last use', () => {
    const r = liabilityReport(t.ledger, { asOf: '2026-11-30' });
    // A: last used 11-02 (28 days), C: 11-03 (27 days; the top-up refund is not a use), B: only a gift.
    expect(r.storedValue).toEqual({ members: 3, principalMinor: 50_596, bonusMinor: 8904, totalMinor: 59_500 });
    expect(r.aging).toEqual([
      { bucket: '0-30', members: 2, principalMinor: 47_414 + 3182, bonusMinor: 7586 + 318, totalMinor: 58_500 },
      { bucket: '31-90', members: 0, principalMinor: 0, bonusMinor: 0, totalMinor: 0 },
      { bucket: '91-180', members: 0, principalMinor: 0, bonusMinor: 0, totalMinor: 0 },
      { bucket: '181-365', members: 0, principalMinor: 0, bonusMinor: 0, totalMinor: 0 },
      { bucket: 'over-365', members: 0, principalMinor: 0, bonusMinor: 0, totalMinor: 0 },
      { bucket: 'never', members: 1, principalMinor: 0, bonusMinor: 1000, totalMinor: 1000 },
    ]);
    // 20 + 10 (A) + 45 (C); B's 190 were taken back by the refund. 100 points = ¥1.
    expect(r.points).toEqual({ outstanding: 75, valueMinor: 75, pointsPerUnit: 100 });
  });

  it('follows the balances back to any earlier day', () => {
    expect(liabilityReport(t.ledger, { asOf: '2026-11-01' })).toMatchObject({ storedValue: { members: 0, totalMinor: 0 }, points: { outstanding: 0 } });
    const first = liabilityReport(t.ledger, { asOf: '2026-11-02' });
    expect(first.storedValue).toEqual({ members: 1, principalMinor: 47_414, bonusMinor: 7586, totalMinor: 55_000 });
    expect(first.points.outstanding).toBe(210);
  });

  it('is today’s by default and equals the members’ cached balances', () => {
    const r = liabilityReport(t.ledger);
    expect(r.asOf).toBe('2026-12-01');
    expect(r.storedValue).toEqual({ members: 3, principalMinor: 46_983 + 3182, bonusMinor: 7517 + 318 + 1000, totalMinor: 59_000 });
    const cached = t.ledger.sqlite.prepare('select sum(balance_principal_minor) p, sum(balance_bonus_minor) b, sum(points) pts from members').get();
    expect(cached).toEqual({ p: r.storedValue.principalMinor, b: r.storedValue.bonusMinor, pts: r.points.outstanding });
    expect(r.points.outstanding).toBe(100);
  });

  it('moves a balance to an older bucket the day it turns 31, 91, 181, 366 days unused', () => {
    const owed = (asOf: string) => Object.fromEntries(liabilityReport(t.ledger, { asOf }).aging.filter((a) => a.members > 0).map((a) => [a.bucket, a.totalMinor]));
    // A last used stored value on 12-01 (¥545.00 left), C on 11-03 (¥35.00), B never (¥10.00 gift).
    expect(owed('2026-12-31')).toEqual({ '0-30': 54_500, '31-90': 3500, never: 1000 });
    expect(owed('2027-01-01')).toEqual({ '31-90': 58_000, never: 1000 });
    expect(owed('2027-03-01')).toEqual({ '31-90': 54_500, '91-180': 3500, never: 1000 });
    expect(owed('2027-03-02')).toEqual({ '91-180': 58_000, never: 1000 });
    expect(owed('2027-11-03')).toEqual({ '181-365': 58_000, never: 1000 });
    expect(owed('2027-11-04')).toEqual({ '181-365': 54_500, 'over-365': 3500, never: 1000 });
  });
});

describe('customers', () => {
  it('splits November between members and walk-ins, with visits, spend per visit, new members and the repeat rate', () => {
    const r = customersReport(t.ledger, { ...NOVEMBER, groupBy: 'month' });
    const figures = {
      memberNetMinor: 9500,
      walkInNetMinor: 6500,
      netMinor: 16_000,
      // A and B on 11-02 (A's two bills are one visit), C on 11-03, A on 11-09; the imported visit is not one.
      memberVisits: 4,
      walkInVisits: 2,
      visits: 6,
      memberSpendPerVisitMinor: 2375,
      walkInSpendPerVisitMinor: 3250,
      // 16000 / 6 = 2666.67
      spendPerVisitMinor: 2667,
      newMembers: 3,
    };
    expect(r.buckets).toEqual([{ start: '2026-11-01', end: '2026-11-30', ...figures }]);
    // A came on two days, B and C on one.
    expect(r.totals).toEqual({ ...figures, visitingMembers: 3, repeatMembers: 1, repeatRateBp: 3333 });
  });

  it('counts new members on the day they signed up', () => {
    const r = customersReport(t.ledger, { from: '2026-11-02', to: '2026-12-01', groupBy: 'month' });
    expect(r.buckets.map((b) => [b.start, b.newMembers])).toEqual([
      ['2026-11-02', 3],
      ['2026-12-01', 1],
    ]);
    expect(customersReport(t.ledger, { from: '2026-11-03', to: '2026-11-30' }).totals.newMembers).toBe(0);
  });
});

describe('top members and the drill-down', () => {
  it('ranks November’s members by net spend', () => {
    const r = topMembersReport(t.ledger, NOVEMBER);
    expect(r.memberNetMinor).toBe(9500);
    expect(r.members.map((m) => [m.name, m.netMinor, m.bills, m.visits, m.spendPerVisitMinor, m.lastVisitDate, m.balanceMinor, m.points])).toEqual([
      ['张三', 6000, 3, 2, 3000, '2026-11-09', 54_500, 30],
      ['王五', 3500, 1, 1, 3500, '2026-11-03', 3500, 45],
      ['李四', 0, 1, 1, 0, '2026-11-02', 1000, 0],
    ]);
    expect(topMembersReport(t.ledger, { ...NOVEMBER, limit: 1 }).members.map((m) => m.name)).toEqual(['张三']);
    expect(topMembersReport(t.ledger, { ...NOVEMBER, limit: 1 }).memberNetMinor).toBe(9500);
  });

  it('opens a member’s every bill (the imported one marked) and every stored-value and points movement', () => {
    const r = memberReport(t.ledger, { memberId: A.id, ...NOVEMBER });
    expect(r.member.name).toBe('张三');
    expect(r.figures).toEqual({ salesCount: 3, refundsCount: 0, netMinor: 6000, visits: 2 });
    expect(r.bills.map((b) => [b.businessDate, b.kind, b.totalMinor, b.imported, b.payments])).toEqual([
      ['2026-11-02', 'sale', 3000, false, [{ method: 'stored_value', amountMinor: 3000 }]],
      ['2026-11-02', 'sale', 2000, false, [{ method: 'cash', amountMinor: 2000 }]],
      ['2026-11-05', 'sale', 8800, true, [{ method: 'imported', amountMinor: 8800 }]],
      ['2026-11-09', 'sale', 1000, false, [{ method: 'cash', amountMinor: 1000 }]],
    ]);
    expect(r.ledger.opening).toEqual({ balanceMinor: 0, points: 0 });
    expect(r.ledger.closing).toEqual({ balanceMinor: 55_000, points: 30 });
    expect(r.ledger.entries.map((e) => [e.kind, e.amountMinor, e.storedValueDeltaMinor, e.balanceAfterMinor, e.pointsDelta, e.pointsAfter])).toEqual([
      ['topup', 50_000, 58_000, 58_000, 0, 0],
      ['sale', 3000, -3000, 55_000, 0, 0],
      ['sale', 2000, 0, 55_000, 20, 20],
      ['sale', 8800, 0, 55_000, 0, 20],
      ['sale', 1000, 0, 55_000, 10, 30],
    ]);
    const december = memberReport(t.ledger, { memberId: A.id, from: '2026-12-01', to: '2026-12-01' });
    expect(december.ledger.opening).toEqual({ balanceMinor: 55_000, points: 30 });
    expect(december.bills.map((b) => b.payments)).toEqual([[{ method: 'stored_value', amountMinor: 500 }]]);
    expect(() => memberReport(t.ledger, { memberId: 'nobody', ...NOVEMBER })).toThrow(/MEMBER_NOT_FOUND/);
    expect(() => memberReport(t.ledger, { memberId: A.id, from: '2020-01-01', to: '2026-11-30' })).toThrow(/REPORT_RANGE_TOO_LONG/);
  });
});
