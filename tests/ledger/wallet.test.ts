/**
 * Stored value: top-ups with bonus rules, how a spend splits principal and bonus under each setting,
 * top-up refunds (principal only, never below zero) and manual adjustments — hand-computed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkout } from '../../src-main/ledger/bills.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { archiveMember, getMember } from '../../src-main/ledger/members.ts';
import { adjustPoints } from '../../src-main/ledger/points.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import { adjustWallet, previewTopupRefund, quoteTopup, refundTopup, topUp } from '../../src-main/ledger/wallet.ts';
import { auditLedger } from '../helpers/audit.ts';
import { expectRefusedUnchanged } from '../helpers/expect-ledger.ts';
import { newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop, type Shop } from '../helpers/shop.ts';

let t: TestLedger;
let shop: Shop;
let memberId: string;
beforeEach(() => {
  t = openTestLedger();
  shop = seedShop(t.ledger, t.staffId, 1);
  memberId = shop.members[0]!.id; // basic tier: no discount
});
afterEach(() => {
  expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  expect(auditLedger(t.ledger)).toEqual([]);
  t.dispose();
});

const balance = () => {
  const m = getMember(t.ledger, memberId);
  return { principal: m.balancePrincipalMinor, bonus: m.balanceBonusMinor, points: m.points };
};
const topup = (principalMinor: number) => topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, principalMinor, method: 'wechat' });
const spend = (amountMinor: number) =>
  checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, lines: [{ name: '消费', amountMinor }], payments: [{ method: 'stored_value', amountMinor }] });

describe('top-up', () => {
  it('the largest active rule that fits applies; an inactive rule never does', () => {
    expect(quoteTopup(t.ledger, { principalMinor: 9_999 })).toMatchObject({ bonusMinor: 0, bonusRuleId: null, nextRule: { minPrincipalMinor: 10_000 } });
    expect(quoteTopup(t.ledger, { principalMinor: 10_000 }).bonusMinor).toBe(1_000);
    expect(quoteTopup(t.ledger, { principalMinor: 49_999 }).bonusMinor).toBe(1_000); // the inactive 200 → 999.99 rule is ignored
    expect(quoteTopup(t.ledger, { principalMinor: 50_000 }).bonusMinor).toBe(8_000);
    expect(quoteTopup(t.ledger, { principalMinor: 250_000 })).toMatchObject({ bonusMinor: 20_000, nextRule: null });
  });

  it('¥500 top-up gives +500.00 principal and +80.00 bonus, one top-up row and one wallet entry', () => {
    const res = topup(50_000);
    expect(res.replayed).toBe(false);
    expect(res.topup).toMatchObject({ kind: 'topup', principalMinor: 50_000, bonusMinor: 8_000, method: 'wechat', bonusRuleId: shop.rules[1]!.id, refundedPrincipalMinor: 0 });
    expect(res.member).toMatchObject({ balancePrincipalMinor: 50_000, balanceBonusMinor: 8_000 });
    topup(5_000);
    expect(balance()).toEqual({ principal: 55_000, bonus: 8_000, points: 0 });
    expect(t.ledger.sqlite.prepare('select kind, principal_delta_minor p, bonus_delta_minor b, principal_after_minor pa from wallet_entries order by rowid').all()).toEqual([
      { kind: 'topup', p: 50_000, b: 8_000, pa: 50_000 },
      { kind: 'topup', p: 5_000, b: 0, pa: 55_000 },
    ]);
  });

  it('an archived member cannot top up, and nothing is written', () => {
    archiveMember(t.ledger, { memberId, staffId: t.staffId });
    expectRefusedUnchanged(t.ledger, () => topup(10_000), 'MEMBER_ARCHIVED');
  });
});

describe('spending stored value', () => {
  beforeEach(() => {
    topup(10_000); // principal 100.00 + bonus 10.00
  });

  it('proportional: 10.00 of 100.00 + 10.00 draws 9.09 principal + 0.91 bonus (largest remainder)', () => {
    const res = spend(1_000);
    // 1000 × 10000/11000 = 909.09…, 1000 × 1000/11000 = 90.90… → the spare cent goes to bonus
    expect(res.bill.payments[0]).toMatchObject({ principalMinor: 909, bonusMinor: 91 });
    expect(balance()).toEqual({ principal: 9_091, bonus: 909, points: 0 });
  });

  it('principal first, then bonus first', () => {
    updateSettings(t.ledger, { walletSpendOrder: 'principal_first' });
    expect(spend(10_500).bill.payments[0]).toMatchObject({ principalMinor: 10_000, bonusMinor: 500 });
    expect(balance()).toMatchObject({ principal: 0, bonus: 500 });
    topup(1_000);
    updateSettings(t.ledger, { walletSpendOrder: 'bonus_first' });
    expect(spend(700).bill.payments[0]).toMatchObject({ principalMinor: 200, bonusMinor: 500 });
    expect(balance()).toMatchObject({ principal: 800, bonus: 0 });
  });

  it('one cent more than the balance is refused and changes nothing', () => {
    expectRefusedUnchanged(t.ledger, () => spend(11_001), 'INSUFFICIENT_BALANCE');
    spend(11_000);
    expect(balance()).toMatchObject({ principal: 0, bonus: 0 });
  });
});

describe('top-up refund', () => {
  it('returns principal only, at most what is left of it; the matching bonus is withdrawn', () => {
    const { topup: tp } = topup(10_000); // 100.00 principal + 10.00 bonus
    spend(7_000);
    // 7000 × 10000/11000 = 6363.63 → 6363 (rem .63), 7000 × 1000/11000 = 636.36 → 636 (rem .36):
    // the spare cent goes to principal, so 63.64 + 6.36 are spent and 36.36 + 3.64 remain.
    expect(balance()).toMatchObject({ principal: 3_636, bonus: 364 });
    const preview = previewTopupRefund(t.ledger, { topupId: tp.id });
    // Only 36.36 of principal is left: that is all that can go back. Bonus share: round(1000 × 3636/10000) = 364.
    expect(preview).toMatchObject({ refundablePrincipalMinor: 3_636, principalMinor: 3_636, bonusClawbackMinor: 364, memberAfter: { balancePrincipalMinor: 0, balanceBonusMinor: 0 } });
    expectRefusedUnchanged(
      t.ledger,
      () => refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId: tp.id, principalMinor: 3_637 }),
      'TOPUP_REFUND_EXCEEDS',
    );
    const res = refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId: tp.id, reason: '客户退卡' });
    expect(res.topup).toMatchObject({ kind: 'refund', originalTopupId: tp.id, principalMinor: -3_636, bonusMinor: -364, method: 'wechat' });
    expect(balance()).toMatchObject({ principal: 0, bonus: 0 });
    // Nothing left: a second refund is refused, and the balance stays at zero.
    expectRefusedUnchanged(t.ledger, () => refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId: tp.id }), 'TOPUP_REFUND_EXCEEDS');
  });

  it('in two parts: 30.00 (bonus 3.00) then the remaining 70.00 (bonus 7.00), cash back', () => {
    const { topup: tp } = topup(10_000);
    const first = refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId: tp.id, principalMinor: 3_000, method: 'cash' });
    expect(first.topup).toMatchObject({ principalMinor: -3_000, bonusMinor: -300, method: 'cash' });
    expect(previewTopupRefund(t.ledger, { topupId: tp.id }).refundablePrincipalMinor).toBe(7_000);
    const rest = refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId: tp.id });
    expect(rest.topup).toMatchObject({ principalMinor: -7_000, bonusMinor: -700 });
    expect(balance()).toMatchObject({ principal: 0, bonus: 0 });
  });

  it('never takes bonus the member no longer has', () => {
    const { topup: tp } = topup(10_000);
    updateSettings(t.ledger, { walletSpendOrder: 'bonus_first' });
    spend(800); // all from bonus: 10.00 → 2.00
    const res = refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId: tp.id });
    expect(res.topup).toMatchObject({ principalMinor: -10_000, bonusMinor: -200 });
    expect(balance()).toMatchObject({ principal: 0, bonus: 0 });
  });

  it('refusals: a refund record, an unknown top-up', () => {
    const { topup: tp } = topup(10_000);
    const r = refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId: tp.id, principalMinor: 100 });
    expectRefusedUnchanged(t.ledger, () => refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId: r.topup.id }), 'NOT_A_TOPUP');
    expectRefusedUnchanged(t.ledger, () => refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId: 'no-such-topup' }), 'TOPUP_NOT_FOUND');
  });
});

describe('adjustments', () => {
  it('move principal, bonus and points with a reason, never below zero', () => {
    topup(5_000);
    const a = adjustWallet(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, principalDeltaMinor: -1_000, bonusDeltaMinor: 250, reason: '收银错误更正' });
    expect(a.member).toMatchObject({ balancePrincipalMinor: 4_000, balanceBonusMinor: 250 });
    expectRefusedUnchanged(
      t.ledger,
      () => adjustWallet(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, principalDeltaMinor: 100, bonusDeltaMinor: -251, reason: 'x' }),
      'ADJUSTMENT_BELOW_ZERO',
    );
    expectRefusedUnchanged(t.ledger, () => adjustWallet(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, reason: 'x' }), 'ADJUSTMENT_EMPTY');
    adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, delta: 30, reason: '生日' });
    expectRefusedUnchanged(t.ledger, () => adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, delta: -31, reason: 'x' }), 'ADJUSTMENT_BELOW_ZERO');
    expectRefusedUnchanged(t.ledger, () => adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, delta: 0, reason: 'x' }), 'ADJUSTMENT_EMPTY');
    adjustPoints(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, delta: -30, reason: '清零' });
    expect(balance()).toEqual({ principal: 4_000, bonus: 250, points: 0 });
    expect(t.ledger.sqlite.prepare("select count(*) n from wallet_entries where kind = 'adjust' and reason = '收银错误更正'").get()).toEqual({ n: 1 });
  });
});
