/**
 * Bad input through the API's single door (`dispatch`): every kind of bad amount (negative, zero,
 * fractional, NaN, ±Infinity, beyond ¥100,000,000.00, beyond 2^53, a string), unknown ids, invalid
 * phones, malformed keys, unknown methods. Each gets the right stable code and a non-empty message in
 * the caller's locale, and the data file is exactly as it was. SQL-looking and emoji names are valid
 * names: stored verbatim and searchable, and the members table is still there.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import type { ApiError } from '../../src-main/api/contract.ts';
import type { ErrorCode } from '../../src-main/ledger/errors.ts';
import { MAX_MINOR } from '../../src-main/ledger/money.ts';
import type { Member, MemberSummary } from '../../src-main/ledger/types.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop, type Shop } from '../helpers/shop.ts';

let t: TestLedger;
let shop: Shop;
let dispatch: Dispatch;
let memberId: string;
beforeEach(() => {
  t = openTestLedger();
  shop = seedShop(t.ledger, t.staffId, 1);
  memberId = shop.members[0]!.id;
  dispatch = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser' });
});
afterEach(() => {
  expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  t.dispose();
});

/** Call, expect a refusal with `code` and a message, and the data file untouched. */
async function refused(method: string, input: unknown, code: ErrorCode, locale?: string): Promise<ApiError> {
  const before = fingerprint(t.ledger);
  const res = await dispatch(method, input, locale);
  expect(res.ok, `${method} ${JSON.stringify(input)?.slice(0, 120)} should be refused`).toBe(false);
  if (res.ok) throw new Error('unreachable');
  expect(res.error.code).toBe(code);
  expect(typeof res.error.message).toBe('string');
  expect(res.error.message.trim().length).toBeGreaterThan(0);
  expect(fingerprint(t.ledger)).toEqual(before);
  return res.error;
}

async function ok<T>(method: string, input: unknown): Promise<T> {
  const res = await dispatch(method, input);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.value as T;
}

const topup = (principalMinor: unknown) => ({ idempotencyKey: newKey(), staffId: t.staffId, memberId, principalMinor, method: 'cash' });

const BAD_AMOUNTS: Array<[string, unknown]> = [
  ['negative', -100],
  ['zero', 0],
  ['fractional', 12.5],
  ['a tenth of a cent', 0.1],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['one past the largest amount', MAX_MINOR + 1],
  ['2^53', 2 ** 53],
  ['beyond 2^53', 2 ** 53 + 2],
  ['1e21', 1e21],
  ['a string', '100'],
  ['null', null],
];

describe('bad amounts are refused at the door', () => {
  it.each(BAD_AMOUNTS)('top-up of %s → VALIDATION on principalMinor', async (_name, amount) => {
    const error = await refused('topups.create', topup(amount), 'VALIDATION');
    expect(error.params).toEqual({ field: 'principalMinor' });
    expect(error.issues?.[0]?.path).toBe('principalMinor');
  });

  it.each(BAD_AMOUNTS)('checkout with a payment of %s → VALIDATION', async (_name, amount) => {
    const error = await refused(
      'checkout.commit',
      { idempotencyKey: newKey(), staffId: t.staffId, lines: [{ name: 'x', amountMinor: 100 }], payments: [{ method: 'cash', amountMinor: amount }] },
      'VALIDATION',
    );
    expect(error.params).toEqual({ field: 'payments.0.amountMinor' });
  });

  it.each(BAD_AMOUNTS)('a cart line priced %s → VALIDATION', async (_name, amount) => {
    await refused('checkout.quote', { lines: [{ name: 'x', amountMinor: amount }] }, 'VALIDATION');
  });

  it('adjustments: fractional, NaN, beyond ±¥100,000,000.00 → VALIDATION', async () => {
    const adj = (extra: object) => ({ idempotencyKey: newKey(), staffId: t.staffId, memberId, reason: 'x', ...extra });
    for (const v of [0.5, Number.NaN, -(MAX_MINOR + 1), MAX_MINOR + 1, Number.NEGATIVE_INFINITY]) {
      await refused('wallet.adjust', adj({ principalDeltaMinor: v }), 'VALIDATION');
      await refused('wallet.adjust', adj({ bonusDeltaMinor: v }), 'VALIDATION');
      await refused('points.adjust', adj({ delta: v }), 'VALIDATION');
    }
    await refused('products.upsert', { name: '负价', priceMinor: -1 }, 'VALIDATION');
    await refused('bonusRules.upsert', { minPrincipalMinor: 0, bonusMinor: 100 }, 'VALIDATION');
    await refused('tiers.upsert', { name: '超折', discountBp: 10_001, pointsPerUnit: 1 }, 'VALIDATION');
  });

  it('quantities: zero, negative, fractional, too many → VALIDATION', async () => {
    for (const q of [0, -1, 1.5, 10_000, Number.NaN]) {
      await refused('checkout.quote', { lines: [{ productId: shop.products.coffee.id, quantity: q }] }, 'VALIDATION');
    }
  });

  it('a cart whose total passes the largest amount → AMOUNT_OUT_OF_RANGE (not an internal error)', async () => {
    const huge = { lines: Array.from({ length: 200 }, () => ({ name: '金条', amountMinor: MAX_MINOR, quantity: 9999 })) };
    const zh = await refused('checkout.quote', huge, 'AMOUNT_OUT_OF_RANGE');
    expect(zh.message).toBe('金额超出允许范围');
    await refused(
      'checkout.commit',
      {
        idempotencyKey: newKey(),
        staffId: t.staffId,
        lines: [{ name: '金条', amountMinor: MAX_MINOR }, { name: '金条', amountMinor: MAX_MINOR }],
        payments: [{ method: 'card', amountMinor: MAX_MINOR }, { method: 'cash', amountMinor: MAX_MINOR }],
      },
      'AMOUNT_OUT_OF_RANGE',
    );
  });

  it('business refusals carry their figures, formatted per locale', async () => {
    const pay = (amountMinor: number) => ({ idempotencyKey: newKey(), staffId: t.staffId, memberId, lines: [{ productId: shop.products.coffee.id }], payments: [{ method: 'stored_value', amountMinor }] });
    await ok('topups.create', topup(1_234));
    expect((await refused('checkout.commit', pay(1_999), 'INSUFFICIENT_BALANCE')).message).toBe('储值余额不足：可用 ¥12.34');
    expect((await refused('checkout.commit', pay(1_999), 'INSUFFICIENT_BALANCE', 'en')).message).toBe('Not enough stored value: CN¥12.34 available');
    expect((await refused('checkout.commit', pay(100), 'PAYMENT_MISMATCH', 'en-US')).message).toBe('Payments of CN¥1.00 do not match the total of CN¥19.99');
  });
});

describe('unknown ids', () => {
  it('are refused with the matching code and message', async () => {
    expect((await refused('members.get', { memberId: 'no-such-member' }, 'MEMBER_NOT_FOUND')).message).toBe('找不到该会员');
    expect((await refused('members.get', { memberId: 'no-such-member' }, 'MEMBER_NOT_FOUND', 'en')).message).toBe('Member not found');
    await refused('topups.create', { ...topup(100), memberId: 'no-such-member' }, 'MEMBER_NOT_FOUND');
    await refused('checkout.commit', { idempotencyKey: newKey(), staffId: t.staffId, memberId: 'nope', lines: [{ name: 'x', amountMinor: 1 }], payments: [{ method: 'cash', amountMinor: 1 }] }, 'MEMBER_NOT_FOUND');
    await refused('checkout.commit', { idempotencyKey: newKey(), staffId: t.staffId, lines: [{ productId: 'no-such-product' }], payments: [{ method: 'cash', amountMinor: 1 }] }, 'PRODUCT_NOT_FOUND');
    await refused('checkout.commit', { idempotencyKey: newKey(), staffId: 'no-such-staff', lines: [{ name: 'x', amountMinor: 1 }], payments: [{ method: 'cash', amountMinor: 1 }] }, 'STAFF_NOT_FOUND');
    await refused('bills.get', { billId: 'no-such-bill' }, 'BILL_NOT_FOUND');
    await refused('bills.refund', { idempotencyKey: newKey(), staffId: t.staffId, billId: 'no-such-bill' }, 'BILL_NOT_FOUND');
    await refused('bills.refundPreview', { billId: 'no-such-bill' }, 'BILL_NOT_FOUND');
    await refused('topups.refund', { idempotencyKey: newKey(), staffId: t.staffId, topupId: 'no-such-topup' }, 'TOPUP_NOT_FOUND');
    await refused('members.update', { memberId: memberId, staffId: t.staffId, tierId: 'no-such-tier' }, 'TIER_NOT_FOUND');
    await refused('products.upsert', { id: 'no-such-product', name: 'x', priceMinor: 1 }, 'PRODUCT_NOT_FOUND');
  });

  it('unknown methods, including Object.prototype names', async () => {
    const zh = await refused('members.drop', {}, 'UNKNOWN_METHOD');
    expect(zh.message).toBe('未知的接口');
    expect((await refused('members.drop', {}, 'UNKNOWN_METHOD', 'en')).message).toBe('Unknown API method');
    for (const m of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) await refused(m, {}, 'UNKNOWN_METHOD');
  });
});

describe('malformed requests', () => {
  it('a missing, non-object or wrongly shaped input, bad idempotency keys, control characters', async () => {
    for (const input of [undefined, null, 'topup', 42, [], [topup(100)]]) await refused('topups.create', input, 'VALIDATION');
    for (const key of ['short', 'has space in it', "quote'key-123", 'x'.repeat(101), '键键键键键键键键键']) await refused('topups.create', { ...topup(100), idempotencyKey: key }, 'VALIDATION');
    await refused('topups.create', { ...topup(100), method: 'bitcoin' }, 'VALIDATION');
    await refused('checkout.commit', { idempotencyKey: newKey(), staffId: t.staffId, lines: [], payments: [] }, 'VALIDATION');
    await refused(
      'checkout.commit',
      { idempotencyKey: newKey(), staffId: t.staffId, lines: [{ name: 'x', amountMinor: 2 }], payments: [{ method: 'cash', amountMinor: 1 }, { method: 'cash', amountMinor: 1 }] },
      'VALIDATION',
    );
    await refused('members.create', { staffId: t.staffId, phone: '13800138111', name: 'bell\u0007' }, 'VALIDATION');
    await refused('members.create', { staffId: t.staffId, phone: '13800138111', name: '   ' }, 'VALIDATION');
    await refused('members.create', { staffId: t.staffId, phone: '13800138111', name: 'x'.repeat(41) }, 'VALIDATION');
    await refused('settings.update', { walletSpendOrder: 'random' }, 'VALIDATION');
    // Half a refund policy is refused, not completed with defaults behind the owner's back.
    await ok('settings.update', { refundPolicy: { earnedPoints: 'keep', redeemedPoints: 'forfeit', bonus: 'forfeit' } });
    await refused('settings.update', { refundPolicy: { bonus: 'return' } }, 'VALIDATION');
  });

  it('the message follows the locale: zh-CN by default, English for en*', async () => {
    expect((await refused('topups.create', topup(-1), 'VALIDATION')).message).toBe('输入有误：principalMinor');
    expect((await refused('topups.create', topup(-1), 'VALIDATION', 'en')).message).toBe('Invalid input: principalMinor');
    expect((await refused('topups.create', topup(-1), 'VALIDATION', 'fr')).message).toBe('输入有误：principalMinor');
  });
});

describe('phones and names', () => {
  it('an invalid phone → PHONE_INVALID, naming the number', async () => {
    for (const phone of ['12345', '138123456789', 'abcdefghijk', '+1 000']) {
      const error = await refused('members.create', { staffId: t.staffId, phone, name: '张三' }, 'PHONE_INVALID');
      expect(error.message).toBe(`手机号「${phone}」无效`);
    }
    expect((await refused('members.create', { staffId: t.staffId, phone: '12345', name: '张三' }, 'PHONE_INVALID', 'en')).message).toBe('Phone number "12345" is not valid');
    await refused('members.create', { staffId: t.staffId, phone: '13800138000', name: '重复' }, 'PHONE_TAKEN');
  });

  it('SQL-looking and emoji names are stored verbatim and found; the members table survives', async () => {
    const names = ["'); drop table members;--", 'Robert"); DELETE FROM bills; --', '😀🍰 Emoji 王', '%_\\ 百分号'];
    for (const [i, name] of names.entries()) {
      const m = await ok<Member>('members.create', { staffId: t.staffId, phone: `1370000${String(1000 + i)}`, name });
      expect(m.name).toBe(name);
      expect((await ok<Member>('members.get', { memberId: m.id })).name).toBe(name);
      expect((await ok<MemberSummary[]>('members.search', { query: name })).map((x) => x.id)).toEqual([m.id]);
    }
    expect((await ok<MemberSummary[]>('members.search', { query: '🍰' })).map((x) => x.name)).toEqual(['😀🍰 Emoji 王']);
    expect((await ok<MemberSummary[]>('members.search', { query: 'drop table' })).map((x) => x.name)).toEqual([names[0]]);
    expect(t.ledger.sqlite.prepare("select count(*) n from sqlite_master where type = 'table' and name in ('members', 'bills')").get()).toEqual({ n: 2 });
    expect(t.ledger.sqlite.prepare('select count(*) n from members').get()).toEqual({ n: 1 + names.length });
  });
});
