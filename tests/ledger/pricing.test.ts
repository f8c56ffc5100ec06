/**
 * Pricing and earning, with answers worked out by hand: the tier discount is rounded once on the
 * subtotal (half away from zero) and spread over the lines exactly; points are earned on what was
 * actually paid (never on the points part; the stored-value part only when the shop says so).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkout, quoteCheckout } from '../../src-main/ledger/bills.ts';
import { upsertTier } from '../../src-main/ledger/catalog.ts';
import { createMember, getMember } from '../../src-main/ledger/members.ts';
import { allocate, mulDivRound } from '../../src-main/ledger/money.ts';
import { adjustPoints } from '../../src-main/ledger/points.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { auditLedger } from '../helpers/audit.ts';
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

function memberOnTier(discountBp: number, pointsPerUnit: number, phone = '13800138000') {
  const tier = upsertTier(t.ledger, { name: `T${discountBp}-${pointsPerUnit}`, discountBp, pointsPerUnit });
  return createMember(t.ledger, { staffId: t.staffId, phone, name: '张三', tierId: tier.id });
}

describe('money arithmetic', () => {
  it('rounds half away from zero', () => {
    expect(mulDivRound(1004, 1250, 10_000)).toBe(126); // 125.5
    expect(mulDivRound(1003, 1250, 10_000)).toBe(125); // 125.375
    expect(mulDivRound(-1004, 1250, 10_000)).toBe(-126);
    expect(mulDivRound(4, 1250, 10_000)).toBe(1); // 0.5
  });
  it('allocates by largest remainder, exactly, ties to the first line', () => {
    expect(allocate(305, [1999, 1, 1050])).toEqual([200, 0, 105]);
    expect(allocate(1, [2, 2])).toEqual([1, 0]);
    expect(allocate(10, [0, 0])).toEqual([10, 0]);
    expect(allocate(0, [5, 7])).toEqual([0, 0]);
  });
});

describe('tier discount', () => {
  it('10% on 30.50 is 3.05, spread 2.00 / 0.00 / 1.05 over the lines', () => {
    const m = memberOnTier(1000, 1);
    const q = quoteCheckout(t.ledger, {
      memberId: m.id,
      lines: [
        { name: 'A', amountMinor: 1999 },
        { name: 'B', amountMinor: 1 },
        { name: 'C', amountMinor: 350, quantity: 3 },
      ],
    });
    expect(q.subtotalMinor).toBe(3050);
    expect(q.discountMinor).toBe(305);
    expect(q.totalMinor).toBe(2745);
    expect(q.lines.map((l) => [l.grossMinor, l.discountMinor, l.netMinor])).toEqual([
      [1999, 200, 1799],
      [1, 0, 1],
      [1050, 105, 945],
    ]);
    expect(q.tierDiscountBp).toBe(1000);
  });

  it('12.5% of 10.04 rounds the half cent up to 1.26, and the one-cent remainder goes to the bigger share', () => {
    const m = memberOnTier(1250, 1);
    const q = quoteCheckout(t.ledger, { memberId: m.id, lines: [{ name: 'A', amountMinor: 1002 }, { name: 'B', amountMinor: 2 }] });
    expect(q.discountMinor).toBe(126);
    expect(q.lines.map((l) => l.discountMinor)).toEqual([126, 0]);
    expect(q.totalMinor).toBe(878);
  });

  it('a half cent on two equal lines goes to the first; 12.5% of 0.04 is 0.01', () => {
    const m = memberOnTier(1250, 1);
    const q = quoteCheckout(t.ledger, { memberId: m.id, lines: [{ name: 'A', amountMinor: 2 }, { name: 'B', amountMinor: 2 }] });
    expect(q.discountMinor).toBe(1);
    expect(q.lines.map((l) => l.netMinor)).toEqual([1, 2]);
  });

  it('walk-ins pay the list price; a 100% tier makes a bill of zero that needs no payment', () => {
    expect(quoteCheckout(t.ledger, { lines: [{ name: 'A', amountMinor: 1999 }] }).totalMinor).toBe(1999);
    const m = memberOnTier(10_000, 5);
    const res = checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, lines: [{ name: 'A', amountMinor: 1999 }], payments: [] });
    expect(res.bill.totalMinor).toBe(0);
    expect(res.bill.discountMinor).toBe(1999);
    expect(res.bill.pointsEarned).toBe(0);
    expect(getMember(t.ledger, m.id).visitCount).toBe(1);
  });

  it('the discount is the one in force at the sale, kept on the bill', () => {
    const tier = upsertTier(t.ledger, { name: 'X', discountBp: 1000, pointsPerUnit: 0 });
    const m = createMember(t.ledger, { staffId: t.staffId, phone: '13800138000', name: '张三', tierId: tier.id });
    const res = checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, lines: [{ name: 'A', amountMinor: 1000 }], payments: [{ method: 'card', amountMinor: 900 }] });
    upsertTier(t.ledger, { id: tier.id, name: 'X', discountBp: 2000, pointsPerUnit: 0 });
    expect(res.bill.tierDiscountBp).toBe(1000);
    expect(quoteCheckout(t.ledger, { memberId: m.id, lines: [{ name: 'A', amountMinor: 1000 }] }).totalMinor).toBe(800);
  });
});

describe('points earned', () => {
  // Tier: no discount, 2 points per ¥1. Bill: ¥27.45.
  const line = [{ name: '套餐', amountMinor: 2745 }];

  it('on a bill paid in cash: floor(27.45 × 2) = 54', () => {
    const m = memberOnTier(0, 2);
    const res = checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, lines: line, payments: [{ method: 'cash', amountMinor: 2745, tenderedMinor: 3000 }] });
    expect(res.bill.pointsEarned).toBe(54);
    expect(res.changeMinor).toBe(255);
    expect(res.member!.points).toBe(54);
  });

  it('not on the stored-value part by default (floor(17.45 × 2) = 34), but on it when the shop says so (54)', () => {
    const m = memberOnTier(0, 2);
    topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, principalMinor: 5000, method: 'cash' });
    const pay = [{ method: 'stored_value' as const, amountMinor: 1000 }, { method: 'wechat' as const, amountMinor: 1745 }];
    const a = checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, lines: line, payments: pay });
    expect(a.bill.pointsEarned).toBe(34);
    updateSettings(t.ledger, { storedValueEarnsPoints: true });
    const b = checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, lines: line, payments: pay });
    expect(b.bill.pointsEarned).toBe(54);
    expect(getMember(t.ledger, m.id).points).toBe(88);
  });

  it('never on the points part: 500 points pay ¥5.00, the other ¥22.45 earns floor(44.9) = 44', () => {
    const m = memberOnTier(0, 2);
    adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, delta: 600, reason: '开卡赠送' });
    const res = checkout(t.ledger, {
      idempotencyKey: newKey(),
      staffId: t.staffId,
      memberId: m.id,
      lines: line,
      payments: [{ method: 'points', amountMinor: 500 }, { method: 'alipay', amountMinor: 2245 }],
    });
    expect(res.bill.payments.find((p) => p.method === 'points')!.points).toBe(500);
    expect(res.bill.pointsEarned).toBe(44);
    expect(res.member!.points).toBe(600 - 500 + 44);
  });

  it('a redemption costs its points rounded up: at 250 points per ¥1, ¥0.03 costs ceil(7.5) = 8 points', () => {
    const m = memberOnTier(0, 0);
    updateSettings(t.ledger, { pointsRedemption: { enabled: true, pointsPerUnit: 250 } });
    adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, delta: 8, reason: 'x' });
    const res = checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, lines: [{ name: 'A', amountMinor: 3 }], payments: [{ method: 'points', amountMinor: 3 }] });
    expect(res.bill.payments[0]!.points).toBe(8);
    expect(res.member!.points).toBe(0);
  });

  it('walk-ins earn nothing', () => {
    const res = checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, lines: line, payments: [{ method: 'card', amountMinor: 2745 }] });
    expect(res.bill.pointsEarned).toBe(0);
    expect(res.member).toBeNull();
  });
});
