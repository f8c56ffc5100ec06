/**
 * makeProvider: settings + secrets → the SmsProvider the outbox's sending loop calls. Each provider's
 * SDK is imported on the first send, not when the app starts.
 *
 * Every send answers within `timeoutMs` (a timeout is `retry`), never throws, and its error string
 * never contains a secret value (scrubbed here, whatever the SDK or the server put in its message).
 */
import { aliyunSender } from './aliyun.ts';
import { PROVIDER_SECRETS, smsProviderConfigSchema, type SmsProviderConfig, type SmsProviderConfigInput } from './config.ts';
import { retry, scrubSecrets, withDeadline, type Deliver } from './outcome.ts';
import { tencentSender } from './tencent.ts';
import { twilioSender } from './twilio.ts';
import type { ProviderKind, SmsProvider } from './types.ts';
import { webhookSender } from './webhook.ts';

export type { OutgoingSms, ProviderKind, SendOutcome, SmsCost, SmsProvider } from './types.ts';
export {
  PROVIDER_SECRETS,
  parseProviderConfig,
  smsProviderConfigSchema,
  type SmsProviderConfig,
  type SmsProviderConfigInput,
} from './config.ts';
export { composeBody } from './message-body.ts';

export const DEFAULT_TIMEOUT_MS = 15_000;
/**
 * The SDK's own socket timeout runs this much longer than the deadline, so the deadline answers first
 * (one wording for every provider) and the socket is closed shortly after.
 */
const TRANSPORT_GRACE_MS = 1_000;
const MIN_SECRET_LENGTH = 8;

export interface ProviderOptions {
  /**
   * Longest wait for one send, in milliseconds (default 15 s); past it the outcome is `retry`. The first
   * send also loads the provider's SDK (0.1–0.5 s here), inside the same deadline.
   */
  timeoutMs?: number;
}

const LABEL: Record<ProviderKind, string> = { twilio: 'Twilio', aliyun: 'Aliyun', tencent: 'Tencent Cloud', webhook: 'Webhook' };

/**
 * Throws (ZodError or Error naming the missing secret, never its value) when the settings are invalid
 * or a secret is missing: a provider that cannot send is a settings problem, not a message outcome.
 */
export function makeProvider(
  config: SmsProviderConfigInput,
  secrets: Readonly<Record<string, string>>,
  options: ProviderOptions = {},
): SmsProvider {
  const parsed = smsProviderConfigSchema.parse(config);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error(`SMS provider timeoutMs must be a positive integer, got ${timeoutMs}`);
  const names: readonly string[] = PROVIDER_SECRETS[parsed.kind];
  const missing = names.filter((name) => !secrets[name]);
  if (missing.length > 0) throw new Error(`SMS provider ${parsed.kind}: missing secret ${missing.join(', ')}`);
  // Real provider secrets are 30+ characters; a very short one would also make scrubbing mangle words.
  const short = names.filter((name) => secrets[name]!.length < MIN_SECRET_LENGTH);
  if (short.length > 0) throw new Error(`SMS provider ${parsed.kind}: secret ${short.join(', ')} is shorter than ${MIN_SECRET_LENGTH} characters`);
  const secretValues = names.map((name) => secrets[name]!);
  const deliver = adapterFor(parsed, secretValues[0]!, timeoutMs + TRANSPORT_GRACE_MS);
  const label = LABEL[parsed.kind];

  return {
    kind: parsed.kind,
    async send(sms) {
      let outcome;
      try {
        outcome = await withDeadline(deliver(sms), timeoutMs, () => retry(`${label}: no answer within ${timeoutMs} ms`));
      } catch (err) {
        // Adapters turn every provider answer into an outcome; this is the SDK failing to load or a bug.
        outcome = retry(`${label}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return scrubSecrets(outcome, secretValues);
    },
  };
}

function adapterFor(config: SmsProviderConfig, secret: string, transportTimeoutMs: number): Deliver {
  switch (config.kind) {
    case 'twilio':
      return twilioSender(config, secret, transportTimeoutMs);
    case 'aliyun':
      return aliyunSender(config, secret, transportTimeoutMs);
    case 'tencent':
      return tencentSender(config, secret, transportTimeoutMs);
    case 'webhook':
      return webhookSender(config, secret, transportTimeoutMs);
  }
}
