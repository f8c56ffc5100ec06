/**
 * Property (fast-check): whatever sequence of sales (members and walk-ins, split tenders with stored
 * value and points), partial and full refunds, top-ups, top-up refunds and gifts happens over some
 * weeks, the reports equal what the use cases answered, added up here in plain TypeScript:
 * - sales: totals, every bucket (days, weeks, months, any sub-range), every payment method;
 * - top-ups, customers (member/walk-in net, visits as member-days, repeat members), top members;
 * - liability at every day of the history: each member's balance after their last operation before
 *   that day's end, aged by their last spend or top-up; today's equals the members' cached balances;
 *   points likewise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkout, refundBill } from '../../src-main/ledger/bills.ts';
import { LedgerError } from '../../src-main/ledger/errors.ts';
import { mulDivRound } from '../../src-main/ledger/money.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import type { Bill, MemberSummary, PaymentMethod } from '../../src-main/ledger/types.ts';
import { businessDate } from '../../src-main/ledger/time.ts';
import { addDays, daysBetween } from '../../src-main/ledger/visit-figures.ts';
import { adjustWallet, refundTopup, topUp } from '../../src-main/ledger/wallet.ts';
import { customersReport } from '../../src-main/reports/customers.ts';
import { liabilityReport } from '../../src-main/reports/liability.ts';
import { bucketStart } from '../../src-main/reports/range.ts';
import { salesReport } from '../../src-main/reports/sales.ts';
import { topMembersReport } from '../../src-main/reports/top-members.ts';
import { topupsReport } from '../../src-main/reports/topups.ts';
import { GROUP_BYS, type AgingBucket } from '../../src-main/reports/types.ts';
import { manualClock, newKey, openTestLedger } from '../helpers/ledger.ts';
import { seedShop } from '../helpers/shop.ts';

const RUNS = Number(process.env['REGULARS_PROPERTY_RUNS'] ?? 25);
const EXT = ['cash', 'card', 'wechat', 'alipay'] as const;

type Op =
  | { t: 'sale'; m: number | null; unit: number; qty: number; sv: number; pts: number; method: (typeof EXT)[number] }
  | { t: 'refund'; pick: number; full: boolean }
  | { t: 'topup'; m: number; amount: number; method: (typeof EXT)[number] }
  | { t: 'topupRefund'; pick: number; part: number }
  | { t: 'gift'; m: number; bonus: number };

const member = fc.integer({ min: 0, max: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('sale' as const), m: fc.option(member, { nil: null }), unit: fc.integer({ min: 1, max: 10_000 }), qty: fc.integer({ min: 1, max: 3 }), sv: fc.integer({ min: 0, max: 100 }), pts: fc.integer({ min: 0, max: 100 }), method: fc.constantFrom(...EXT) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('refund' as const), pick: fc.nat(), full: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('topup' as const), m: member, amount: fc.constantFrom(5000, 10_000, 50_000, 123_45), method: fc.constantFrom(...EXT) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('topupRefund' as const), pick: fc.nat(), part: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('gift' as const), m: member, bonus: fc.integer({ min: 1, max: 2000 }) }) },
);
/** Minutes to wait before the operation: the same hour, later that day, or days or weeks later. */
const wait = fc.oneof(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 600, max: 1500 }), fc.integer({ min: 1440, max: 40 * 1440 }));

interface BillFact {
  day: string;
  kind: 'sale' | 'refund';
  memberId: string | null;
  total: number;
  discount: number;
  points: number;
  payments: Array<{ method: PaymentMethod; amount: number }>;
}
interface TopupFact {
  day: string;
  kind: 'topup' | 'refund';
  method: string;
  principal: number;
  bonus: number;
}
/** A member's holdings right after an operation, and whether it was a use of stored value. */
interface Holding {
  at: string;
  memberId: string;
  principal: number;
  bonus: number;
  points: number;
  use: boolean;
}

function play(ops: Array<[number, Op]>) {
  const t = openTestLedger({ clock: manualClock(new Date(2026, 0, 5, 9, 0)) });
  try {
    const shop = seedShop(t.ledger, t.staffId, 4);
    const ids = shop.members.map((m) => m.id);
    const bills: BillFact[] = [];
    const sales: Bill[] = [];
    const topups: TopupFact[] = [];
    const topupIds: string[] = [];
    const holdings: Holding[] = [];
    const hold = (m: MemberSummary | null, use: boolean) => {
      if (m) holdings.push({ at: t.clock().toISOString(), memberId: m.id, principal: m.balancePrincipalMinor, bonus: m.balanceBonusMinor, points: m.points, use });
    };
    const billFact = (b: Bill): BillFact => ({
      day: b.businessDate,
      kind: b.kind,
      memberId: b.memberId,
      total: b.totalMinor,
      discount: b.discountMinor,
      points: b.pointsEarned,
      payments: b.payments.map((p) => ({ method: p.method, amount: p.amountMinor })),
    });
    for (const [minutes, o] of ops) {
      t.clock.advance(minutes * 60_000);
      try {
        if (o.t === 'sale') {
          const memberId = o.m === null ? null : ids[o.m]!;
          // What the member holds decides how much stored value and points can pay (100 points = ¥1: a point a fen).
          const holder = memberId ? holdings.filter((h) => h.memberId === memberId).at(-1) : undefined;
          const discountBp = memberId ? shop.members[o.m!]!.tierDiscountBp : 0;
          const gross = o.unit * o.qty;
          const total = gross - mulDivRound(gross, discountBp, 10_000);
          const sv = Math.min(holder ? holder.principal + holder.bonus : 0, Math.floor((total * o.sv) / 100));
          const pts = Math.min(holder?.points ?? 0, Math.floor(((total - sv) * o.pts) / 100));
          const rest = total - sv - pts;
          const payments = [
            ...(sv > 0 ? [{ method: 'stored_value' as const, amountMinor: sv }] : []),
            ...(pts > 0 ? [{ method: 'points' as const, amountMinor: pts }] : []),
            ...(rest > 0 ? [{ method: o.method, amountMinor: rest }] : []),
          ];
          const r = checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, lines: [{ name: '咖啡', amountMinor: o.unit, quantity: o.qty }], payments });
          bills.push(billFact(r.bill));
          sales.push(r.bill);
          hold(r.member, sv > 0);
        } else if (o.t === 'refund') {
          if (sales.length === 0) continue;
          const sale = sales[o.pick % sales.length]!;
          const lines = o.full ? undefined : [{ lineId: sale.lines[0]!.id, quantity: 1 }];
          const r = refundBill(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, billId: sale.id, lines });
          bills.push(billFact(r.refund));
          hold(r.member, false);
        } else if (o.t === 'topup') {
          const r = topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: ids[o.m]!, principalMinor: o.amount, method: o.method });
          topups.push({ day: r.topup.businessDate, kind: 'topup', method: r.topup.method, principal: r.topup.principalMinor, bonus: r.topup.bonusMinor });
          topupIds.push(r.topup.id);
          hold(r.member, true);
        } else if (o.t === 'topupRefund') {
          if (topupIds.length === 0) continue;
          const topupId = topupIds[o.pick % topupIds.length]!;
          const r = refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId, principalMinor: o.part * 100, reason: '退' });
          topups.push({ day: r.topup.businessDate, kind: 'refund', method: r.topup.method, principal: r.topup.principalMinor, bonus: r.topup.bonusMinor });
          hold(r.member, false);
        } else {
          const r = adjustWallet(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: ids[o.m]!, bonusDeltaMinor: o.bonus, reason: '礼物' });
          hold(r.member, false);
        }
      } catch (e) {
        // A refusal (not enough left to refund, nothing to refund…) changes nothing; the reports must not see it.
        if (!(e instanceof LedgerError)) throw e;
      }
    }
    check(t.ledger, { bills, topups, holdings, first: '2026-01-05', last: businessDate(t.clock()) });
    expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  } finally {
    t.dispose();
  }
}

const sum = <T>(list: readonly T[], pick: (x: T) => number) => list.reduce((s, x) => s + pick(x), 0);

function check(
  ledger: Parameters<typeof salesReport>[0],
  h: { bills: BillFact[]; topups: TopupFact[]; holdings: Holding[]; first: string; last: string },
): void {
  const { bills, topups, holdings, first, last } = h;
  // The whole history, and a sub-range that cuts weeks and months.
  const middle = addDays(first, Math.floor(daysBetween(first, last) / 3));
  for (const [from, to] of [[first, last], [middle, last]] as const) {
    const inRange = bills.filter((b) => b.day >= from && b.day <= to);
    for (const groupBy of GROUP_BYS) {
      const r = salesReport(ledger, { from, to, groupBy });
      expect(r.totals.netMinor).toBe(sum(inRange, (b) => b.total));
      expect(r.totals.salesMinor).toBe(sum(inRange.filter((b) => b.kind === 'sale'), (b) => b.total));
      expect(r.totals.refundsMinor).toBe(0 - sum(inRange.filter((b) => b.kind === 'refund'), (b) => b.total));
      expect(r.totals.salesCount + r.totals.refundsCount).toBe(inRange.length);
      expect(r.totals.discountMinor).toBe(sum(inRange, (b) => b.discount));
      expect(r.totals.pointsEarned).toBe(sum(inRange, (b) => b.points));
      // Buckets follow each other without gap from the first day to the last, each one week, month or day.
      expect(r.buckets[0]?.start).toBe(from);
      expect(r.buckets.at(-1)?.end).toBe(to);
      r.buckets.forEach((bucket, i) => {
        if (i > 0) expect(bucket.start).toBe(addDays(r.buckets[i - 1]!.end, 1));
        expect(bucketStart(bucket.end, groupBy)).toBe(i === 0 ? bucketStart(from, groupBy) : bucket.start);
        const days = inRange.filter((b) => b.day >= bucket.start && b.day <= bucket.end);
        expect(bucket.netMinor).toBe(sum(days, (b) => b.total));
        expect(bucket.salesCount).toBe(days.filter((b) => b.kind === 'sale').length);
      });
      expect(sum(r.buckets, (b) => b.netMinor)).toBe(r.totals.netMinor);
      const byMethod = new Map<string, number>();
      for (const b of inRange) for (const p of b.payments) byMethod.set(p.method, (byMethod.get(p.method) ?? 0) + p.amount);
      expect(Object.fromEntries(r.byMethod.map((m) => [m.method, m.netMinor]))).toEqual(Object.fromEntries(byMethod));
      expect(r.totals.takenMinor).toBe(sum([...byMethod].filter(([m]) => (EXT as readonly string[]).includes(m)), ([, v]) => v));
    }

    const tops = topupsReport(ledger, { from, to, groupBy: 'week' });
    const topsIn = topups.filter((x) => x.day >= from && x.day <= to);
    expect(tops.totals.netPrincipalMinor).toBe(sum(topsIn, (x) => x.principal));
    expect(tops.totals.netBonusMinor).toBe(sum(topsIn, (x) => x.bonus));
    expect(tops.totals.principalMinor).toBe(sum(topsIn.filter((x) => x.kind === 'topup'), (x) => x.principal));
    expect(tops.totals.topupsCount + tops.totals.refundsCount).toBe(topsIn.length);
    expect(sum(tops.buckets, (b) => b.bonusMinor)).toBe(tops.totals.bonusMinor);

    const customers = customersReport(ledger, { from, to, groupBy: 'month' });
    const memberDays = new Map<string, Set<string>>();
    for (const b of inRange) if (b.kind === 'sale' && b.memberId) memberDays.set(b.memberId, (memberDays.get(b.memberId) ?? new Set()).add(b.day));
    expect(customers.totals.memberNetMinor).toBe(sum(inRange.filter((b) => b.memberId), (b) => b.total));
    expect(customers.totals.walkInNetMinor).toBe(sum(inRange.filter((b) => !b.memberId), (b) => b.total));
    expect(customers.totals.memberVisits).toBe(sum([...memberDays.values()], (d) => d.size));
    expect(customers.totals.walkInVisits).toBe(inRange.filter((b) => b.kind === 'sale' && !b.memberId).length);
    expect(customers.totals.visitingMembers).toBe(memberDays.size);
    expect(customers.totals.repeatMembers).toBe([...memberDays.values()].filter((d) => d.size >= 2).length);
    expect(sum(customers.buckets, (b) => b.memberVisits)).toBe(customers.totals.memberVisits);

    const top = topMembersReport(ledger, { from, to, limit: 500 });
    const spend = new Map<string, number>();
    for (const b of inRange) if (b.memberId) spend.set(b.memberId, (spend.get(b.memberId) ?? 0) + b.total);
    expect(new Map(top.members.map((m) => [m.memberId, m.netMinor]))).toEqual(spend);
    expect(top.members.map((m) => m.netMinor)).toEqual([...top.members.map((m) => m.netMinor)].sort((a, b) => b - a));
  }

  // The liability at the end of the day before the first, of days holdings changed, and of the days after them.
  const changed = [...new Set(holdings.map((x) => businessDate(new Date(x.at))))];
  const days = changed.filter((_, i) => i % Math.ceil(changed.length / 6) === 0);
  for (const asOf of [addDays(first, -1), ...days, ...days.map((d) => addDays(d, 31)), addDays(last, 400)]) {
    const end = new Date(`${addDays(asOf, 1)}T00:00:00`).toISOString();
    const last = new Map<string, Holding>();
    const lastUse = new Map<string, string>();
    for (const x of holdings) {
      if (x.at >= end) continue;
      last.set(x.memberId, x);
      if (x.use) lastUse.set(x.memberId, x.at);
    }
    const holders = [...last.values()].filter((x) => x.principal + x.bonus > 0);
    const r = liabilityReport(ledger, { asOf });
    expect(r.storedValue).toEqual({
      members: holders.length,
      principalMinor: sum(holders, (x) => x.principal),
      bonusMinor: sum(holders, (x) => x.bonus),
      totalMinor: sum(holders, (x) => x.principal + x.bonus),
    });
    expect(r.points.outstanding).toBe(sum([...last.values()], (x) => x.points));
    const aged = new Map<AgingBucket, number>();
    for (const x of holders) {
      const use = lastUse.get(x.memberId);
      const age = use === undefined ? null : daysBetween(businessDate(new Date(use)), asOf);
      const bucket: AgingBucket = age === null ? 'never' : age <= 30 ? '0-30' : age <= 90 ? '31-90' : age <= 180 ? '91-180' : age <= 365 ? '181-365' : 'over-365';
      aged.set(bucket, (aged.get(bucket) ?? 0) + x.principal + x.bonus);
    }
    expect(new Map(r.aging.filter((a) => a.members > 0).map((a) => [a.bucket, a.totalMinor]))).toEqual(aged);
  }
  const today = liabilityReport(ledger);
  const cached = ledger.sqlite.prepare('select coalesce(sum(balance_principal_minor), 0) p, coalesce(sum(balance_bonus_minor), 0) b, coalesce(sum(points), 0) pts from members').get();
  expect(cached).toEqual({ p: today.storedValue.principalMinor, b: today.storedValue.bonusMinor, pts: today.points.outstanding });
}

describe('reports against the use cases’ own answers', () => {
  it(`hold over ${RUNS} random histories of sales, refunds, top-ups and gifts`, { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(wait, op), { minLength: 5, maxLength: 45 }), (ops) => play(ops)),
      { numRuns: RUNS },
    );
  });
});
