/**
 * The checkout quote with payments: what a split tender would draw, earn and leave, worked out by
 * hand, with problems reported as data (the screen shows them) and the commit writing exactly what
 * the quote said.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkout, quoteCheckout } from '../../src-main/ledger/bills.ts';
import { upsertTier } from '../../src-main/ledger/catalog.ts';
import { LedgerError } from '../../src-main/ledger/errors.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { createMember, getMember } from '../../src-main/ledger/members.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import { pointsRedeemableMinor } from '../../src-main/ledger/tender.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import { DEFAULT_SETTINGS } from '../../src-main/ledger/settings-schema.ts';
import { adjustPoints } from '../../src-main/ledger/points.ts';
import { newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger();
});
afterEach(() => {
  expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  t.dispose();
});

/** A member on a 10%-off, 2-points-per-yuan tier holding 80.00 principal and 500 points. */
function funded() {
  const tier = upsertTier(t.ledger, { name: '银卡', discountBp: 1000, pointsPerUnit: 2 });
  const m = createMember(t.ledger, { staffId: t.staffId, phone: '13800138000', name: '张三', tierId: tier.id });
  topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, principalMinor: 8000, method: 'cash' });
  adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, delta: 500, reason: 'test' });
  return { member: m, tier };
}

describe('checkout quote with payments', () => {
  it('stored value 50.00 + card for the rest of a 90.00 bill: draws, earns and leaves as worked out', () => {
    const { member } = funded();
    // 100.00 at 10% off = 90.00. Stored value 50.00 from 80.00 principal (no bonus): principal 50.00.
    const q = quoteCheckout(t.ledger, {
      memberId: member.id,
      lines: [{ name: '蛋糕', amountMinor: 10_000 }],
      payments: [{ method: 'stored_value', amountMinor: 5000 }],
    });
    expect(q.totalMinor).toBe(9000);
    expect(q.member).toEqual({ balancePrincipalMinor: 8000, balanceBonusMinor: 0, points: 500 });
    expect(q.tender).toMatchObject({ paidMinor: 5000, dueMinor: 4000, storedValuePrincipalMinor: 5000, storedValueBonusMinor: 0, problems: [] });
    // Points on what is not stored value: 40.00 × 2 = 80 (stored value earns nothing by default).
    expect(q.tender!.pointsEarned).toBe(80);
    expect(q.tender!.memberAfter).toEqual({ balancePrincipalMinor: 3000, balanceBonusMinor: 0, points: 580 });

    // Completing it with the card: the commit writes exactly what the quote promised.
    const payments = [
      { method: 'stored_value' as const, amountMinor: 5000 },
      { method: 'card' as const, amountMinor: 4000 },
    ];
    const done = quoteCheckout(t.ledger, { memberId: member.id, lines: [{ name: '蛋糕', amountMinor: 10_000 }], payments });
    expect(done.tender!.dueMinor).toBe(0);
    const result = checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: member.id, lines: [{ name: '蛋糕', amountMinor: 10_000 }], payments });
    const after = getMember(t.ledger, member.id);
    expect({ balancePrincipalMinor: after.balancePrincipalMinor, balanceBonusMinor: after.balanceBonusMinor, points: after.points }).toEqual(done.tender!.memberAfter);
    expect(result.bill.pointsEarned).toBe(done.tender!.pointsEarned);
  });

  it('reports not enough stored value as a problem instead of refusing the quote, and the commit refuses it', () => {
    const { member } = funded();
    const lines = [{ name: '蛋糕', amountMinor: 10_000 }];
    const payments = [
      { method: 'stored_value' as const, amountMinor: 9000 },
    ];
    const q = quoteCheckout(t.ledger, { memberId: member.id, lines, payments });
    expect(q.tender!.problems).toEqual([{ code: 'INSUFFICIENT_BALANCE', params: { available: 8000, needed: 9000 } }]);
    // Nothing is drawn; the whole 90.00 is assumed paid another way, earning 180 points.
    expect(q.tender!.memberAfter).toEqual({ balancePrincipalMinor: 8000, balanceBonusMinor: 0, points: 500 + 180 });
    let refused: unknown;
    try {
      checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: member.id, lines, payments });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(LedgerError);
    expect((refused as LedgerError).code).toBe('INSUFFICIENT_BALANCE');
    expect(getMember(t.ledger, member.id).balancePrincipalMinor).toBe(8000);
  });

  it('cash tendered gives change; points redemption costs points rounded up and earns nothing on its part', () => {
    const { member } = funded();
    // 20.00 at 10% off = 18.00. Points pay 3.33 → 333 points at 100/unit; cash 14.67 of 20.00 tendered.
    const q = quoteCheckout(t.ledger, {
      memberId: member.id,
      lines: [{ name: '咖啡', amountMinor: 2000 }],
      payments: [
        { method: 'points', amountMinor: 333 },
        { method: 'cash', amountMinor: 1467, tenderedMinor: 2000 },
      ],
    });
    expect(q.tender).toMatchObject({ dueMinor: 0, changeMinor: 533, pointsRedeemed: 333, problems: [] });
    // Earned on 14.67 × 2 = 29.34 → 29.
    expect(q.tender!.pointsEarned).toBe(29);
    expect(q.tender!.memberAfter!.points).toBe(500 - 333 + 29);
    expect(q.pointsRedeemableMinor).toBe(500);
  });

  it('a walk-in cannot pay with stored value; short cash is a problem too', () => {
    const q = quoteCheckout(t.ledger, {
      lines: [{ name: '咖啡', amountMinor: 2000 }],
      payments: [
        { method: 'stored_value', amountMinor: 500 },
        { method: 'cash', amountMinor: 1500, tenderedMinor: 1000 },
      ],
    });
    expect(q.member).toBeNull();
    expect(q.tender!.problems.map((p) => p.code)).toEqual(['MEMBER_REQUIRED', 'CASH_TENDER_SHORT']);
    expect(q.tender!.pointsEarned).toBe(0);
  });

  it('points redeemable: whole minor units the points can afford, none when redemption is off', () => {
    expect(pointsRedeemableMinor(250, DEFAULT_SETTINGS)).toBe(250); // 100 points per yuan: 1 point = 1 fen
    expect(pointsRedeemableMinor(250, { ...DEFAULT_SETTINGS, pointsRedemption: { enabled: true, pointsPerUnit: 300 } })).toBe(83);
    expect(pointsRedeemableMinor(250, { ...DEFAULT_SETTINGS, pointsRedemption: { enabled: false, pointsPerUnit: 100 } })).toBe(0);
  });

  it('with redemption switched off, the quote offers no points and a points payment is a problem', () => {
    const { member } = funded();
    updateSettings(t.ledger, { pointsRedemption: { enabled: false, pointsPerUnit: 100 } });
    const q = quoteCheckout(t.ledger, { memberId: member.id, lines: [{ name: '咖啡', amountMinor: 2000 }], payments: [{ method: 'points', amountMinor: 100 }] });
    expect(q.pointsRedeemableMinor).toBe(0);
    expect(q.tender!.problems.map((p) => p.code)).toEqual(['POINTS_REDEMPTION_DISABLED']);
  });
});
