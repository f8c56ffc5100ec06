/**
 * Refunds as reversing bills: one line partly, then the rest, to the exact cent; the shop's refund
 * policy for earned points, redeemed points and bonus; and previewRefund == what refundBill then does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkout, getBill, previewRefund, refundBill } from '../../src-main/ledger/bills.ts';
import { upsertTier } from '../../src-main/ledger/catalog.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { archiveMember, createMember, getMember } from '../../src-main/ledger/members.ts';
import { adjustPoints } from '../../src-main/ledger/points.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import type { RefundPolicy } from '../../src-main/ledger/settings-schema.ts';
import type { RefundPreview, RefundResult } from '../../src-main/ledger/types.ts';
import { adjustWallet, topUp } from '../../src-main/ledger/wallet.ts';
import { auditLedger } from '../helpers/audit.ts';
import { expectRefusedUnchanged } from '../helpers/expect-ledger.ts';
import { newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger();
});
afterEach(() => {
  expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  expect(auditLedger(t.ledger)).toEqual([]);
  t.dispose();
});

/** The refund as written, in the preview's terms, so the two can be compared field by field. */
function asPreview(res: RefundResult) {
  const r = res.refund;
  const neg = (x: number) => 0 - x; // a refund row's signed amount as the positive figure the preview shows
  return {
    billId: r.originalBillId,
    lines: r.lines.map((l) => ({ lineId: l.refundOfLineId, name: l.name, quantity: neg(l.quantity), amountMinor: neg(l.netMinor) })),
    totalMinor: neg(r.totalMinor),
    tenders: r.payments.map((p) => ({ paymentId: p.refundOfPaymentId, method: p.method, amountMinor: neg(p.amountMinor), principalMinor: neg(p.principalMinor), bonusMinor: neg(p.bonusMinor), points: neg(p.points) })),
    pointsEarnedReversed: neg(r.pointsEarned),
    pointsEarnedWaived: r.pointsReversalWaived,
    memberAfter: res.member ? { balancePrincipalMinor: res.member.balancePrincipalMinor, balanceBonusMinor: res.member.balanceBonusMinor, points: res.member.points } : null,
  };
}

/** Preview, refund, and check that the refund did exactly what the preview said. */
function refundAsPreviewed(input: { billId: string; lines?: Array<{ lineId: string; quantity: number }> }): { preview: RefundPreview; res: RefundResult } {
  const preview = previewRefund(t.ledger, input);
  const res = refundBill(t.ledger, { ...input, idempotencyKey: newKey(), staffId: t.staffId, reason: '顾客退货' });
  const { policy: _p, pointsRedeemedRestored: _r, pointsRedeemedForfeited: _f, bonusForfeitedMinor: _b, isFinal: _i, ...comparable } = preview;
  expect(asPreview(res)).toEqual(comparable);
  return { preview, res };
}

describe('partial refund of one line, then the rest', () => {
  it('returns 3.00, 3.00, then 2.99 + 9.01, leaving nothing over on lines or tenders', () => {
    // 10% tier. A: 3.33 × 3 = 9.99, B: 10.01. Discount 2.00 spread 1.00 / 1.00 (A's remainder .9 beats B's .1).
    const tier = upsertTier(t.ledger, { name: '会员九折', discountBp: 1000, pointsPerUnit: 0 });
    const m = createMember(t.ledger, { staffId: t.staffId, phone: '13800138000', name: '张三', tierId: tier.id });
    const sale = checkout(t.ledger, {
      idempotencyKey: newKey(),
      staffId: t.staffId,
      memberId: m.id,
      lines: [{ name: 'A', amountMinor: 333, quantity: 3 }, { name: 'B', amountMinor: 1001 }],
      payments: [{ method: 'cash', amountMinor: 1000 }, { method: 'card', amountMinor: 800 }],
    }).bill;
    expect(sale.lines.map((l) => [l.grossMinor, l.discountMinor, l.netMinor])).toEqual([[999, 100, 899], [1001, 100, 901]]);
    const [lineA] = sale.lines;
    const cash = sale.payments.find((p) => p.method === 'cash')!;
    const card = sale.payments.find((p) => p.method === 'card')!;

    // One A: round(8.99 / 3) = 3.00; tenders 300 × 1000/1800 = 166.67 → 167 cash, 133.33 → 133 card.
    const r1 = refundAsPreviewed({ billId: sale.id, lines: [{ lineId: lineA!.id, quantity: 1 }] }).res.refund;
    expect(r1.totalMinor).toBe(-300);
    expect(r1.lines[0]).toMatchObject({ quantity: -1, grossMinor: -333, discountMinor: -33, netMinor: -300, refundOfLineId: lineA!.id });
    expect(r1.payments.map((p) => [p.method, p.amountMinor, p.refundOfPaymentId])).toEqual([['cash', -167, cash.id], ['card', -133, card.id]]);

    // Another A: round(5.99 / 2) = round(2.995) = 3.00; tenders 300 over 833 / 667 → 166.6 → 167, 133.4 → 133.
    const r2 = refundAsPreviewed({ billId: sale.id, lines: [{ lineId: lineA!.id, quantity: 1 }] }).res.refund;
    expect(r2.totalMinor).toBe(-300);
    expect(r2.payments.map((p) => p.amountMinor)).toEqual([-167, -133]);

    // Asking for two more A is refused: only one is left.
    expectRefusedUnchanged(
      t.ledger,
      () => refundBill(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, billId: sale.id, lines: [{ lineId: lineA!.id, quantity: 2 }] }),
      'REFUND_EXCEEDS_SALE',
    );

    // The rest: A's last unit takes exactly the 2.99 left, B all of 9.01; the tenders give back exactly what they still hold.
    const { preview, res } = refundAsPreviewed({ billId: sale.id });
    expect(preview.isFinal).toBe(true);
    expect(res.refund.totalMinor).toBe(-1200);
    expect(res.refund.lines.map((l) => [l.quantity, l.grossMinor, l.discountMinor, l.netMinor])).toEqual([[-1, -333, -34, -299], [-1, -1001, -100, -901]]);
    expect(res.refund.payments.map((p) => p.amountMinor)).toEqual([-666, -534]);

    const after = getBill(t.ledger, sale.id);
    expect(after.lines.map((l) => [l.refundedQuantity, l.refundedMinor])).toEqual([[3, 899], [1, 901]]);
    expect(after.refunds.map((r) => r.totalMinor)).toEqual([-300, -300, -1200]);
    expect(getMember(t.ledger, m.id)).toMatchObject({ totalSpentMinor: 0, visitCount: 1 });
    expectRefusedUnchanged(t.ledger, () => refundBill(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, billId: sale.id }), 'NOTHING_TO_REFUND');
    expectRefusedUnchanged(t.ledger, () => refundBill(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, billId: r1.id }), 'NOT_A_SALE');
    expectRefusedUnchanged(t.ledger, () => refundBill(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, billId: 'nope' }), 'BILL_NOT_FOUND');
    expectRefusedUnchanged(
      t.ledger,
      () => refundBill(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, billId: sale.id, lines: [{ lineId: 'not-a-line', quantity: 1 }] }),
      'VALIDATION',
    );
  });
});

describe('refund policy', () => {
  // Tier: no discount, 10 points per ¥1. The member tops up ¥100.00 (no bonus rules in this file) and
  // is given 500 points. The sale of ¥30.00 is paid ¥12.00 stored value, ¥3.00 in points (300 points)
  // and ¥15.00 cash, and earns floor(15.00 × 10) = 150 points (cash part only).
  let memberId: string;
  let saleId: string;
  beforeEach(() => {
    const tier = upsertTier(t.ledger, { name: '积分卡', discountBp: 0, pointsPerUnit: 10 });
    memberId = createMember(t.ledger, { staffId: t.staffId, phone: '13800138000', name: '张三', tierId: tier.id }).id;
    topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, principalMinor: 10_000, method: 'cash' });
    adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, delta: 500, reason: '开卡' });
  });
  function sell() {
    const res = checkout(t.ledger, {
      idempotencyKey: newKey(),
      staffId: t.staffId,
      memberId,
      lines: [{ name: '蛋糕', amountMinor: 3_000 }],
      payments: [{ method: 'stored_value', amountMinor: 1_200 }, { method: 'points', amountMinor: 300 }, { method: 'cash', amountMinor: 1_500 }],
    });
    expect(res.bill.pointsEarned).toBe(150);
    expect(res.member).toMatchObject({ balancePrincipalMinor: 8_800, balanceBonusMinor: 0, points: 500 - 300 + 150 });
    saleId = res.bill.id;
  }
  const setPolicy = (refundPolicy: RefundPolicy) => updateSettings(t.ledger, { refundPolicy });
  /** ¥20.00 of bonus, so the wallet is 100.00 : 20.00 and a ¥12.00 spend draws exactly 10.00 + 2.00. */
  const addBonus = () => adjustWallet(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, bonusDeltaMinor: 2_000, reason: '充值赠送补录' });
  const sellFromWallet = () =>
    checkout(t.ledger, {
      idempotencyKey: newKey(),
      staffId: t.staffId,
      memberId,
      lines: [{ name: '蛋糕', amountMinor: 2_400 }],
      payments: [{ method: 'stored_value', amountMinor: 1_200 }, { method: 'wechat', amountMinor: 1_200 }],
    }).bill;

  it('default (reverse earned, restore redeemed, return bonus): everything back as it was', () => {
    sell();
    const { preview, res } = refundAsPreviewed({ billId: saleId });
    expect(preview).toMatchObject({ totalMinor: 3_000, pointsEarnedReversed: 150, pointsEarnedWaived: 0, pointsRedeemedRestored: 300, pointsRedeemedForfeited: 0, bonusForfeitedMinor: 0, isFinal: true });
    expect(res.member).toMatchObject({ balancePrincipalMinor: 10_000, balanceBonusMinor: 0, points: 500, totalSpentMinor: 0, visitCount: 1 });
  });

  it('keep earned points, forfeit redeemed points', () => {
    sell();
    setPolicy({ earnedPoints: 'keep', redeemedPoints: 'forfeit', bonus: 'return' });
    const { preview, res } = refundAsPreviewed({ billId: saleId });
    expect(preview).toMatchObject({ pointsEarnedReversed: 0, pointsEarnedWaived: 0, pointsRedeemedRestored: 0, pointsRedeemedForfeited: 300 });
    // The points tender is still accounted for on the refund (its 300 points), but none go back.
    expect(res.refund.payments.find((p) => p.method === 'points')).toMatchObject({ amountMinor: -300, points: -300 });
    expect(res.member).toMatchObject({ balancePrincipalMinor: 10_000, points: 350 });
  });

  it('earned points already spent are waived, never pushing points below zero', () => {
    sell();
    adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, delta: -300, reason: '兑换礼品' }); // 350 → 50
    setPolicy({ earnedPoints: 'reverse', redeemedPoints: 'forfeit', bonus: 'return' });
    const { preview, res } = refundAsPreviewed({ billId: saleId });
    expect(preview).toMatchObject({ pointsEarnedReversed: 50, pointsEarnedWaived: 100, pointsRedeemedRestored: 0, memberAfter: { points: 0 } });
    expect(res.refund).toMatchObject({ pointsEarned: -50, pointsReversalWaived: 100 });
    expect(res.member!.points).toBe(0);
  });

  it('restored redeemed points count before the reversal: 50 + 300 restored − 150 reversed = 200', () => {
    sell();
    adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, delta: -300, reason: '兑换礼品' });
    const { res } = refundAsPreviewed({ billId: saleId });
    expect(res.member!.points).toBe(200);
    expect(res.refund.pointsReversalWaived).toBe(0);
  });

  it('bonus forfeited: principal back to the wallet, the bonus recorded as a forfeited_bonus tender', () => {
    addBonus();
    const sale = sellFromWallet();
    expect(sale.payments.find((p) => p.method === 'stored_value')).toMatchObject({ principalMinor: 1_000, bonusMinor: 200 });
    setPolicy({ earnedPoints: 'reverse', redeemedPoints: 'restore', bonus: 'forfeit' });
    const { preview, res } = refundAsPreviewed({ billId: sale.id });
    expect(preview.bonusForfeitedMinor).toBe(200);
    const sv = sale.payments.find((p) => p.method === 'stored_value')!;
    expect(res.refund.payments.map((p) => [p.method, p.amountMinor, p.principalMinor, p.bonusMinor, p.refundOfPaymentId === sv.id])).toEqual([
      ['stored_value', -1_000, -1_000, 0, true],
      ['forfeited_bonus', -200, 0, -200, true],
      ['wechat', -1_200, 0, 0, false],
    ]);
    expect(res.member).toMatchObject({ balancePrincipalMinor: 10_000, balanceBonusMinor: 1_800 });
  });

  it('bonus returned under the default policy', () => {
    addBonus();
    const sale = sellFromWallet();
    const { preview, res } = refundAsPreviewed({ billId: sale.id });
    expect(preview.bonusForfeitedMinor).toBe(0);
    expect(res.refund.payments.map((p) => [p.method, p.principalMinor, p.bonusMinor])).toEqual([['stored_value', -1_000, -200], ['wechat', 0, 0]]);
    expect(res.member).toMatchObject({ balancePrincipalMinor: 10_000, balanceBonusMinor: 2_000 });
  });

  it('partial refunds reverse earned points in proportion, the last one takes the rest', () => {
    const res = checkout(t.ledger, {
      idempotencyKey: newKey(),
      staffId: t.staffId,
      memberId,
      lines: [{ name: '咖啡', amountMinor: 999, quantity: 3 }],
      payments: [{ method: 'card', amountMinor: 2_997 }],
    });
    expect(res.bill.pointsEarned).toBe(299); // floor(29.97 × 10)
    const line = res.bill.lines[0]!;
    // One of three (¥9.99): floor(299 × 999 / 2997) = 99, twice; the last takes the remaining 101.
    expect(refundAsPreviewed({ billId: res.bill.id, lines: [{ lineId: line.id, quantity: 1 }] }).preview.pointsEarnedReversed).toBe(99);
    expect(refundAsPreviewed({ billId: res.bill.id, lines: [{ lineId: line.id, quantity: 1 }] }).preview.pointsEarnedReversed).toBe(99);
    expect(refundAsPreviewed({ billId: res.bill.id }).preview.pointsEarnedReversed).toBe(101);
    expect(getMember(t.ledger, memberId).points).toBe(500);
  });

  it('an archived member’s bill can still be refunded', () => {
    sell();
    archiveMember(t.ledger, { memberId, staffId: t.staffId });
    const { res } = refundAsPreviewed({ billId: saleId });
    expect(res.member).toMatchObject({ balancePrincipalMinor: 10_000, points: 500 });
  });
});
