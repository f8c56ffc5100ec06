/**
 * Which SMS provider the shop uses: its non-secret settings in the settings table (key `sms_provider`),
 * its secrets encrypted in the secrets table (secrets.ts). The API shows which secrets are set, never
 * their values; a blank secret on save keeps the stored one.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { normalizePhone } from '../ledger/phone.ts';
import { settings } from '../ledger/schema.ts';
import { getSettings } from '../ledger/settings.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { enqueueSms } from './outbox.ts';
import { makeProvider, PROVIDER_SECRETS, smsProviderConfigSchema, type ProviderOptions, type SmsProviderConfig } from './providers/index.ts';
import type { SmsProvider } from './providers/types.ts';
import { getSecret, putSecret, storedSecretNames, type SecretBox } from './secrets.ts';
import { signatureOf } from './templates.ts';
import { providerUpdate, testMessage } from './commands.ts';
import type { ProviderStatus } from './types.ts';

const SETTINGS_KEY = 'sms_provider';

const secretKey = (kind: string, name: string) => `sms.${kind}.${name}`;

export function readProviderConfig(ledger: Ledger): SmsProviderConfig | null {
  const row = ledger.db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get();
  if (!row) return null;
  const parsed = smsProviderConfigSchema.nullable().safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

export function providerStatus(ledger: Ledger, box: SecretBox): ProviderStatus {
  const config = readProviderConfig(ledger);
  const stored = new Set(storedSecretNames(ledger));
  const names: readonly string[] = config ? PROVIDER_SECRETS[config.kind] : [];
  return {
    config,
    secrets: names.map((name) => ({ name, set: config !== null && stored.has(secretKey(config.kind, name)) })),
    encryption: box.scheme,
  };
}

export function setProvider(ledger: Ledger, box: SecretBox, input: z.input<typeof providerUpdate>): ProviderStatus {
  const data = providerUpdate.parse(input);
  return inTransaction(ledger, () => {
    const json = JSON.stringify(data.config);
    ledger.db.insert(settings).values({ key: SETTINGS_KEY, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
    if (data.config) {
      const allowed: readonly string[] = PROVIDER_SECRETS[data.config.kind];
      for (const [name, value] of Object.entries(data.secrets)) {
        if (!allowed.includes(name)) fail('VALIDATION', { field: `secrets.${name}` });
        if (value.trim() !== '') putSecret(ledger, box, secretKey(data.config.kind, name), value.trim());
      }
    }
    return providerStatus(ledger, box);
  });
}

/** The configured provider ready to send, or null when none is set up or a secret is missing. */
export function loadProvider(ledger: Ledger, box: SecretBox, options: ProviderOptions = {}): SmsProvider | null {
  const config = readProviderConfig(ledger);
  if (!config) return null;
  const values: Record<string, string> = {};
  for (const name of PROVIDER_SECRETS[config.kind] as readonly string[]) {
    const value = getSecret(ledger, box, secretKey(config.kind, name));
    if (value === null) return null;
    values[name] = value;
  }
  return makeProvider(config, values, options);
}

const TEST_TEXT: Record<string, string> = {
  'zh-CN': '这是一条测试短信：常客的短信设置可以正常使用。',
  en: 'Test message from Regulars: your SMS settings work.',
};

/** Queue a test message to a phone (not marketing: no consent or quiet hours apply). */
export function queueTestMessage(ledger: Ledger, input: z.input<typeof testMessage>): { messageId: string } {
  const data = testMessage.parse(input);
  return inTransaction(ledger, () => {
    if (!readProviderConfig(ledger)) fail('SMS_PROVIDER_NOT_SET');
    const shop = getSettings(ledger);
    const messageId = enqueueSms(ledger, {
      kind: 'test',
      phone: normalizePhone(data.phone),
      text: TEST_TEXT[shop.messaging.language] ?? TEST_TEXT['en']!,
      signature: signatureOf(shop.messaging.signature, shop.shopName),
    });
    return { messageId };
  });
}
