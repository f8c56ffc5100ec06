/**
 * The demo shop's "phone": a receiver for the signed webhook (sms/providers/webhook.ts), on 127.0.0.1,
 * so the demo shows win-back and birthday SMS leaving the outbox without any SMS account. It checks
 * the signature and timestamp as any receiver must, treats a repeated Idempotency-Key as the same
 * message, and prints each message to the console. Only `--demo` starts it; a real shop never does.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch.ts';
import type { ProviderStatus } from '../sms/types.ts';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from '../sms/providers/webhook.ts';

export interface DemoPhone {
  /** The webhook provider settings and secret that send here. */
  config: { kind: 'webhook'; url: string };
  secrets: { signingSecret: string };
  close: () => Promise<void>;
}

export interface DeliveredSms {
  to: string;
  body: string;
}

export async function startDemoPhone(onMessage: (sms: DeliveredSms) => void): Promise<DemoPhone> {
  const signingSecret = randomBytes(24).toString('base64url');
  const answered = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers[TIMESTAMP_HEADER.toLowerCase()] ?? '');
      const given = Buffer.from(String(request.headers[SIGNATURE_HEADER.toLowerCase()] ?? ''));
      const expected = Buffer.from(webhookSignature(signingSecret, timestamp, raw));
      const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
      if (request.method !== 'POST' || !fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'bad signature' }));
        return;
      }
      const key = String(request.headers[IDEMPOTENCY_HEADER.toLowerCase()] ?? '');
      let id = answered.get(key);
      if (!id) {
        id = randomUUID();
        answered.set(key, id);
        const message = JSON.parse(raw) as { to: string; body: string };
        onMessage({ to: message.to, body: message.body });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    config: { kind: 'webhook', url: `http://127.0.0.1:${port}/demo-sms` },
    secrets: { signingSecret },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Whether the shop's provider is (still) the demo phone of an earlier launch, or none: then it may be pointed at this one. */
function mayUseDemoPhone(config: { kind: string; url?: string } | null): boolean {
  return config === null || (config.kind === 'webhook' && /^http:\/\/127\.0\.0\.1:\d+\/demo-sms$/.test(config.url ?? ''));
}

/**
 * For `--demo`: start the demo phone and make it the shop's SMS provider, unless the owner set up a
 * real provider in the demo shop. Returns the phone (to close on quit), or null.
 */
export async function connectDemoPhone(dispatch: Dispatch, log: (line: string) => void): Promise<DemoPhone | null> {
  const status = await dispatch('sms.provider', {});
  if (!status.ok || !mayUseDemoPhone((status.value as ProviderStatus).config)) return null;
  const phone = await startDemoPhone((sms) => log(`[demo SMS → ${sms.to}] ${sms.body}`));
  await dispatch('sms.setProvider', { config: phone.config, secrets: phone.secrets });
  return phone;
}
