/**
 * E-bill SMS through the API: one outbox message per sale, refund and top-up of a member who agreed to
 * e-bills, written with the bill (none for a replay, none without consent or with e-bills off), and the
 * words a member reads: the amount, how it was paid, what is left, the points.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src-main/api/contract.ts';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import { smsOutbox } from '../../src-main/ledger/schema.ts';
import { DEFAULT_SETTINGS } from '../../src-main/ledger/settings-schema.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import { segmentsOf } from '../../src-main/sms/segments.ts';
import { fullText } from '../../src-main/sms/templates.ts';
import { newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop, type Shop } from '../helpers/shop.ts';

let t: TestLedger;
let shop: Shop;
let dispatch: Dispatch;
let consenting: Member;
let silent: Member;

beforeEach(async () => {
  t = openTestLedger();
  shop = seedShop(t.ledger, t.staffId, 2);
  dispatch = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser' });
  consenting = await ok<Member>('consent.set', { staffId: t.staffId, memberId: shop.members[0]!.id, kind: 'sms_bill', granted: true });
  silent = shop.members[1]!;
});
afterEach(() => t.dispose());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const res = await dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

const ebills = () => t.ledger.db.select().from(smsOutbox).where(eq(smsOutbox.kind, 'bill')).all();
const topUp = (memberId: string, principalMinor: number, key = newKey()) =>
  ok<OutputOf<'topups.create'>>('topups.create', { idempotencyKey: key, staffId: t.staffId, memberId, principalMinor, method: 'wechat' });
const buy = (memberId: string | null, payments: unknown[], key = newKey()) =>
  ok<OutputOf<'checkout.commit'>>('checkout.commit', { idempotencyKey: key, staffId: t.staffId, memberId, lines: [{ productId: shop.products.coffee.id, quantity: 2 }], payments });

describe('e-bill SMS', () => {
  it('a consenting member gets one message per top-up and sale, with the amount, payment, balance and points', async () => {
    const topup = await topUp(consenting.id, 10_000); // the 10,000 rule gives 1,000 bonus
    expect(topup.delivery.ebill).not.toBeNull();
    let rows = ebills();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.topupId).toBe(topup.topup.id);
    expect(rows[0]!.phone).toBe(consenting.phone);
    expect(rows[0]!.text).toContain('充值¥100.00赠¥10.00(微信支付)');
    expect(rows[0]!.text).toContain('储值余额¥110.00');

    // Basic tier, no discount: 2 × 19.99 = 39.98, 20.00 from stored value and the rest in cash.
    const sale = await buy(consenting.id, [
      { method: 'stored_value', amountMinor: 2_000 },
      { method: 'cash', amountMinor: 1_998, tenderedMinor: 5_000 },
    ]);
    rows = ebills();
    expect(rows).toHaveLength(2);
    const message = rows.find((r) => r.billId === sale.bill.id)!;
    expect(sale.delivery.ebill).toEqual({ messageId: message.id, status: 'pending' });
    expect(message.text).toContain('消费¥39.98(储值+现金)');
    expect(message.text).toContain('余额¥90.00');
    expect(message.text).toContain(`积分+${sale.bill.pointsEarned}共${sale.member!.points}`);
    expect(message.text).toContain(`单号${sale.bill.billNo}`);
    // The default Chinese template fits one SMS with the shop's signature.
    expect(message.signature).toBe(DEFAULT_SETTINGS.shopName);
    expect(segmentsOf(fullText(message.signature, message.text)).segments).toBe(1);
    expect(message.segments).toBe(1);
  });

  it('a repeated Pay (same idempotency key) writes no second message', async () => {
    await topUp(consenting.id, 10_000);
    const key = newKey();
    const first = await buy(consenting.id, [{ method: 'stored_value', amountMinor: 3_998 }], key);
    const again = await buy(consenting.id, [{ method: 'stored_value', amountMinor: 3_998 }], key);
    expect(again.replayed).toBe(true);
    expect(again.delivery.ebill?.messageId).toBe(first.delivery.ebill?.messageId);
    expect(ebills().filter((r) => r.billId === first.bill.id)).toHaveLength(1);
  });

  it('no message for a member without e-bill consent, a walk-in, or when the shop turned e-bills off', async () => {
    // The second member is on the silver tier: 5 % off.
    const { totalMinor } = await ok<OutputOf<'checkout.quote'>>('checkout.quote', { memberId: silent.id, lines: [{ productId: shop.products.coffee.id, quantity: 2 }] });
    const noConsent = await buy(silent.id, [{ method: 'cash', amountMinor: totalMinor }]);
    const walkIn = await buy(null, [{ method: 'cash', amountMinor: 3_998 }]);
    expect(noConsent.delivery.ebill).toBeNull();
    expect(walkIn.delivery.ebill).toBeNull();
    await ok('settings.update', { ebills: { ...DEFAULT_SETTINGS.ebills, enabled: false } });
    const off = await buy(consenting.id, [{ method: 'card', amountMinor: 3_998 }]);
    expect(off.delivery.ebill).toBeNull();
    expect(ebills()).toHaveLength(0);
  });

  it('a refund and a top-up refund each get their own message, in English when the shop writes in English', async () => {
    await ok('settings.update', { messaging: { ...DEFAULT_SETTINGS.messaging, language: 'en' } });
    const topup = await topUp(consenting.id, 10_000);
    const sale = await buy(consenting.id, [{ method: 'stored_value', amountMinor: 3_998 }]);
    const refund = await ok<OutputOf<'bills.refund'>>('bills.refund', { idempotencyKey: newKey(), staffId: t.staffId, billId: sale.bill.id });
    const refundText = ebills().find((r) => r.billId === refund.refund.id)!.text;
    expect(refundText).toContain('refunded CN¥39.98 to Stored value');
    expect(refundText).toContain('Balance CN¥110.00');
    const back = await ok<OutputOf<'topups.refund'>>('topups.refund', { idempotencyKey: newKey(), staffId: t.staffId, topupId: topup.topup.id, principalMinor: 5_000, method: 'wechat' });
    const backText = ebills().find((r) => r.topupId === back.topup.id)!.text;
    expect(backText).toMatch(/top-up refund CN¥50\.00 to WeChat Pay\. Balance CN¥55\.00\.$/);
    expect(ebills()).toHaveLength(4);
  });

  it('an e-bill never sent within a day is dropped, not delivered late', async () => {
    const { claimNextDue } = await import('../../src-main/sms/outbox.ts');
    await topUp(consenting.id, 10_000);
    t.clock.advance(25 * 3_600_000);
    expect(claimNextDue(t.ledger)).toBeNull();
    const [row] = t.ledger.db.select().from(smsOutbox).where(and(eq(smsOutbox.kind, 'bill'), eq(smsOutbox.status, 'cancelled'))).all();
    expect(row?.lastError).toBe('expired');
    // The outbox screen reads it as its own reason (shown in the reader's language), not a provider's words.
    const { outboxReasonOf } = await import('../../src-main/sms/types.ts');
    expect(outboxReasonOf(row!.lastError)).toBe('expired');
    expect(outboxReasonOf('Invalid destination number')).toBeNull();
  });
});

describe('e-bill delivery by the running app', () => {
  it('the provider receives the e-bill right after the sale, with the shop signature', async () => {
    const { startRuntime } = await import('../../src-main/platform/app-runtime.ts');
    const { MIGRATIONS_DIR } = await import('../../src-main/platform/project-paths.ts');
    const { tempDir, manualClock } = await import('../helpers/ledger.ts');
    const { startFake } = await import('../sms/fakes/index.ts');
    const fake = await startFake('webhook');
    const runtime = startRuntime({ dataDir: tempDir(), migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser', smsTimeoutMs: 10_000, clock: manualClock(new Date()) });
    try {
      const call = async <T>(method: string, input: unknown): Promise<T> => {
        const res = await runtime.dispatch(method, input);
        if (!res.ok) throw new Error(`${method}: ${res.error.code}`);
        return res.value as T;
      };
      const staffId = (await call<{ staff: Array<{ id: string }> }>('app.info', {})).staff[0]!.id;
      await call('sms.setProvider', { config: fake.config, secrets: fake.secrets });
      const member = await call<Member>('members.create', { staffId, phone: '13912345678', name: '曾晓雯', smsBillConsent: true });
      const other = await call<Member>('members.create', { staffId, phone: '13912345679', name: '李四' });
      await call('checkout.commit', { idempotencyKey: newKey(), staffId, memberId: other.id, lines: [{ name: '美式', amountMinor: 1_800 }], payments: [{ method: 'cash', amountMinor: 1_800 }] });
      const sale = await call<OutputOf<'checkout.commit'>>('checkout.commit', { idempotencyKey: newKey(), staffId, memberId: member.id, lines: [{ name: '拿铁', amountMinor: 2_800 }], payments: [{ method: 'wechat', amountMinor: 2_800 }] });
      await expect.poll(() => fake.received.length, { timeout: 15_000 }).toBe(1);
      expect(fake.received[0]!.to).toBe(member.phone);
      expect(fake.received[0]!.text).toContain('消费¥28.00(微信支付)');
      expect(fake.received[0]!.signature).toBe('常客小店');
      expect(fake.received[0]!.text).toContain(`单号${sale.bill.billNo}`);
      await expect.poll(() => runtime.ledger.db.select().from(smsOutbox).where(eq(smsOutbox.billId, sale.bill.id)).get()?.status, { timeout: 15_000 }).toBe('sent');
    } finally {
      await runtime.close();
      await fake.close();
    }
  });
});
