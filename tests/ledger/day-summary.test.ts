/**
 * A business day added up by the ledger (daySummary) and what each listed sale has had refunded
 * (BillSummary.refundedMinor): hand-worked figures for a day with a member's split-tender sale, a
 * walk-in's cash sale, a partial and a full refund; and the same figures summed from each bill's detail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { checkout, getBill, listBillsOfDay, listMemberBills, refundBill } from '../../src-main/ledger/bills.ts';
import { daySummary } from '../../src-main/ledger/day-summary.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { adjustPoints } from '../../src-main/ledger/points.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import type { Bill, DaySummary, PaymentMethod } from '../../src-main/ledger/types.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import { auditLedger } from '../helpers/audit.ts';
import { manualClock, newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop, type Shop } from '../helpers/shop.ts';

const DAY = '2026-11-23';
const DAY_MS = 24 * 3600 * 1000;

let t: TestLedger;
let shop: Shop;
beforeEach(() => {
  t = openTestLedger({ clock: manualClock(new Date(2026, 10, 23, 9, 30, 0)) });
  shop = seedShop(t.ledger, t.staffId, 2);
});
afterEach(() => {
  expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  expect(auditLedger(t.ledger)).toEqual([]);
  t.dispose();
});

const refund = (billId: string, lines?: Array<{ lineId: string; quantity: number }>) =>
  refundBill(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, billId, lines }).refund;

/**
 * The day: a silver member (5% off, 2 points per ¥1) pays with stored value, points and cash; a
 * walk-in pays cash; one coffee of the member's sale comes back (bonus forfeited by the shop's policy),
 * then all of the walk-in's sale.
 */
function aDay() {
  updateSettings(t.ledger, { refundPolicy: { earnedPoints: 'reverse', redeemedPoints: 'restore', bonus: 'forfeit' } });
  const m = shop.members[1]!;
  // 100.00 principal + 10.00 bonus (rule ≥ 100.00), and 500 points (100 points = ¥1).
  topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, principalMinor: 10_000, method: 'cash' });
  adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, delta: 500, reason: '开业赠送' });

  // 2 × coffee 19.99 + cake 33.33 = 73.31; 5% = 3.6655 → 3.67; total 69.64.
  // Discount over lines: 367 × 3998/7331 = 200.1 and 367 × 3333/7331 = 166.9 → 200 / 167.
  // Points earned on the cash part only: floor(14.64 × 2) = 29.
  const memberSale = checkout(t.ledger, {
    idempotencyKey: newKey(),
    staffId: t.staffId,
    memberId: m.id,
    lines: [{ productId: shop.products.coffee.id, quantity: 2 }, { productId: shop.products.cake.id }],
    payments: [
      { method: 'stored_value', amountMinor: 5_000 },
      { method: 'points', amountMinor: 500 },
      { method: 'cash', amountMinor: 1_464, tenderedMinor: 2_000 },
    ],
  }).bill;
  t.clock.advance(60_000);
  const walkInSale = checkout(t.ledger, {
    idempotencyKey: newKey(),
    staffId: t.staffId,
    lines: [{ productId: shop.products.cake.id }],
    payments: [{ method: 'cash', amountMinor: 3_333, tenderedMinor: 5_000 }],
  }).bill;
  t.clock.advance(60_000);
  // One of the two coffees: round(37.98 / 2) = 18.99, over the tenders' 5000 / 500 / 1464:
  // 1363.4 / 136.3 / 399.2 → the spare cent to stored value: 13.64 / 1.36 / 3.99.
  // Stored value 13.64 over the spend's 45.45 principal / 4.55 bonus → 12.40 / 1.24, the bonus forfeited.
  // Points: 136 restored; earned points reversed floor(29 × 1899 / 6964) = 7.
  const coffee = memberSale.lines.find((l) => l.productId === shop.products.coffee.id)!;
  const partial = refund(memberSale.id, [{ lineId: coffee.id, quantity: 1 }]);
  t.clock.advance(60_000);
  const full = refund(walkInSale.id);
  return { m, memberSale, walkInSale, partial, full };
}

describe('a day summed up by the ledger', () => {
  it('counts and adds up sales, refunds, net, each payment method and points, as worked by hand', () => {
    // A sale the day before is not the day's.
    t.clock.advance(-DAY_MS);
    checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, lines: [{ productId: shop.products.beans.id }], payments: [{ method: 'card', amountMinor: 12_345 }] });
    t.clock.advance(DAY_MS);
    const day = aDay();
    expect(day.memberSale.totalMinor).toBe(6_964);
    expect(day.memberSale.pointsEarned).toBe(29);
    expect(day.partial.totalMinor).toBe(-1_899);
    expect(day.partial.pointsEarned).toBe(-7);
    expect(day.partial.payments.map((p) => [p.method, p.amountMinor])).toEqual(
      expect.arrayContaining([['stored_value', -1_240], ['forfeited_bonus', -124], ['points', -136], ['cash', -399]]),
    );

    expect(daySummary(t.ledger, { businessDate: DAY })).toEqual<DaySummary>({
      businessDate: DAY,
      salesCount: 2,
      refundsCount: 2,
      salesMinor: 10_297, // 69.64 + 33.33
      refundsMinor: 5_232, // 18.99 + 33.33
      netMinor: 5_065,
      byMethod: [
        { method: 'stored_value', netMinor: 3_760 }, // 50.00 − 12.40
        { method: 'points', netMinor: 364 }, // 5.00 − 1.36
        { method: 'cash', netMinor: 1_065 }, // 14.64 + 33.33 − 3.99 − 33.33
        { method: 'forfeited_bonus', netMinor: -124 },
      ],
      pointsEarned: 22, // 29 − 7
    });
  });

  it('gives every listed bill what has been refunded of it, on any day', () => {
    const { m, memberSale, walkInSale, partial, full } = aDay();
    const refunded = () => new Map(listBillsOfDay(t.ledger, { businessDate: DAY }).map((b) => [b.id, b.refundedMinor]));
    expect(refunded()).toEqual(new Map([[memberSale.id, 1_899], [walkInSale.id, 3_333], [partial.id, 0], [full.id, 0]]));

    // The rest of the member's sale comes back the next day: the sale's figure grows, the day's totals stay.
    const before = daySummary(t.ledger, { businessDate: DAY });
    t.clock.advance(DAY_MS);
    const rest = refund(memberSale.id);
    expect(rest.totalMinor).toBe(-5_065);
    expect(refunded().get(memberSale.id)).toBe(6_964);
    expect(daySummary(t.ledger, { businessDate: DAY })).toEqual(before);
    expect(daySummary(t.ledger, { businessDate: rest.businessDate })).toMatchObject({ salesCount: 0, refundsCount: 1, salesMinor: 0, refundsMinor: 5_065, netMinor: -5_065 });

    // Every other reader of bill summaries says the same.
    const memberBills = new Map(listMemberBills(t.ledger, m.id, 100).map((b) => [b.id, b.refundedMinor]));
    expect(memberBills).toEqual(new Map([[memberSale.id, 6_964], [partial.id, 0], [rest.id, 0]]));
    const detail = getBill(t.ledger, memberSale.id);
    expect(detail.refundedMinor).toBe(6_964);
    expect(detail.refunds.map((r) => r.refundedMinor)).toEqual([0, 0]);
  });

  it('is zero with no methods on a day without bills', () => {
    expect(daySummary(t.ledger, { businessDate: '2026-01-01' })).toEqual<DaySummary>({
      businessDate: '2026-01-01',
      salesCount: 0,
      refundsCount: 0,
      salesMinor: 0,
      refundsMinor: 0,
      netMinor: 0,
      byMethod: [],
      pointsEarned: 0,
    });
  });

  it('refuses a business date that is not YYYY-MM-DD', () => {
    expect(() => daySummary(t.ledger, { businessDate: '23/11/2026' })).toThrow(ZodError);
  });
});

describe('the same day summed from each bill in detail', () => {
  it('agrees with daySummary and with refundedMinor on every bill', () => {
    aDay();
    const details: Bill[] = listBillsOfDay(t.ledger, { businessDate: DAY }).map((b) => getBill(t.ledger, b.id));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const sales = details.filter((b) => b.kind === 'sale');
    const refunds = details.filter((b) => b.kind === 'refund');
    const byMethod = new Map<PaymentMethod, number>();
    for (const p of details.flatMap((b) => b.payments)) byMethod.set(p.method, (byMethod.get(p.method) ?? 0) + p.amountMinor);

    const summary = daySummary(t.ledger, { businessDate: DAY });
    expect(summary.salesCount).toBe(sales.length);
    expect(summary.refundsCount).toBe(refunds.length);
    expect(summary.salesMinor).toBe(sum(sales.map((b) => b.totalMinor)));
    expect(summary.refundsMinor).toBe(0 - sum(refunds.map((b) => b.totalMinor)));
    expect(summary.netMinor).toBe(sum(details.map((b) => b.totalMinor)));
    expect(new Map(summary.byMethod.map((x) => [x.method, x.netMinor]))).toEqual(byMethod);
    expect(sum(summary.byMethod.map((x) => x.netMinor))).toBe(summary.netMinor);
    expect(summary.pointsEarned).toBe(sum(details.map((b) => b.pointsEarned)));
    for (const bill of details) {
      // What the refunds against it total, and what its lines say was refunded of them.
      expect(bill.refundedMinor).toBe(0 - sum(bill.refunds.map((r) => r.totalMinor)));
      expect(bill.refundedMinor).toBe(sum(bill.lines.map((l) => l.refundedMinor)));
    }
  });
});
