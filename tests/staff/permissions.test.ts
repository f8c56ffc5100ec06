/**
 * Permissions through the API (dispatch with a till session, as Electron's IPC and the loopback bridge
 * call it): nobody signed in gets only the public methods; every method's rule holds for each role;
 * a cashier cannot refund above the limit, adjust balances or points, change settings (or tiers,
 * products, bonus rules, the SMS provider, the logo) without an owner's PIN, and with it can — the
 * approver is on the audit row. A wrong approval PIN is refused and counts toward that owner's lockout.
 * The page cannot act as someone else: an input's staffId becomes the signed-in person. A refusal
 * changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { METHOD_NAMES } from '../../src-main/api/contract.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import type { Settings } from '../../src-main/ledger/settings-schema.ts';
import { auditLog, staff } from '../../src-main/ledger/schema.ts';
import type { AdjustmentResult, CheckoutResult, MemberSummary, RefundResult, TopupResult } from '../../src-main/ledger/types.ts';
import { authorize } from '../../src-main/staff/authorize.ts';
import { PERMISSIONS, type Role } from '../../src-main/staff/permissions.ts';
import { MAX_PIN_FAILURES } from '../../src-main/staff/staff.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { newKey } from '../helpers/ledger.ts';
import { ok, openStaffTill, PINS, refusal, type StaffTill } from './till.ts';

let t: StaffTill;
beforeEach(() => {
  t = openStaffTill();
});
afterEach(() => {
  expect(checkLedgerInvariants(t.t.ledger)).toEqual([]);
  t.t.dispose();
});

const ownerApproval = () => ({ staffId: t.owner.id, pin: PINS.owner });

/** Refused with `code` (and `role`, if given), and the data file exactly as it was. */
async function refusedUnchanged(method: string, input: unknown, code: string, role?: Role) {
  const before = fingerprint(t.t.ledger);
  const error = await refusal(t.till, method, input);
  expect(error.code, `${method}: ${error.message}`).toBe(code);
  if (role) expect(error.params).toEqual({ role });
  expect(fingerprint(t.t.ledger)).toEqual(before);
  return error;
}

/** A sale paid by card of `amountMinor` (a custom line), by the owner through the trusted door. */
async function sale(amountMinor: number, memberId: string | null = t.shop.members[0]!.id) {
  const result = await ok<CheckoutResult>(t.trusted, 'checkout.commit', {
    idempotencyKey: newKey(),
    staffId: t.owner.id,
    memberId,
    lines: [{ name: '蛋糕', amountMinor }],
    payments: [{ method: 'card', amountMinor }],
  });
  return result.bill;
}

const auditRows = (action: string) => t.t.ledger.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('the rule of every method', () => {
  it('signed out: only public methods answer; everything else asks to sign in first', async () => {
    for (const method of METHOD_NAMES) {
      const res = await t.till(method, {});
      if (PERMISSIONS[method] === 'public') {
        if (!res.ok) expect(res.error.code, method).not.toBe('SIGN_IN_REQUIRED');
      } else {
        expect(res.ok, method).toBe(false);
        if (!res.ok) expect(res.error.code, method).toBe('SIGN_IN_REQUIRED');
      }
    }
  });

  it('a cashier is asked for a manager’s or the owner’s PIN for every method above them; a manager for the owner’s', async () => {
    const checked: Record<Role, string[]> = { cashier: [], manager: [], owner: [] };
    for (const who of [t.cashier, t.manager]) {
      t.signIn(who);
      for (const method of METHOD_NAMES) {
        const rule = PERMISSIONS[method];
        if (rule !== 'manager' && rule !== 'owner') continue;
        if (who.role === 'manager' && rule === 'manager') continue;
        // Refused before the input is even read: the empty input does not matter.
        await refusedUnchanged(method, {}, 'APPROVAL_REQUIRED', rule);
        checked[who.role].push(method);
      }
    }
    expect(checked.cashier).toEqual(expect.arrayContaining(['wallet.adjust', 'points.adjust', 'settings.update', 'tiers.upsert', 'products.upsert', 'bonusRules.upsert', 'sms.setProvider', 'print.setLogo', 'members.archive', 'audit.list', 'staff.upsert']));
    expect(checked.manager).toEqual(expect.arrayContaining(['wallet.adjust', 'points.adjust', 'settings.update', 'audit.list']));
    expect(checked.manager).not.toContain('members.archive');
  });

  it('the owner passes every method’s rule (checked without running anything)', () => {
    t.signIn(t.owner);
    for (const method of METHOD_NAMES) {
      const actor = authorize(t.t.ledger, t.session, method, null);
      if (PERMISSIONS[method] === 'public') expect(actor, method).toBeNull();
      else expect(actor, method).toEqual({ staffId: t.owner.id, role: 'owner', approvedByStaffId: null });
    }
  });
});

describe('refunds above the limit', () => {
  it('a cashier refunds up to the limit alone; above it only with the owner’s PIN, which the audit row names', async () => {
    const { refundLimitMinor } = (await ok<{ settings: { staffRules: { refundLimitMinor: number } } }>(t.till, 'app.info')).settings.staffRules;
    expect(refundLimitMinor).toBe(10_000);
    const small = await sale(10_000);
    const big = await sale(10_001);
    t.signIn(t.cashier);

    const smallRefund = await ok<RefundResult>(t.till, 'bills.refund', { idempotencyKey: newKey(), staffId: t.cashier.id, billId: small.id });
    expect(smallRefund.refund.totalMinor).toBe(-10_000);
    expect(smallRefund.refund.staffId).toBe(t.cashier.id);

    const key = newKey();
    const refund = { idempotencyKey: key, staffId: t.cashier.id, billId: big.id, reason: '顾客不满意' };
    await refusedUnchanged('bills.refund', refund, 'APPROVAL_REQUIRED', 'owner');
    // A manager's PIN is not enough.
    await refusal(t.till, 'bills.refund', { ...refund, approval: { staffId: t.manager.id, pin: PINS.manager } }).then((e) => expect(e.code).toBe('APPROVER_NOT_ALLOWED'));
    const done = await ok<RefundResult>(t.till, 'bills.refund', { ...refund, approval: ownerApproval() });
    expect(done.refund.totalMinor).toBe(-10_001);
    // The cashier refunded; the owner approved.
    expect(done.refund.staffId).toBe(t.cashier.id);
    const [row] = auditRows('bills.refund').filter((r) => r.subjectId === big.id);
    expect(row).toMatchObject({ staffId: t.cashier.id, approvedByStaffId: t.owner.id, subjectKind: 'bill' });
    expect(JSON.parse(row!.afterJson!)).toMatchObject({ refundBillNo: done.refund.billNo, refundTotalMinor: -10_001, reason: '顾客不满意' });
    // The small refund needed nobody.
    expect(auditRows('bills.refund').find((r) => r.subjectId === small.id)).toMatchObject({ staffId: t.cashier.id, approvedByStaffId: null });
    // Sending the same request again replays it without asking (nothing is left to refund) and logs nothing more.
    const again = await ok<RefundResult>(t.till, 'bills.refund', refund);
    expect(again).toMatchObject({ replayed: true, refund: { id: done.refund.id } });
    expect(auditRows('bills.refund')).toHaveLength(2);
  });

  it('the limit is the owner’s setting, and a partial refund is judged by its own amount', async () => {
    t.signIn(t.owner);
    await ok(t.till, 'settings.update', { staffRules: { refundLimitMinor: 5_000 } });
    const bill = await sale(8_000);
    t.signIn(t.cashier);
    await refusedUnchanged('settings.update', { staffRules: { refundLimitMinor: 1_000_000 } }, 'APPROVAL_REQUIRED', 'owner');
    const line = (await ok<{ lines: Array<{ id: string }> }>(t.till, 'bills.get', { billId: bill.id })).lines[0]!;
    // The whole bill (¥80) is above ¥50: the owner is needed, even for the preview's amount.
    await refusedUnchanged('bills.refund', { idempotencyKey: newKey(), staffId: t.cashier.id, billId: bill.id, lines: [{ lineId: line.id, quantity: 1 }] }, 'APPROVAL_REQUIRED', 'owner');
  });

  it('top-up refunds follow the same limit', async () => {
    const member = t.shop.members[1]!;
    const topup = await ok<TopupResult>(t.trusted, 'topups.create', { idempotencyKey: newKey(), staffId: t.owner.id, memberId: member.id, principalMinor: 30_000, method: 'cash' });
    t.signIn(t.cashier);
    await ok(t.till, 'topups.refund', { idempotencyKey: newKey(), staffId: t.cashier.id, topupId: topup.topup.id, principalMinor: 10_000 });
    await refusedUnchanged('topups.refund', { idempotencyKey: newKey(), staffId: t.cashier.id, topupId: topup.topup.id, principalMinor: 10_001 }, 'APPROVAL_REQUIRED', 'owner');
    const done = await ok<TopupResult>(t.till, 'topups.refund', { idempotencyKey: newKey(), staffId: t.cashier.id, topupId: topup.topup.id, approval: ownerApproval() });
    expect(done.member.balancePrincipalMinor).toBe(0);
    expect(auditRows('topups.refund').map((r) => r.approvedByStaffId)).toEqual([null, t.owner.id]);
  });
});

describe('owner actions at a cashier’s till', () => {
  beforeEach(() => t.signIn(t.cashier));

  it('balance and points adjustments need the owner’s PIN; with it they go through, with the approver logged', async () => {
    const member = t.shop.members[0]!;
    const adjust = { idempotencyKey: newKey(), staffId: t.cashier.id, memberId: member.id, principalDeltaMinor: 500, reason: '补录' };
    await refusedUnchanged('wallet.adjust', adjust, 'APPROVAL_REQUIRED', 'owner');
    const points = { idempotencyKey: newKey(), staffId: t.cashier.id, memberId: member.id, delta: 80, reason: '补积分' };
    await refusedUnchanged('points.adjust', points, 'APPROVAL_REQUIRED', 'owner');

    const adjusted = await ok<AdjustmentResult>(t.till, 'wallet.adjust', { ...adjust, approval: ownerApproval() });
    expect(adjusted.member.balancePrincipalMinor).toBe(member.balancePrincipalMinor + 500);
    const pointsDone = await ok<AdjustmentResult>(t.till, 'points.adjust', { ...points, approval: ownerApproval() });
    expect(pointsDone.member.points).toBe(member.points + 80);
    expect(auditRows('wallet.adjust')[0]).toMatchObject({ staffId: t.cashier.id, approvedByStaffId: t.owner.id, subjectId: member.id });
    expect(auditRows('points.adjust')[0]).toMatchObject({ staffId: t.cashier.id, approvedByStaffId: t.owner.id, subjectId: member.id });
    // The wallet entry is the cashier's too (whoever the page named).
    const entry = t.t.ledger.sqlite.prepare("select staff_id from wallet_entries where kind = 'adjust' and member_id = ?").get(member.id) as { staff_id: string };
    expect(entry.staff_id).toBe(t.cashier.id);
  });

  it('settings, tiers, products, bonus rules and the logo need the owner; members.archive a manager', async () => {
    await refusedUnchanged('settings.update', { shopName: '别的店' }, 'APPROVAL_REQUIRED', 'owner');
    await refusedUnchanged('tiers.upsert', { name: '钻石', discountBp: 2000, pointsPerUnit: 5 }, 'APPROVAL_REQUIRED', 'owner');
    await refusedUnchanged('products.upsert', { name: '免费咖啡', priceMinor: 0 }, 'APPROVAL_REQUIRED', 'owner');
    await refusedUnchanged('bonusRules.upsert', { minPrincipalMinor: 100, bonusMinor: 100_000 }, 'APPROVAL_REQUIRED', 'owner');
    await refusedUnchanged('print.setLogo', { png: null }, 'APPROVAL_REQUIRED', 'owner');
    await refusedUnchanged('members.archive', { memberId: t.shop.members[2]!.id, staffId: t.cashier.id }, 'APPROVAL_REQUIRED', 'manager');
    // A manager's PIN is enough to archive, not to change settings.
    await ok(t.till, 'members.archive', { memberId: t.shop.members[2]!.id, staffId: t.cashier.id, approval: { staffId: t.manager.id, pin: PINS.manager } });
    await refusal(t.till, 'settings.update', { shopName: '别的店', approval: { staffId: t.manager.id, pin: PINS.manager } }).then((e) => expect(e.code).toBe('APPROVER_NOT_ALLOWED'));
    const saved = await ok<{ shopName: string }>(t.till, 'settings.update', { shopName: '别的店', approval: ownerApproval() });
    expect(saved.shopName).toBe('别的店');
    expect(auditRows('settings.update')[0]).toMatchObject({ staffId: t.cashier.id, approvedByStaffId: t.owner.id });
  });

  it('a birthday gift above the shop’s own is the owner’s to give; the shop’s gift a manager may give', async () => {
    t.signIn(t.owner);
    const { messaging } = (await ok<{ settings: Settings }>(t.till, 'app.info')).settings;
    await ok(t.till, 'settings.update', { messaging: { ...messaging, birthdayGiftPoints: 50, birthdayGiftBonusMinor: 0 } });
    t.signIn(t.manager);
    const greet = (gift: Record<string, number>) => ({ idempotencyKey: newKey(), staffId: t.manager.id, memberIds: [t.shop.members[0]!.id], ...gift });
    await ok(t.till, 'birthdays.greet', greet({}));
    await ok(t.till, 'birthdays.greet', greet({ giftPoints: 50 }));
    await refusedUnchanged('birthdays.greet', greet({ giftPoints: 51 }), 'APPROVAL_REQUIRED', 'owner');
    await refusedUnchanged('birthdays.greet', greet({ giftBonusMinor: 1 }), 'APPROVAL_REQUIRED', 'owner');
    await ok(t.till, 'birthdays.greet', { ...greet({ giftBonusMinor: 1000 }), approval: ownerApproval() });
    expect(auditRows('birthdays.greet').map((r) => r.approvedByStaffId)).toEqual([null, null, t.owner.id]);
  });

  it('a wrong approval PIN is refused, changes nothing but the owner’s failure count, and five lock the owner out', async () => {
    const adjust = { idempotencyKey: newKey(), staffId: t.cashier.id, memberId: t.shop.members[0]!.id, principalDeltaMinor: 500, reason: '补录' };
    const balance = () => t.t.ledger.sqlite.prepare('select balance_principal_minor as b from members where id = ?').get(t.shop.members[0]!.id);
    const start = balance();
    for (let i = 1; i < MAX_PIN_FAILURES; i++) {
      const e = await refusal(t.till, 'wallet.adjust', { ...adjust, approval: { staffId: t.owner.id, pin: '0000' } });
      expect(e).toMatchObject({ code: 'PIN_WRONG', params: { attemptsLeft: MAX_PIN_FAILURES - i } });
      expect(t.t.ledger.db.select().from(staff).where(eq(staff.id, t.owner.id)).get()!.pinFailures).toBe(i);
    }
    expect((await refusal(t.till, 'wallet.adjust', { ...adjust, approval: { staffId: t.owner.id, pin: '0000' } })).code).toBe('PIN_LOCKED');
    // Locked: the right PIN does not approve, nor sign the owner in.
    expect((await refusal(t.till, 'wallet.adjust', { ...adjust, approval: ownerApproval() })).code).toBe('PIN_LOCKED');
    expect(balance()).toEqual(start);
    expect(t.session.staffId).toBe(t.cashier.id);
    const failures = auditRows('staff.approvalFailed');
    expect(failures).toHaveLength(MAX_PIN_FAILURES);
    expect(failures[0]).toMatchObject({ staffId: t.cashier.id, subjectId: t.owner.id });
    expect(JSON.parse(failures[0]!.afterJson!)).toMatchObject({ failures: 1, for: 'wallet.adjust' });
    t.signIn(null);
    expect((await refusal(t.till, 'staff.signIn', { staffId: t.owner.id, pin: PINS.owner })).code).toBe('PIN_LOCKED');
  });

  it('a malformed approval is refused as such, before anything runs', async () => {
    const e = await refusedUnchanged('wallet.adjust', { idempotencyKey: newKey(), staffId: t.cashier.id, memberId: t.shop.members[0]!.id, principalDeltaMinor: 1, reason: 'x', approval: { pin: 1234 } }, 'VALIDATION');
    expect(e.params).toEqual({ field: 'approval' });
  });
});

describe('who acts', () => {
  it('is the signed-in person, whatever staffId the page sends', async () => {
    t.signIn(t.cashier);
    const member = t.shop.members[0]!;
    const res = await ok<CheckoutResult>(t.till, 'checkout.commit', {
      idempotencyKey: newKey(),
      staffId: t.owner.id,
      memberId: member.id,
      lines: [{ productId: t.shop.products.coffee.id }],
      payments: [{ method: 'cash', amountMinor: 1999, tenderedMinor: 2000 }],
    });
    expect(res.bill.staffId).toBe(t.cashier.id);
    expect(auditRows('checkout.commit')[0]).toMatchObject({ staffId: t.cashier.id, approvedByStaffId: null, subjectId: res.bill.id });
  });

  it('an approval the signed-in person does not need is checked but not recorded as an approval', async () => {
    t.signIn(t.owner);
    const member = t.shop.members[0]!;
    expect((await refusal(t.till, 'wallet.adjust', { idempotencyKey: newKey(), staffId: t.owner.id, memberId: member.id, principalDeltaMinor: 100, reason: 'x', approval: { staffId: t.manager.id, pin: '0000' } })).code).toBe('PIN_WRONG');
    const r = await ok<{ member: MemberSummary }>(t.till, 'wallet.adjust', { idempotencyKey: newKey(), staffId: t.owner.id, memberId: member.id, principalDeltaMinor: 100, reason: 'x', approval: { staffId: t.manager.id, pin: PINS.manager } });
    expect(r.member.balancePrincipalMinor).toBe(member.balancePrincipalMinor + 100);
    expect(auditRows('wallet.adjust')[0]).toMatchObject({ staffId: t.owner.id, approvedByStaffId: null });
  });

  it('a trusted in-process caller (no session) is not checked, and is logged under the staffId it names', async () => {
    const member = t.shop.members[0]!;
    await ok(t.trusted, 'wallet.adjust', { idempotencyKey: newKey(), staffId: t.cashier.id, memberId: member.id, principalDeltaMinor: 100, reason: 'x' });
    await ok(t.trusted, 'settings.update', { shopName: '后台' });
    expect(auditRows('wallet.adjust')[0]).toMatchObject({ staffId: t.cashier.id, approvedByStaffId: null });
    expect(auditRows('settings.update')[0]).toMatchObject({ staffId: null });
  });
});
