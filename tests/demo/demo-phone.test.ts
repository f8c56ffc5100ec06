/** The demo shop's phone: it receives what the webhook adapter sends, and only that. */
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoPhone, type DeliveredSms, type DemoPhone } from '../../src-main/demo/demo-phone.ts';
import { makeProvider } from '../../src-main/sms/providers/index.ts';

let phone: DemoPhone | undefined;
afterEach(async () => phone?.close());

describe('the demo phone', () => {
  it('accepts signed messages once per outbox id and refuses a wrong secret', async () => {
    const got: DeliveredSms[] = [];
    phone = await startDemoPhone((sms) => got.push(sms));
    const provider = makeProvider(phone.config, phone.secrets, { timeoutMs: 5_000 });
    const sms = { outboxId: 'outbox-1', to: '+8613800138000', text: '好久不见 回T退订', signature: '常客小店' };
    const first = await provider.send(sms);
    expect(first.status).toBe('sent');
    expect(await provider.send(sms)).toEqual(first); // a resend of the same message is the same message
    expect(got).toEqual([{ to: '+8613800138000', body: '【常客小店】好久不见 回T退订' }]);

    const impostor = makeProvider(phone.config, { signingSecret: 'not-the-right-secret' }, { timeoutMs: 5_000 });
    expect(await impostor.send({ ...sms, outboxId: 'outbox-2' })).toMatchObject({ status: 'rejected' });
    expect(got).toHaveLength(1);
  });
});
