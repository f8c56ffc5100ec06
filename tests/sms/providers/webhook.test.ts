import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProvider } from '../../../src-main/sms/providers/index.ts';
import { startWebhookFake } from '../fakes/webhook.ts';
import type { FakeProvider } from '../fakes/index.ts';
import { describeProviderContract, sms, TIMEOUT_MS } from './provider-contract.ts';

describeProviderContract('webhook', {
  cost: null,
  codes: { auth: 'Webhook HTTP 401', permanent: 'Webhook HTTP 400', unsubscribed: 'Webhook HTTP 410', throttled: 'Webhook HTTP 429', serverError: 'Webhook HTTP 500' },
});

/** A receiver answering every request with `status` and `body` (JSON when an object). */
async function answering(status: number, body: unknown, headers: Record<string, string> = {}): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

describe('webhook specifics', () => {
  let fake: FakeProvider | undefined;
  let receiver: { url: string; close: () => void } | undefined;
  afterEach(async () => {
    await fake?.close();
    receiver?.close();
    fake = undefined;
    receiver = undefined;
  });

  it('sends the same message twice as one: the receiver recognises the Idempotency-Key', async () => {
    fake = await startWebhookFake();
    const provider = makeProvider(fake.config, fake.secrets, { timeoutMs: TIMEOUT_MS });
    const message = sms();
    const first = await provider.send(message);
    const again = await provider.send(message);
    expect(first.status).toBe('sent');
    expect(again).toEqual(first);
    expect(fake.received).toEqual([expect.objectContaining({ reference: message.outboxId })]);
  });

  it('reads {"optedOut": true} on any 4xx as opted out', async () => {
    receiver = await answering(403, { error: 'member said STOP', optedOut: true });
    const outcome = await makeProvider({ kind: 'webhook', url: receiver.url }, { signingSecret: 's3cret-value' }).send(sms());
    expect(outcome).toEqual({ status: 'rejected', optedOut: true, error: 'Webhook HTTP 403: member said STOP' });
  });

  it('retries a 2xx without a message id (maybe a wrong URL answering with a page)', async () => {
    receiver = await answering(200, '<html>Welcome</html>');
    const outcome = await makeProvider({ kind: 'webhook', url: receiver.url }, { signingSecret: 's3cret-value' }).send(sms());
    expect(outcome).toEqual({ status: 'retry', error: 'Webhook HTTP 200 without a message id in the answer: <html>Welcome</html>' });
  });

  it('does not follow a redirect with the signed body', async () => {
    receiver = await answering(301, '', { Location: 'https://elsewhere.example/hook' });
    const outcome = await makeProvider({ kind: 'webhook', url: receiver.url }, { signingSecret: 's3cret-value' }).send(sms());
    expect(outcome).toEqual({
      status: 'rejected',
      optedOut: false,
      error: 'Webhook HTTP 301: redirected to https://elsewhere.example/hook (not followed)',
    });
  });

  it('never lets a secret through, even when the receiver echoes it back', async () => {
    const secret = 'echoed-signing-secret-42';
    receiver = await answering(400, { error: `signature made with ${secret} is not ours (${secret})` });
    const outcome = await makeProvider({ kind: 'webhook', url: receiver.url }, { signingSecret: secret }).send(sms());
    expect(outcome).toEqual({ status: 'rejected', optedOut: false, error: 'Webhook HTTP 400: signature made with *** is not ours (***)' });
  });

  it('the fake refuses a correctly signed request from ten minutes ago (replay window)', async () => {
    fake = await startWebhookFake();
    const body = JSON.stringify({ id: 'ob-1', to: '+8613912345678', text: 'hi', signature: '', body: 'hi' });
    const timestamp = String(Math.floor(Date.now() / 1000) - 600);
    const signature = `sha256=${createHmac('sha256', fake.secrets.signingSecret!).update(`${timestamp}.${body}`).digest('hex')}`;
    const url = fake.config.kind === 'webhook' ? fake.config.url : '';
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'ob-1', 'X-Regulars-Timestamp': timestamp, 'X-Regulars-Signature': signature },
      body,
    });
    expect(response.status).toBe(401);
    expect(fake.received).toEqual([]);
  });
});
