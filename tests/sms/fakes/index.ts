/**
 * Fake SMS providers on 127.0.0.1, one per provider kind, each speaking that provider's documented API
 * and checking its authentication. Use `fake.config` and `fake.secrets` with makeProvider (or as the
 * app's provider settings) to send to it; `fake.received` is what it accepted.
 *
 *   const fake = await startFake('aliyun');
 *   const provider = makeProvider(fake.config, fake.secrets, { timeoutMs: 500 });
 *   fake.script('throttled');            // the next send is throttled
 *   fake.script('unsubscribed', { to }); // every send to `to` is refused as opted out
 *   await fake.close();                  // the network is down…
 *   await fake.restart();                // …and back, on the same port
 */
import type { ProviderKind } from '../../../src-main/sms/providers/types.ts';
import { startAliyunFake } from './aliyun.ts';
import type { FakeProvider } from './http-fake.ts';
import { startTencentFake } from './tencent.ts';
import { startTwilioFake } from './twilio.ts';
import { startWebhookFake } from './webhook.ts';

export type { FakeBehaviour, FakeProvider, ReceivedSms, ScriptOptions } from './http-fake.ts';

export const FAKE_KINDS: readonly ProviderKind[] = ['twilio', 'aliyun', 'tencent', 'webhook'];

export function startFake(kind: ProviderKind, options: { port?: number } = {}): Promise<FakeProvider> {
  switch (kind) {
    case 'twilio':
      return startTwilioFake(options);
    case 'aliyun':
      return startAliyunFake(options);
    case 'tencent':
      return startTencentFake(options);
    case 'webhook':
      return startWebhookFake(options);
  }
}
