import { afterEach, describe, expect, it } from 'vitest';
import { makeProvider } from '../../../src-main/sms/providers/index.ts';
import { twilioCost } from '../../../src-main/sms/providers/twilio.ts';
import { startTwilioFake } from '../fakes/twilio.ts';
import type { FakeProvider } from '../fakes/index.ts';
import { describeProviderContract, sms, TIMEOUT_MS } from './provider-contract.ts';

describeProviderContract('twilio', {
  // The fake bills "-0.00750" USD and counts the UCS-2 body (73 characters with 【常客小店】) as 2 segments.
  cost: { micros: 7500, currency: 'USD', billedSegments: 2 },
  codes: { auth: 'Twilio 20003 (HTTP 401)', permanent: 'Twilio 21211', unsubscribed: 'Twilio 21610', throttled: 'Twilio 20429 (HTTP 429)', serverError: 'HTTP 500' },
});

describe('Twilio specifics', () => {
  let fake: FakeProvider | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it('sends from a Messaging Service SID when the sender is MG…', async () => {
    const messagingService = `MG${'0123456789abcdef'.repeat(2)}`;
    fake = await startTwilioFake({ from: messagingService });
    const outcome = await makeProvider(fake.config, fake.secrets, { timeoutMs: TIMEOUT_MS }).send(sms({ signature: '' }));
    expect(outcome.status).toBe('sent');
    // The fake only accepts its own sender, whether From or MessagingServiceSid carried it; no signature → plain text.
    expect(fake.received).toEqual([expect.objectContaining({ text: '您的积分已到账', signature: '' })]);
  });

  it('reports no price while Twilio has none, but still the billed segments', async () => {
    fake = await startTwilioFake({ price: null });
    const outcome = await makeProvider(fake.config, fake.secrets, { timeoutMs: TIMEOUT_MS }).send(sms());
    expect(outcome).toEqual({ status: 'sent', providerMessageId: fake.received[0]!.id, cost: { micros: null, currency: null, billedSegments: 1 } });
  });

  it('turns Twilio prices into positive integer micros by string arithmetic', () => {
    expect(twilioCost('-0.00750', 'usd', '1')).toEqual({ micros: 7500, currency: 'USD', billedSegments: 1 });
    expect(twilioCost('-0.0079', 'USD', '3')).toEqual({ micros: 7900, currency: 'USD', billedSegments: 3 });
    expect(twilioCost('-1.10', 'EUR', null)).toEqual({ micros: 1_100_000, currency: 'EUR', billedSegments: null });
    expect(twilioCost(null, 'USD', null)).toBeNull();
  });
});
