/**
 * The retention and SMS methods through the API's door: bad input refused with a localized message and
 * nothing written; provider secrets accepted but never returned, and stored encrypted; a sender is
 * woken after a send.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import type { ApiError } from '../../src-main/api/contract.ts';
import type { ErrorCode } from '../../src-main/ledger/errors.ts';
import { secrets } from '../../src-main/ledger/schema.ts';
import { loadProvider } from '../../src-main/sms/provider-settings.ts';
import { keyFileSecretBox } from '../../src-main/sms/secrets.ts';
import type { ProviderStatus } from '../../src-main/sms/types.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop } from '../helpers/shop.ts';

let t: TestLedger;
let dispatch: Dispatch;
let wakes: number;
let memberId: string;
const twilio = { kind: 'twilio', accountSid: `AC${'1'.repeat(32)}`, from: '+15005550006' };
const TOKEN = 'super-secret-auth-token-123';

beforeEach(() => {
  t = openTestLedger();
  memberId = seedShop(t.ledger, t.staffId, 1).members[0]!.id;
  wakes = 0;
  dispatch = createDispatch({
    ledger: t.ledger,
    version: 'test',
    dataFile: t.file,
    shell: 'browser',
    messaging: { secretBox: keyFileSecretBox(path.join(t.dir, 'regulars.key')), wake: () => wakes++ },
  });
});
afterEach(() => t.dispose());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const res = await dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

async function refused(method: string, input: unknown, code: ErrorCode, locale?: string): Promise<ApiError> {
  const before = fingerprint(t.ledger);
  const res = await dispatch(method, input, locale);
  expect(res.ok, method).toBe(false);
  if (res.ok) throw new Error('unreachable');
  expect(res.error.code).toBe(code);
  expect(fingerprint(t.ledger)).toEqual(before);
  return res.error;
}

describe('retention and SMS through the API', () => {
  it('refuses bad input with a localized message and writes nothing', async () => {
    await refused('retention.lapsed', { limit: 0 }, 'VALIDATION');
    await refused('retention.lapsed', { rankBy: 'vibes' }, 'VALIDATION');
    await refused('retention.lapsed', { asOfDate: '23/11/2026' }, 'VALIDATION');
    await refused('campaigns.send', { idempotencyKey: newKey(), staffId: t.staffId, memberIds: [], template: 'x' }, 'VALIDATION');
    await refused('campaigns.send', { idempotencyKey: newKey(), staffId: t.staffId, memberIds: [memberId], template: '   ' }, 'VALIDATION');
    const unknown = await refused('campaigns.send', { idempotencyKey: newKey(), staffId: t.staffId, memberIds: [memberId], template: '{nmae}好' }, 'UNKNOWN_PLACEHOLDER', 'zh-CN');
    expect(unknown.message).toBe('模板中有无法识别的占位符：{nmae}');
    expect((await refused('campaigns.preview', { memberIds: [memberId], template: 'Hi {nmae}' }, 'UNKNOWN_PLACEHOLDER', 'en')).message).toBe('The template has placeholders we do not know: {nmae}');
    await refused('contacts.logCall', { idempotencyKey: newKey(), staffId: t.staffId, memberId, outcome: 'maybe' }, 'VALIDATION');
    await refused('contacts.logCall', { idempotencyKey: newKey(), staffId: t.staffId, memberId: 'nobody', outcome: 'reached' }, 'MEMBER_NOT_FOUND');
    await refused('consent.set', { staffId: t.staffId, memberId, kind: 'sms_everything', granted: false }, 'VALIDATION');
    await refused('birthdays.upcoming', { days: 0 }, 'VALIDATION');
    await refused('retention.fit', {}, 'NOT_ENOUGH_HISTORY');
    await refused('sms.test', { phone: '13800138000' }, 'SMS_PROVIDER_NOT_SET');
  });

  it('provider settings: plain http to another host is refused; secrets go in encrypted and never come back', async () => {
    await refused('sms.setProvider', { config: { ...twilio, baseUrl: 'http://sms.example.com' }, secrets: { authToken: TOKEN } }, 'VALIDATION');
    await refused('sms.setProvider', { config: twilio, secrets: { authToken: 'short' } }, 'VALIDATION');
    await refused('sms.setProvider', { config: twilio, secrets: { apiKey: TOKEN } }, 'VALIDATION');

    const status = await ok<ProviderStatus>('sms.setProvider', { config: twilio, secrets: { authToken: TOKEN } });
    expect(status.config).toMatchObject({ kind: 'twilio', baseUrl: 'https://api.twilio.com' });
    expect(status.secrets).toEqual([{ name: 'authToken', set: true }]);
    expect(status.encryption).toBe('aes-256-gcm-keyfile');
    expect(JSON.stringify(status)).not.toContain(TOKEN);
    expect(JSON.stringify(await ok('sms.provider', {}))).not.toContain(TOKEN);
    const [stored] = t.ledger.db.select().from(secrets).all();
    expect(stored!.ciphertext).not.toContain(TOKEN);
    expect(Buffer.from(stored!.ciphertext.split('.')[2]!, 'base64').toString('utf8')).not.toContain(TOKEN);

    // A blank secret keeps the stored one.
    expect((await ok<ProviderStatus>('sms.setProvider', { config: twilio, secrets: { authToken: '' } })).secrets).toEqual([{ name: 'authToken', set: true }]);
    expect(t.ledger.db.select().from(secrets).all()[0]!.ciphertext).toBe(stored!.ciphertext);

    await ok('sms.test', { phone: '138 0013 8000' });
    expect(wakes).toBeGreaterThan(0);
    const outbox = await ok<{ rows: Array<{ kind: string; phone: string }> }>('sms.outbox', {});
    expect(outbox.rows).toMatchObject([{ kind: 'test', phone: '+8613800138000' }]);
  });

  it('a secret stored under another key reads as unreadable, not as garbage', async () => {
    await ok('sms.setProvider', { config: twilio, secrets: { authToken: TOKEN } });
    const otherKey = keyFileSecretBox(path.join(t.dir, 'other.key'));
    expect(() => loadProvider(t.ledger, otherKey)).toThrow(expect.objectContaining({ code: 'SECRET_UNREADABLE' }));
    expect(loadProvider(t.ledger, keyFileSecretBox(path.join(t.dir, 'regulars.key')))?.kind).toBe('twilio');
  });
});
