/**
 * The audit log: one row per money-moving or settings-changing call, written in the call's own
 * transaction, with who, when, what, the subject and before/after (secrets removed); none for a
 * refused call or a replayed request; rows can be neither updated nor deleted; the owner's list
 * filters by person, kind, days and subject, and pages. Every API method is either audited or known
 * to change no money or settings.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import { METHOD_NAMES, type MethodName } from '../../src-main/api/contract.ts';
import { AUDITED } from '../../src-main/audit/describers.ts';
import { auditKindOf } from '../../src-main/audit/kinds.ts';
import type { AuditPage, AuditRow } from '../../src-main/audit/types.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import type { AdjustmentResult, Bill, CheckoutResult, Member, Product, RefundResult, Tier, TopupBonusRule, TopupResult } from '../../src-main/ledger/types.ts';
import { keyFileSecretBox } from '../../src-main/sms/secrets.ts';
import { TillSession } from '../../src-main/staff/session.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { newKey } from '../helpers/ledger.ts';
import { ok, openStaffTill, PINS, refusal, type StaffTill } from './till.ts';

/**
 * Methods that change no money and no settings, so they are not audited: reads, and writes of other
 * things (a member's profile as the till registers it, a call log, a print job, a model fit, the
 * outbox's retries). A new method must be put here or in AUDITED (src-main/audit/describers.ts).
 */
const NOT_AUDITED: readonly MethodName[] = [
  'app.info',
  'tiers.list',
  'products.list',
  'products.byBarcode',
  'bonusRules.list',
  'members.search',
  'members.recent',
  'members.get',
  'members.history',
  'members.create',
  'checkout.quote',
  'bills.get',
  'bills.listOfDay',
  'bills.daySummary',
  'bills.refundPreview',
  'topups.quote',
  'topups.refundPreview',
  'retention.lapsed',
  'retention.segments',
  'retention.segmentMembers',
  'retention.outlook',
  'retention.model',
  'retention.fit',
  'campaigns.preview',
  'campaigns.list',
  'campaigns.members',
  'contacts.logCall',
  'birthdays.upcoming',
  'sms.outbox',
  'sms.retry',
  'sms.provider',
  'sms.test',
  'receipts.get',
  'receipts.statement',
  'print.receipt',
  'print.job',
  'print.test',
  'print.check',
  'print.preview',
  'print.systemPrinters',
  'print.logo',
  'pdf.bill',
  'pdf.statement',
  'staff.list',
  'staff.session',
  'staff.details',
  'audit.list',
  'reports.sales',
  'reports.topups',
  'reports.liability',
  'reports.customers',
  'reports.topMembers',
  'reports.member',
  'imports.preview',
  'imports.progress',
  'imports.batches',
  'imports.batch',
  'backups.list',
  'backups.pickFolder',
  'backups.preview',
  'backups.check',
  'shifts.current',
  'shifts.report',
  'shifts.list',
  'shifts.print',
] as MethodName[];

let t: StaffTill;
let owner: Dispatch;
beforeEach(() => {
  t = openStaffTill();
  const session = new TillSession();
  session.signIn(t.owner.id, t.t.ledger.clock().toISOString());
  const secretBox = keyFileSecretBox(path.join(t.t.dir, 'regulars.key'));
  owner = createDispatch({ ledger: t.t.ledger, version: 'test', dataFile: t.t.file, shell: 'browser', session, messaging: { secretBox, wake: () => undefined } });
});
afterEach(() => {
  expect(checkLedgerInvariants(t.t.ledger)).toEqual([]);
  t.t.dispose();
});

const list = (input: Record<string, unknown> = {}) => ok<AuditPage>(owner, 'audit.list', input);
const latest = async (action: string): Promise<AuditRow> => {
  const row = (await list({ limit: 200 })).rows.find((r) => r.action === action);
  if (!row) throw new Error(`no audit row for ${action}`);
  return row;
};
const rowCount = () => (t.t.ledger.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;

describe('what each audited call writes', () => {
  it('settings: only the changed keys, before and after', async () => {
    await ok(owner, 'settings.update', { shopName: '新名字', staffRules: { refundLimitMinor: 20_000 } });
    const row = await latest('settings.update');
    expect(row).toMatchObject({ staffId: t.owner.id, staffName: '店主', kind: 'settings', subjectKind: 'settings', subjectLabel: 'shopName, staffRules' });
    expect(row.before).toEqual({ shopName: '常客小店', staffRules: { refundLimitMinor: 10_000 } });
    expect(row.after).toEqual({ shopName: '新名字', staffRules: { refundLimitMinor: 20_000 } });
  });

  it('tiers, products and bonus rules: the record before (null when new) and after', async () => {
    const tier = await ok<Tier>(owner, 'tiers.upsert', { name: '钻石', discountBp: 2000, pointsPerUnit: 5 });
    await ok(owner, 'tiers.upsert', { id: tier.id, name: '钻石卡', discountBp: 1500, pointsPerUnit: 5 });
    const tierRows = (await list({ kind: 'settings' })).rows.filter((r) => r.action === 'tiers.upsert');
    expect(tierRows.map((r) => [r.before && (r.before as Tier).discountBp, (r.after as Tier).discountBp])).toEqual([
      [2000, 1500],
      [null, 2000],
    ]);
    const product = await ok<Product>(owner, 'products.upsert', { name: '燕麦拿铁', priceMinor: 3200 });
    await ok(owner, 'products.upsert', { id: product.id, name: '燕麦拿铁', priceMinor: 3400 });
    const productRow = await latest('products.upsert');
    expect(productRow).toMatchObject({ subjectId: product.id, subjectLabel: '燕麦拿铁', before: { priceMinor: 3200 }, after: { priceMinor: 3400 } });
    const rule = await ok<TopupBonusRule>(owner, 'bonusRules.upsert', { minPrincipalMinor: 30_000, bonusMinor: 3_000 });
    expect(await latest('bonusRules.upsert')).toMatchObject({ subjectId: rule.id, before: null, after: { minPrincipalMinor: 30_000, bonusMinor: 3_000, active: true } });
  });

  it('checkout: the bill, its payments and the member’s balances before and after', async () => {
    const member = t.shop.members[0]!;
    await ok(owner, 'topups.create', { idempotencyKey: newKey(), staffId: t.owner.id, memberId: member.id, principalMinor: 10_000, method: 'cash' });
    const sale = await ok<CheckoutResult>(owner, 'checkout.commit', {
      idempotencyKey: newKey(),
      staffId: t.owner.id,
      memberId: member.id,
      lines: [{ productId: t.shop.products.coffee.id }],
      payments: [{ method: 'stored_value', amountMinor: 1999 }],
    });
    const row = await latest('checkout.commit');
    expect(row).toMatchObject({ kind: 'sales', subjectKind: 'bill', subjectId: sale.bill.id, subjectLabel: `${sale.bill.billNo} · ${member.name} · ${member.code}` });
    const m = sale.member!;
    expect(row.after).toEqual({
      billNo: sale.bill.billNo,
      totalMinor: 1999,
      discountMinor: 0,
      lines: 1,
      payments: sale.bill.payments.map((p) => ({ method: p.method, amountMinor: p.amountMinor })),
      changeMinor: 0,
      balances: { principalMinor: m.balancePrincipalMinor, bonusMinor: m.balanceBonusMinor, points: m.points },
    });
    expect(row.before).toEqual({ principalMinor: 10_000, bonusMinor: 1_000, points: 0 });
    expect(m.balancePrincipalMinor + m.balanceBonusMinor).toBe(11_000 - 1999);
  });

  it('refunds: the refund bill and balances after; top-ups and their refunds alike', async () => {
    const member = t.shop.members[1]!;
    const topup = await ok<TopupResult>(owner, 'topups.create', { idempotencyKey: newKey(), staffId: t.owner.id, memberId: member.id, principalMinor: 50_000, method: 'wechat' });
    expect(await latest('topups.create')).toMatchObject({
      kind: 'storedValue',
      subjectId: topup.topup.id,
      before: { principalMinor: 0, bonusMinor: 0 },
      after: { principalMinor: 50_000, bonusMinor: 8_000, method: 'wechat', balances: { principalMinor: 50_000, bonusMinor: 8_000 } },
    });
    const refund = await ok<TopupResult>(owner, 'topups.refund', { idempotencyKey: newKey(), staffId: t.owner.id, topupId: topup.topup.id, principalMinor: 20_000, reason: '搬家' });
    expect(await latest('topups.refund')).toMatchObject({
      subjectId: topup.topup.id,
      before: { principalMinor: 50_000, refundedPrincipalMinor: 0 },
      after: { principalMinor: -20_000, method: 'wechat', reason: '搬家', balances: { principalMinor: refund.member.balancePrincipalMinor } },
    });
    const sale = await ok<CheckoutResult>(owner, 'checkout.commit', {
      idempotencyKey: newKey(),
      staffId: t.owner.id,
      memberId: member.id,
      lines: [{ productId: t.shop.products.cake.id, quantity: 2 }],
      // Silver: 5% off ¥66.66.
      payments: [{ method: 'card', amountMinor: 6333 }],
    });
    const bill = await ok<Bill>(owner, 'bills.get', { billId: sale.bill.id });
    const refunded = await ok<RefundResult>(owner, 'bills.refund', { idempotencyKey: newKey(), staffId: t.owner.id, billId: bill.id, reason: '做错了' });
    const row = await latest('bills.refund');
    expect(row).toMatchObject({ kind: 'sales', subjectId: bill.id, before: { billNo: bill.billNo, totalMinor: 6333, refundedMinor: 0 } });
    expect(row.after).toMatchObject({
      refundBillNo: refunded.refund.billNo,
      refundTotalMinor: -6333,
      reason: '做错了',
      lines: [{ name: '芝士蛋糕', quantity: -2, netMinor: -6333 }],
      payments: [{ method: 'card', amountMinor: -6333 }],
    });
  });

  it('balance and points adjustments: the balances before and after, the delta and the reason', async () => {
    const member = t.shop.members[2]!;
    await ok<AdjustmentResult>(owner, 'wallet.adjust', { idempotencyKey: newKey(), staffId: t.owner.id, memberId: member.id, principalDeltaMinor: 1234, bonusDeltaMinor: 66, reason: '旧卡余额' });
    expect(await latest('wallet.adjust')).toMatchObject({
      kind: 'storedValue',
      subjectKind: 'member',
      subjectId: member.id,
      subjectLabel: `${member.name} · ${member.code}`,
      before: { principalMinor: 0, bonusMinor: 0, points: 0 },
      after: { principalMinor: 1234, bonusMinor: 66, points: 0, principalDeltaMinor: 1234, bonusDeltaMinor: 66, reason: '旧卡余额' },
    });
    await ok(owner, 'points.adjust', { idempotencyKey: newKey(), staffId: t.owner.id, memberId: member.id, delta: 300, reason: '活动' });
    expect(await latest('points.adjust')).toMatchObject({ before: { points: 0 }, after: { points: 300, pointsDelta: 300, reason: '活动' } });
  });

  it('members: profile changes (the changed fields), archive, consent', async () => {
    const member = t.shop.members[0]!;
    await ok<Member>(owner, 'members.update', { memberId: member.id, staffId: t.owner.id, name: '张三丰', tierId: t.shop.tiers.gold.id });
    expect(await latest('members.update')).toMatchObject({ kind: 'members', before: { name: member.name, tierId: member.tierId }, after: { name: '张三丰', tierId: t.shop.tiers.gold.id } });
    await ok(owner, 'consent.set', { staffId: t.owner.id, memberId: member.id, kind: 'sms_marketing', granted: true, note: '当面同意' });
    expect(await latest('consent.set')).toMatchObject({ before: { smsMarketingConsent: false }, after: { smsMarketingConsent: true, note: '当面同意' } });
    await ok(owner, 'members.archive', { memberId: member.id, staffId: t.owner.id });
    const archived = await latest('members.archive');
    expect(archived.before).toEqual({ archivedAt: null });
    expect(typeof (archived.after as { archivedAt: string }).archivedAt).toBe('string');
  });

  it('the SMS provider: which fields and which secrets are set, never a secret’s value; the logo: whether set and its size', async () => {
    const secret = 'whsec-0123456789abcdef-very-secret';
    await ok(owner, 'sms.setProvider', { config: { kind: 'webhook', url: 'https://sms.example.com/send' }, secrets: { signingSecret: secret } });
    const row = await latest('sms.setProvider');
    expect(row).toMatchObject({ kind: 'settings', before: { config: null, filled: [] }, after: { config: { kind: 'webhook', url: 'https://sms.example.com/send' }, filled: ['signingSecret'] } });
    expect(JSON.stringify(t.t.ledger.sqlite.prepare('select * from audit_log').all())).not.toContain(secret);
    const png = `data:image/png;base64,${Buffer.from('not really a png but base64').toString('base64')}`;
    await ok(owner, 'print.setLogo', { png });
    expect(await latest('print.setLogo')).toMatchObject({ before: { logo: false }, after: { logo: true, bytes: expect.any(Number) } });
    expect(JSON.stringify((await latest('print.setLogo')).after)).not.toContain('base64');
  });

  it('staff changes: who was added or changed, role and archive, never the PIN', async () => {
    const amy = await ok<{ id: string }>(owner, 'staff.upsert', { name: 'Amy', role: 'cashier', pin: '246810' });
    await ok(owner, 'staff.upsert', { id: amy.id, name: 'Amy', role: 'manager' });
    const rows = (await list({ kind: 'staff' })).rows;
    expect(rows.map((r) => [r.action, r.before, r.after])).toEqual([
      ['staff.upsert', { name: 'Amy', role: 'cashier', archived: false, hasPin: true }, { name: 'Amy', role: 'manager', archived: false, hasPin: true }],
      ['staff.upsert', null, { name: 'Amy', role: 'cashier', archived: false, hasPin: true }],
    ]);
  });
});

describe('what is not written', () => {
  it('a refused call and a replayed request leave no row; a failed one rolls its row back with it', async () => {
    const member = t.shop.members[0]!;
    const before = rowCount();
    // Refused by the ledger inside the transaction: the row goes with it.
    const e = await refusal(owner, 'wallet.adjust', { idempotencyKey: newKey(), staffId: t.owner.id, memberId: member.id, principalDeltaMinor: -1, reason: 'x' });
    expect(e.code).toBe('ADJUSTMENT_BELOW_ZERO');
    expect(rowCount()).toBe(before);
    const key = newKey();
    const adjust = { idempotencyKey: key, staffId: t.owner.id, memberId: member.id, principalDeltaMinor: 10, reason: 'x' };
    await ok(owner, 'wallet.adjust', adjust);
    expect(rowCount()).toBe(before + 1);
    const replay = await ok<AdjustmentResult>(owner, 'wallet.adjust', adjust);
    expect(replay.replayed).toBe(true);
    expect(rowCount()).toBe(before + 1);
  });

  it('reads are not logged', async () => {
    const before = fingerprint(t.t.ledger);
    await ok(owner, 'members.search', { query: '138' });
    await ok(owner, 'bills.listOfDay', { businessDate: '2026-11-23' });
    await ok(owner, 'audit.list', {});
    expect(fingerprint(t.t.ledger)).toEqual(before);
  });
});

describe('append-only', () => {
  it('an UPDATE or DELETE of an audit row is refused by the database itself', async () => {
    await ok(owner, 'settings.update', { shopName: '甲' });
    const db = t.t.ledger.sqlite;
    expect(() => db.prepare("update audit_log set action = 'nothing'").run()).toThrow(/append-only/);
    expect(() => db.prepare("update audit_log set staff_id = null").run()).toThrow(/append-only/);
    expect(() => db.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect((await latest('settings.update')).after).toEqual({ shopName: '甲' });
  });
});

describe('the owner’s list', () => {
  it('filters by person (who acted or approved), kind, days and subject, newest first, and pages', async () => {
    const clock = t.t.clock;
    const member = t.shop.members[0]!;
    clock.set(new Date(2026, 10, 20, 10, 0));
    await ok(owner, 'settings.update', { shopName: '一' });
    clock.set(new Date(2026, 10, 21, 23, 59));
    await ok(owner, 'wallet.adjust', { idempotencyKey: newKey(), staffId: t.owner.id, memberId: member.id, principalDeltaMinor: 100, reason: 'x' });
    clock.set(new Date(2026, 10, 22, 0, 1));
    // A cashier with the owner's approval.
    t.signIn(t.cashier);
    await ok(t.till, 'points.adjust', { idempotencyKey: newKey(), staffId: t.cashier.id, memberId: member.id, delta: 5, reason: 'y', approval: { staffId: t.owner.id, pin: PINS.owner } });
    for (let i = 0; i < 5; i++) {
      clock.advance(60_000);
      await ok(owner, 'products.upsert', { name: `商品${i}`, priceMinor: 100 + i });
    }

    const all = await list({ limit: 200 });
    expect(all.total).toBe(8);
    expect(all.rows.map((r) => r.at)).toEqual([...all.rows.map((r) => r.at)].sort().reverse());

    const byCashier = await list({ staffId: t.cashier.id });
    expect(byCashier.rows.map((r) => r.action)).toEqual(['points.adjust']);
    expect(byCashier.rows[0]).toMatchObject({ staffName: '小林', approvedById: t.owner.id, approvedByName: '店主' });
    // The owner approved it: it is among the owner's too.
    expect((await list({ staffId: t.owner.id, limit: 200 })).total).toBe(8);

    expect((await list({ kind: 'storedValue' })).rows.map((r) => r.action)).toEqual(['points.adjust', 'wallet.adjust']);
    expect((await list({ fromDate: '2026-11-21', toDate: '2026-11-21' })).rows.map((r) => r.action)).toEqual(['wallet.adjust']);
    expect((await list({ fromDate: '2026-11-22' })).total).toBe(6);
    expect((await list({ toDate: '2026-11-20' })).rows.map((r) => r.action)).toEqual(['settings.update']);
    expect((await list({ subject: member.id })).total).toBe(2);
    expect((await list({ subject: member.code })).total).toBe(2);
    expect((await list({ subject: '商品3' })).rows.map((r) => r.subjectLabel)).toEqual(['商品3']);
    expect((await list({ subject: '%' })).total).toBe(0);

    const page1 = await list({ limit: 3 });
    const page2 = await list({ limit: 3, offset: 3 });
    const page3 = await list({ limit: 3, offset: 6 });
    expect(page3.rows).toHaveLength(2);
    expect([...page1.rows, ...page2.rows, ...page3.rows].map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
  });

  it('is the owner’s alone', async () => {
    t.signIn(t.manager);
    expect((await refusal(t.till, 'audit.list', {})).code).toBe('APPROVAL_REQUIRED');
  });
});

describe('coverage', () => {
  it('every API method is audited or known to change no money or settings', () => {
    const audited = Object.keys(AUDITED);
    const unclassified = METHOD_NAMES.filter((m) => !audited.includes(m) && !NOT_AUDITED.includes(m));
    expect(unclassified).toEqual([]);
    expect(audited.filter((m) => NOT_AUDITED.includes(m as MethodName))).toEqual([]);
  });

  it('every audited action has a kind the owner can filter by', () => {
    for (const action of [...Object.keys(AUDITED), 'staff.signInFailed', 'staff.approvalFailed']) expect(auditKindOf(action), action).not.toBe('other');
  });
});
