/**
 * Checkout: bill numbers per business day, the whole sale written in one transaction, and every
 * refusal at the till leaving the data file exactly as it was (not even a bill number used up).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkout, getBill, listBillsOfDay, quoteCheckout, refundBill } from '../../src-main/ledger/bills.ts';
import type { CheckoutCommit } from '../../src-main/ledger/commands.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { archiveMember, getMember } from '../../src-main/ledger/members.ts';
import { MAX_MINOR } from '../../src-main/ledger/money.ts';
import { adjustPoints } from '../../src-main/ledger/points.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import { auditLedger } from '../helpers/audit.ts';
import { expectLedgerError, expectRefusedUnchanged } from '../helpers/expect-ledger.ts';
import { manualClock, newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop, type Shop } from '../helpers/shop.ts';

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

const sale = (extra: Partial<CheckoutCommit> = {}) =>
  checkout(t.ledger, {
    idempotencyKey: newKey(),
    staffId: t.staffId,
    lines: [{ productId: shop.products.coffee.id }],
    payments: [{ method: 'cash', amountMinor: 1999 }],
    ...extra,
  });

describe('bill numbers', () => {
  it('count per business day, sales and refunds alike, from 0001 again the next day', () => {
    const a = sale();
    const b = sale();
    expect([a.bill.billNo, b.bill.billNo]).toEqual(['20261123-0001', '20261123-0002']);
    expect(a.bill.businessDate).toBe('2026-11-23');
    const r = refundBill(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, billId: a.bill.id });
    expect(r.refund.billNo).toBe('20261123-0003');
    // A refused checkout does not use up a number.
    expectLedgerError(() => sale({ payments: [{ method: 'cash', amountMinor: 1 }] }), 'PAYMENT_MISMATCH');
    expect(sale().bill.billNo).toBe('20261123-0004');
    t.clock.advance(24 * 3600 * 1000);
    const c = sale();
    expect(c.bill.billNo).toBe('20261124-0001');
    expect(c.bill.businessDate).toBe('2026-11-24');
    expect(listBillsOfDay(t.ledger, { businessDate: '2026-11-23' }).map((x) => x.billNo).sort()).toEqual(['20261123-0001', '20261123-0002', '20261123-0003', '20261123-0004']);
  });
});

describe('a checkout', () => {
  it('writes bill, lines, payments, wallet and points entries and member totals together', () => {
    const m = shop.members[1]!; // silver: 5% off, 2 points per ¥1
    topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, principalMinor: 10_000, method: 'cash' });
    // 2 × coffee 19.99 + beans 123.45 = 163.43; 5% = 8.1715 → 8.17; total 155.26
    const res = sale({
      memberId: m.id,
      lines: [{ productId: shop.products.coffee.id, quantity: 2 }, { productId: shop.products.beans.id }],
      payments: [{ method: 'stored_value', amountMinor: 5_000 }, { method: 'cash', amountMinor: 10_526, tenderedMinor: 20_000 }],
    });
    expect(res.bill).toMatchObject({ subtotalMinor: 16_343, discountMinor: 817, totalMinor: 15_526, tierDiscountBp: 500 });
    expect(res.changeMinor).toBe(9_474);
    // stored value 50.00 of 100.00 + 10.00 bonus: 4545.45 / 454.54 → 4545 + 455 (the spare cent to the larger remainder, bonus)
    expect(res.bill.payments.find((p) => p.method === 'stored_value')).toMatchObject({ principalMinor: 4_545, bonusMinor: 455 });
    // points on the cash part only: floor(105.26 × 2) = 210
    expect(res.bill.pointsEarned).toBe(210);
    const after = getMember(t.ledger, m.id);
    expect(after).toMatchObject({ balancePrincipalMinor: 5_455, balanceBonusMinor: 545, points: 210, totalSpentMinor: 15_526, visitCount: 1 });
    expect(after.firstVisitAt).toBe(res.bill.createdAt);
    expect(after.lastVisitAt).toBe(res.bill.createdAt);
    const counts = t.ledger.sqlite
      .prepare('select (select count(*) from bill_lines where bill_id = ?) l, (select count(*) from payments where bill_id = ?) p, (select count(*) from wallet_entries where bill_id = ?) w, (select count(*) from points_entries where bill_id = ?) e')
      .get(res.bill.id, res.bill.id, res.bill.id, res.bill.id);
    expect(counts).toEqual({ l: 2, p: 2, w: 1, e: 1 });
    expect(getBill(t.ledger, res.bill.id)).toEqual(res.bill);
  });

  it('refusals change nothing', () => {
    const m = shop.members[0]!;
    const coffee = [{ productId: shop.products.coffee.id }];
    topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, principalMinor: 1_000, method: 'cash' });
    adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, delta: 99, reason: 'x' });
    const refuse = (extra: Partial<CheckoutCommit>, code: Parameters<typeof expectRefusedUnchanged>[2]) => expectRefusedUnchanged(t.ledger, () => sale(extra), code);

    refuse({ payments: [{ method: 'cash', amountMinor: 1998 }] }, 'PAYMENT_MISMATCH');
    refuse({ payments: [{ method: 'cash', amountMinor: 1000 }, { method: 'card', amountMinor: 1000 }] }, 'PAYMENT_MISMATCH');
    refuse({ payments: [] }, 'PAYMENT_MISMATCH');
    refuse({ payments: [{ method: 'cash', amountMinor: 1999, tenderedMinor: 1998 }] }, 'CASH_TENDER_SHORT');
    refuse({ payments: [{ method: 'card', amountMinor: 1999, tenderedMinor: 2000 }] }, 'TENDER_ONLY_FOR_CASH');
    refuse({ payments: [{ method: 'stored_value', amountMinor: 1999 }] }, 'MEMBER_REQUIRED');
    refuse({ payments: [{ method: 'points', amountMinor: 1999 }] }, 'MEMBER_REQUIRED');
    refuse({ memberId: m.id, payments: [{ method: 'stored_value', amountMinor: 1001 }, { method: 'cash', amountMinor: 998 }] }, 'INSUFFICIENT_BALANCE');
    refuse({ memberId: m.id, payments: [{ method: 'points', amountMinor: 100 }, { method: 'cash', amountMinor: 1899 }] }, 'INSUFFICIENT_POINTS');
    refuse({ memberId: 'no-such-member' }, 'MEMBER_NOT_FOUND');
    refuse({ lines: [{ productId: 'no-such-product' }] }, 'PRODUCT_NOT_FOUND');
    refuse({ lines: [{ productId: shop.products.retired.id }], payments: [{ method: 'cash', amountMinor: 2500 }] }, 'PRODUCT_INACTIVE');
    refuse({ staffId: 'no-such-staff' }, 'STAFF_NOT_FOUND');
    updateSettings(t.ledger, { pointsRedemption: { enabled: false, pointsPerUnit: 100 } });
    refuse({ memberId: m.id, payments: [{ method: 'points', amountMinor: 50 }, { method: 'cash', amountMinor: 1949 }] }, 'POINTS_REDEMPTION_DISABLED');
    archiveMember(t.ledger, { memberId: m.id, staffId: t.staffId });
    refuse({ memberId: m.id }, 'MEMBER_ARCHIVED');
  });

  it('a cart beyond the largest amount is refused as out of range, not as an internal error', () => {
    // 200 lines × 9999 × ¥100,000,000.00 does not even fit a double exactly.
    const huge = Array.from({ length: 200 }, () => ({ name: '金条', amountMinor: MAX_MINOR, quantity: 9999 }));
    expectRefusedUnchanged(t.ledger, () => quoteCheckout(t.ledger, { lines: huge }), 'AMOUNT_OUT_OF_RANGE');
    // Two lines of the largest amount: every tender is in range, but the bill total is not.
    expectRefusedUnchanged(
      t.ledger,
      () =>
        sale({
          lines: [{ name: '金条', amountMinor: MAX_MINOR }, { name: '金条', amountMinor: MAX_MINOR }],
          payments: [{ method: 'card', amountMinor: MAX_MINOR }, { method: 'cash', amountMinor: MAX_MINOR }],
        }),
      'AMOUNT_OUT_OF_RANGE',
    );
    // Exactly the largest amount is fine.
    expect(sale({ lines: [{ name: '金条', amountMinor: MAX_MINOR }], payments: [{ method: 'card', amountMinor: MAX_MINOR }] }).bill.totalMinor).toBe(MAX_MINOR);
  });
});
