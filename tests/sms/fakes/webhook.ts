/**
 * A fake receiver for our own webhook API (the scheme is documented in
 * src-main/sms/providers/webhook.ts), written here independently of the adapter: it checks the
 * timestamp window, the HMAC over `${timestamp}.${raw body}`, the Idempotency-Key and the body, and
 * answers a repeated Idempotency-Key with the first answer instead of a second message.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fullText } from '../../../src-main/sms/templates.ts';
import { randomHex, startHttpFake, type FakeAnswer, type FakeBehaviour, type FakeProvider } from './http-fake.ts';

export interface WebhookFakeOptions {
  port?: number;
}

const PATH = '/hooks/sms';
const REPLAY_WINDOW_S = 5 * 60;

const SCRIPTED: Record<Exclude<FakeBehaviour, 'success' | 'hang'>, FakeAnswer> = {
  permanent: { status: 400, body: { error: 'invalid phone number' } },
  unsubscribed: { status: 410, body: { error: 'recipient opted out', optedOut: true } },
  throttled: { status: 429, body: { error: 'slow down' } },
  serverError: { status: 500, body: { error: 'gateway exploded' } },
};

export async function startWebhookFake(options: WebhookFakeOptions = {}): Promise<FakeProvider> {
  const signingSecret = randomHex(24);
  /** Idempotency-Key → the message id already answered. */
  const accepted = new Map<string, string>();

  return startHttpFake(
    {
      kind: 'webhook',
      secrets: { signingSecret },
      configFor: (url) => ({ kind: 'webhook', url: `${url}${PATH}` }),
      handle(request, state) {
        if (request.method !== 'POST' || request.target !== PATH) return { status: 404, body: { error: 'not found' } };

        const timestamp = request.headers['x-regulars-timestamp'];
        const signature = request.headers['x-regulars-signature'];
        if (typeof timestamp !== 'string' || !/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) - Date.now() / 1000) > REPLAY_WINDOW_S) {
          return { status: 401, body: { error: 'missing or stale X-Regulars-Timestamp' } };
        }
        const expected = `sha256=${createHmac('sha256', signingSecret)
          .update(Buffer.concat([Buffer.from(`${timestamp}.`), request.rawBody]))
          .digest('hex')}`;
        if (typeof signature !== 'string' || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
          return { status: 401, body: { error: 'bad X-Regulars-Signature' } };
        }

        let message: Record<string, unknown>;
        try {
          message = JSON.parse(request.rawBody.toString('utf8')) as Record<string, unknown>;
        } catch {
          return { status: 400, body: { error: 'body is not JSON' } };
        }
        const { id, to, text, signature: signName, body } = message;
        const key = request.headers['idempotency-key'];
        if (typeof id !== 'string' || key !== id) return { status: 400, body: { error: 'Idempotency-Key must equal the message id' } };
        if (typeof to !== 'string' || typeof text !== 'string' || typeof signName !== 'string') {
          return { status: 400, body: { error: 'to, text and signature are required strings' } };
        }
        // Our scheme: `body` is what the phone shows (sms/templates.ts fullText: 【签名】text, or [Shop] text).
        if (body !== fullText(signName, text)) return { status: 400, body: { error: 'body is not the signature and text as the phone shows them' } };

        const earlier = accepted.get(id);
        if (earlier) return { status: 200, body: { id: earlier } };

        const behaviour = state.behaviourFor(to);
        if (behaviour === 'hang') return 'hang';
        if (behaviour !== 'success') return SCRIPTED[behaviour];
        const messageId = `wh_${randomHex(10)}`;
        accepted.set(id, messageId);
        state.received.push({ id: messageId, to, text, signature: signName, reference: key });
        return { status: 200, body: { id: messageId } };
      },
    },
    options.port,
  );
}
