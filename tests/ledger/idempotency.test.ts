/**
 * Idempotency: the same request with the same key is done once and the first result comes back
 * (`replayed: true`); the same key with a different request is refused; a refused first attempt does
 * not use the key up; and the key survives closing and reopening the file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkout, refundBill } from '../../src-main/ledger/bills.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { getMember } from '../../src-main/ledger/members.ts';
import { adjustPoints } from '../../src-main/ledger/points.ts';
import { adjustWallet, refundTopup, topUp } from '../../src-main/ledger/wallet.ts';
import type { CheckoutCommit } from '../../src-main/ledger/commands.ts';
import { auditLedger } from '../helpers/audit.ts';
import { expectLedgerError, expectRefusedUnchanged } from '../helpers/expect-ledger.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop, type Shop } from '../helpers/shop.ts';

let t: TestLedger;
let shop: Shop;
let memberId: string;
beforeEach(() => {
  t = openTestLedger();
  shop = seedShop(t.ledger, t.staffId, 1);
  memberId = shop.members[0]!.id;
});
afterEach(() => {
  expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  expect(auditLedger(t.ledger)).toEqual([]);
  t.dispose();
});

const count = (table: string) => (t.ledger.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

function pay(key: string, extra: Partial<CheckoutCommit> = {}): CheckoutCommit {
  return {
    idempotencyKey: key,
    staffId: t.staffId,
    memberId,
    lines: [{ productId: shop.products.coffee.id, quantity: 2 }],
    payments: [{ method: 'stored_value', amountMinor: 3_998 }],
    ...extra,
  };
}

describe('checkout', () => {
  beforeEach(() => {
    topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, principalMinor: 10_000, method: 'cash' });
  });

  it('the same key twice makes one bill; the second answer is the same bill, replayed', () => {
    const key = newKey('pay');
    const first = checkout(t.ledger, pay(key));
    const before = fingerprint(t.ledger);
    const second = checkout(t.ledger, pay(key));
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    expect(second.bill).toEqual(first.bill);
    expect(second.member).toEqual(first.member);
    expect(fingerprint(t.ledger)).toEqual(before);
    expect(count('bills')).toBe(1);
    expect(getMember(t.ledger, memberId).balancePrincipalMinor + getMember(t.ledger, memberId).balanceBonusMinor).toBe(11_000 - 3_998);
  });

  it('the same key with a different request is refused and changes nothing', () => {
    const key = newKey('pay');
    checkout(t.ledger, pay(key));
    expectRefusedUnchanged(t.ledger, () => checkout(t.ledger, pay(key, { lines: [{ productId: shop.products.coffee.id, quantity: 1 }], payments: [{ method: 'cash', amountMinor: 1_999 }] })), 'IDEMPOTENCY_CONFLICT');
    expectRefusedUnchanged(t.ledger, () => checkout(t.ledger, pay(key, { note: '另一笔' })), 'IDEMPOTENCY_CONFLICT');
    // ...and a key belongs to one kind of operation.
    expectRefusedUnchanged(t.ledger, () => topUp(t.ledger, { idempotencyKey: key, staffId: t.staffId, memberId, principalMinor: 100, method: 'cash' }), 'IDEMPOTENCY_CONFLICT');
    expect(count('bills')).toBe(1);
  });

  it('a refused first attempt does not use up the key', () => {
    const key = newKey('pay');
    const big = pay(key, { lines: [{ productId: shop.products.beans.id }], payments: [{ method: 'stored_value', amountMinor: 12_345 }] });
    expectRefusedUnchanged(t.ledger, () => checkout(t.ledger, big), 'INSUFFICIENT_BALANCE');
    topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, principalMinor: 5_000, method: 'cash' });
    expect(checkout(t.ledger, big).replayed).toBe(false);
    expect(checkout(t.ledger, big).replayed).toBe(true);
    expect(count('bills')).toBe(1);
  });

  it('the key survives a restart (a reply lost after the commit)', () => {
    const key = newKey('pay');
    const first = checkout(t.ledger, pay(key));
    const reopened = t.reopen();
    const again = checkout(reopened, pay(key));
    expect(again.replayed).toBe(true);
    expect(again.bill.id).toBe(first.bill.id);
    expect(count('bills')).toBe(1);
  });
});

describe('top-up, refunds and adjustments', () => {
  it('top-up: one top-up per key, conflict on a different amount', () => {
    const key = newKey('top');
    const req = { idempotencyKey: key, staffId: t.staffId, memberId, principalMinor: 10_000, method: 'cash' as const };
    const a = topUp(t.ledger, req);
    const b = topUp(t.ledger, req);
    expect([a.replayed, b.replayed]).toEqual([false, true]);
    expect(b.topup).toEqual(a.topup);
    expect(count('topups')).toBe(1);
    expect(getMember(t.ledger, memberId)).toMatchObject({ balancePrincipalMinor: 10_000, balanceBonusMinor: 1_000 });
    expectRefusedUnchanged(t.ledger, () => topUp(t.ledger, { ...req, principalMinor: 10_001 }), 'IDEMPOTENCY_CONFLICT');
    expectRefusedUnchanged(t.ledger, () => topUp(t.ledger, { ...req, method: 'card' }), 'IDEMPOTENCY_CONFLICT');
  });

  it('bill refund: one refund per key, conflict on different lines', () => {
    const sale = checkout(t.ledger, pay(newKey(), { payments: [{ method: 'cash', amountMinor: 3_998 }] })).bill;
    const line = sale.lines[0]!;
    const key = newKey('ref');
    const req = { idempotencyKey: key, staffId: t.staffId, billId: sale.id, lines: [{ lineId: line.id, quantity: 1 }] };
    const a = refundBill(t.ledger, req);
    const b = refundBill(t.ledger, req);
    expect([a.replayed, b.replayed]).toEqual([false, true]);
    expect(b.refund).toEqual(a.refund);
    expect(count("bills where kind = 'refund'")).toBe(1);
    expectRefusedUnchanged(t.ledger, () => refundBill(t.ledger, { ...req, lines: [{ lineId: line.id, quantity: 2 }] }), 'IDEMPOTENCY_CONFLICT');
    expectRefusedUnchanged(t.ledger, () => refundBill(t.ledger, { ...req, lines: undefined }), 'IDEMPOTENCY_CONFLICT');
    // A new key refunds the unit still left.
    expect(refundBill(t.ledger, { ...req, idempotencyKey: newKey() }).refund.totalMinor).toBe(-1_999);
    expectLedgerError(() => refundBill(t.ledger, { ...req, idempotencyKey: newKey() }), 'REFUND_EXCEEDS_SALE');
  });

  it('top-up refund and adjustments: replayed once, conflicting otherwise', () => {
    const { topup } = topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, principalMinor: 10_000, method: 'cash' });
    const rkey = newKey('tref');
    const r = { idempotencyKey: rkey, staffId: t.staffId, topupId: topup.id, principalMinor: 4_000 };
    expect(refundTopup(t.ledger, r).replayed).toBe(false);
    expect(refundTopup(t.ledger, r)).toMatchObject({ replayed: true, member: { balancePrincipalMinor: 6_000 } });
    expectRefusedUnchanged(t.ledger, () => refundTopup(t.ledger, { ...r, principalMinor: 4_001 }), 'IDEMPOTENCY_CONFLICT');

    const wkey = newKey('adj');
    const w = { idempotencyKey: wkey, staffId: t.staffId, memberId, principalDeltaMinor: -500, reason: '更正' };
    adjustWallet(t.ledger, w);
    expect(adjustWallet(t.ledger, w)).toMatchObject({ replayed: true, member: { balancePrincipalMinor: 5_500 } });
    expectRefusedUnchanged(t.ledger, () => adjustWallet(t.ledger, { ...w, principalDeltaMinor: -501 }), 'IDEMPOTENCY_CONFLICT');

    const pkey = newKey('pts');
    const p = { idempotencyKey: pkey, staffId: t.staffId, memberId, delta: 40, reason: '补积分' };
    adjustPoints(t.ledger, p);
    expect(adjustPoints(t.ledger, p)).toMatchObject({ replayed: true, member: { points: 40 } });
    expectRefusedUnchanged(t.ledger, () => adjustPoints(t.ledger, { ...p, reason: '别的原因' }), 'IDEMPOTENCY_CONFLICT');
    expect(count('wallet_entries')).toBe(3);
    expect(count('points_entries')).toBe(1);
  });
});
