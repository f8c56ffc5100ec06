/**
 * What every provider adapter must do against its fake, run once per provider kind by each
 * <kind>.test.ts: deliver exactly what it was given, map the provider's auth / permanent / opted-out /
 * throttling / 5xx answers, and answer `retry` when the provider is down or never answers.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeProvider } from '../../../src-main/sms/providers/index.ts';
import type { OutgoingSms, ProviderKind, SendOutcome, SmsCost } from '../../../src-main/sms/providers/types.ts';
import { startFake, type FakeProvider } from '../fakes/index.ts';

export interface ContractExpectations {
  /** The cost the adapter reports for `longSms` as the fake bills it. */
  cost: SmsCost | null;
  /** Substrings the error string must carry: the provider's own code for each case. */
  codes: { auth: string; permanent: string; unsubscribed: string; throttled: string; serverError: string };
}

/** Long enough for two segments everywhere, with the characters that trip up signing: Chinese, !*()'~+&=%. */
export const longSms: OutgoingSms = {
  outboxId: '0192f3a4-5b6c-7d8e-9f00-112233445566',
  to: '+8613812345678',
  text: "会员日到店消费满100元立减20元！积分双倍(仅限本周六)，活动详情请咨询店员~ a*b'c+d&e=f%20 回T退订 测试测试测试",
  signature: '常客小店',
};

export function sms(overrides: Partial<OutgoingSms> = {}): OutgoingSms {
  return { outboxId: `ob-${Math.random().toString(36).slice(2)}`, to: '+8613912345678', text: '您的积分已到账', signature: '常客小店', ...overrides };
}

/** A long deadline for calls that must succeed; the SDK is already loaded by beforeAll. */
export const TIMEOUT_MS = 10_000;
/** The deadline for the hang test: short, so the suite stays quick. */
const HANG_TIMEOUT_MS = 400;

export function expectNoSecrets(outcome: SendOutcome, secrets: readonly string[]): void {
  if (outcome.status === 'sent') return;
  for (const secret of secrets) expect(outcome.error).not.toContain(secret);
}

export function describeProviderContract(kind: ProviderKind, expected: ContractExpectations): void {
  describe(`${kind} adapter against its fake`, () => {
    let fake: FakeProvider;
    const fakes: FakeProvider[] = [];
    const secretValues = () => fakes.flatMap((f) => Object.values(f.secrets));

    async function freshFake(): Promise<FakeProvider> {
      const started = await startFake(kind);
      fakes.push(started);
      return started;
    }

    beforeAll(async () => {
      // Load the SDK once (its first import is slow), so the short deadlines below measure the network only.
      const warm = await freshFake();
      const outcome = await makeProvider(warm.config, warm.secrets, { timeoutMs: 30_000 }).send(sms());
      expect(outcome.status).toBe('sent');
    });

    afterEach(async () => {
      await Promise.all(fakes.map((f) => f.close()));
    });

    it('delivers exactly the number, text, signature and outbox reference, and reports the id and cost', async () => {
      fake = await freshFake();
      const outcome = await makeProvider(fake.config, fake.secrets, { timeoutMs: TIMEOUT_MS }).send(longSms);

      expect(fake.received).toEqual([
        {
          id: expect.any(String),
          to: longSms.to,
          text: longSms.text,
          signature: longSms.signature,
          reference: kind === 'twilio' ? null : longSms.outboxId,
        },
      ]);
      expect(outcome).toEqual({ status: 'sent', providerMessageId: fake.received[0]!.id, cost: expected.cost });
    });

    it('is refused by the provider with a wrong secret: rejected, naming the auth error, never the secret', async () => {
      fake = await freshFake();
      const wrongSecrets = Object.fromEntries(Object.keys(fake.secrets).map((name) => [name, `wrong-${name}-0123456789`]));
      const outcome = await makeProvider(fake.config, wrongSecrets, { timeoutMs: TIMEOUT_MS }).send(sms());

      expect(outcome).toEqual({ status: 'rejected', optedOut: false, error: expect.stringContaining(expected.codes.auth) });
      expect(fake.received).toEqual([]);
      expect(fake.requestCount).toBe(1);
      expectNoSecrets(outcome, [...Object.values(wrongSecrets), ...secretValues()]);
    });

    it.each([
      ['permanent', 'rejected', false],
      ['unsubscribed', 'rejected', true],
      ['throttled', 'retry', undefined],
      ['serverError', 'retry', undefined],
    ] as const)('maps the provider answering %s to %s', async (behaviour, status, optedOut) => {
      fake = await freshFake();
      const provider = makeProvider(fake.config, fake.secrets, { timeoutMs: TIMEOUT_MS });
      fake.script(behaviour);
      const outcome = await provider.send(sms());

      expect(outcome.status).toBe(status);
      if (outcome.status === 'sent') return;
      expect(outcome.error).toContain(expected.codes[behaviour]);
      if (outcome.status === 'rejected') expect(outcome.optedOut).toBe(optedOut);
      expect(fake.received).toEqual([]);
      expectNoSecrets(outcome, secretValues());

      // The script applied to one send only: the same provider delivers the next one.
      const next = await provider.send(sms({ text: 'second' }));
      expect(next.status).toBe('sent');
      expect(fake.received.map((r) => r.text)).toEqual(['second']);
    });

    it('scripts per phone number: the unsubscribed member is refused, the others get theirs', async () => {
      fake = await freshFake();
      const provider = makeProvider(fake.config, fake.secrets, { timeoutMs: TIMEOUT_MS });
      const optedOutNumber = '+8613700000001';
      fake.script('unsubscribed', { to: optedOutNumber });

      const outcomes = [
        await provider.send(sms({ to: optedOutNumber })),
        await provider.send(sms({ to: '+8613700000002' })),
        await provider.send(sms({ to: optedOutNumber })),
      ];

      expect(outcomes.map((o) => (o.status === 'rejected' ? `rejected:${o.optedOut}` : o.status))).toEqual([
        'rejected:true',
        'sent',
        'rejected:true',
      ]);
      expect(fake.received.map((r) => r.to)).toEqual(['+8613700000002']);
    });

    it('answers retry while the provider is down, and delivers once it is back on the same port', async () => {
      fake = await freshFake();
      const provider = makeProvider(fake.config, fake.secrets, { timeoutMs: TIMEOUT_MS });
      expect((await provider.send(sms({ text: 'before' }))).status).toBe('sent');

      await fake.close();
      const whileDown = [await provider.send(sms({ text: 'down 1' })), await provider.send(sms({ text: 'down 2' }))];
      const freshWhileDown = await makeProvider(fake.config, fake.secrets, { timeoutMs: TIMEOUT_MS }).send(sms({ text: 'down 3' }));
      for (const outcome of [...whileDown, freshWhileDown]) {
        expect(outcome).toEqual({ status: 'retry', error: expect.stringMatching(/network error/) });
        expectNoSecrets(outcome, secretValues());
      }
      expect(freshWhileDown.status === 'retry' && freshWhileDown.error).toMatch(/ECONNREFUSED/);

      await fake.restart();
      const after = await provider.send(sms({ text: 'after' }));
      expect(after.status).toBe('sent');
      expect(fake.received.map((r) => r.text)).toEqual(['before', 'after']);
    });

    it('answers retry when the provider never answers, once the deadline has passed', async () => {
      fake = await freshFake();
      const provider = makeProvider(fake.config, fake.secrets, { timeoutMs: HANG_TIMEOUT_MS });
      fake.script('hang');

      const outcome = await provider.send(sms({ text: 'hangs' }));

      expect(outcome).toEqual({ status: 'retry', error: expect.stringContaining(`no answer within ${HANG_TIMEOUT_MS} ms`) });
      expect(fake.received).toEqual([]);
      expect(fake.requestCount).toBe(1);
      // The provider is still usable: the next send goes through.
      expect((await provider.send(sms({ text: 'after the hang' }))).status).toBe('sent');
      expect(fake.received.map((r) => r.text)).toEqual(['after the hang']);
    });
  });
}
