/**
 * The generic webhook: our own small HTTPS API, for gateways no SDK covers. The scheme, which a
 * receiver implements:
 *
 *   POST <url>
 *   Content-Type: application/json
 *   Idempotency-Key: <outbox id>                 the same for every attempt at one message
 *   X-Regulars-Timestamp: <unix seconds>
 *   X-Regulars-Signature: sha256=<hex>           HMAC-SHA256(signingSecret, `${timestamp}.${raw body}`)
 *
 *   {"id": <outbox id>, "to": <E.164>, "text": <text>, "signature": <signature>, "body": "【signature】text"}
 *
 * The receiver recomputes the HMAC over the raw body bytes exactly as received, compares in constant
 * time, refuses a timestamp more than 5 minutes from its clock (a captured request cannot be replayed
 * later), and treats a repeated Idempotency-Key as the same message (answer the first reply again).
 *
 * Answers: 2xx with JSON {"id": "<its message id>"} = sent. 410, or any 4xx whose JSON has
 * "optedOut": true = the recipient opted out. 408, 429 and 5xx = try again later. Other 4xx (and 3xx:
 * redirects are not followed, the signed body goes only where configured) = rejected. An "error" or
 * "message" string in a JSON answer is shown on the outbox screen.
 */
import { createHmac } from 'node:crypto';
import type { WebhookConfig } from './config.ts';
import { composeBody } from './message-body.ts';
import { describeTransportError, rejected, retry, sent, type Deliver } from './outcome.ts';

export const TIMESTAMP_HEADER = 'X-Regulars-Timestamp';
export const SIGNATURE_HEADER = 'X-Regulars-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Enough of an error page to explain it; a receiver's answer is never read past this. */
const MAX_ANSWER_BYTES = 16 * 1024;

export function webhookSignature(signingSecret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', signingSecret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export function webhookSender(config: WebhookConfig, signingSecret: string, transportTimeoutMs: number): Deliver {
  return async (sms) => {
    const rawBody = JSON.stringify({ id: sms.outboxId, to: sms.to, text: sms.text, signature: sms.signature, body: composeBody(sms) });
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number;
    let location: string | null;
    let answer: string;
    try {
      const response = await fetch(config.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [IDEMPOTENCY_HEADER]: sms.outboxId,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: webhookSignature(signingSecret, timestamp, rawBody),
        },
        body: rawBody,
        redirect: 'manual',
        signal: AbortSignal.timeout(transportTimeoutMs),
      });
      status = response.status;
      location = response.headers.get('location');
      answer = (await response.text()).slice(0, MAX_ANSWER_BYTES);
    } catch (err) {
      return retry(`Webhook: ${describeTransportError(err)}`);
    }
    const json = parseObject(answer);
    const explanation = typeof json?.error === 'string' ? json.error : typeof json?.message === 'string' ? json.message : answer;
    const error = `Webhook HTTP ${status}: ${explanation}`;
    if (status >= 200 && status < 300) {
      if (typeof json?.id === 'string' && json.id !== '') return sent(json.id, null);
      // Maybe delivered, maybe a wrong URL answering with a web page: the Idempotency-Key makes another try safe.
      return retry(`Webhook HTTP ${status} without a message id in the answer: ${answer}`);
    }
    if (status === 408 || status === 429 || status >= 500) return retry(error);
    if (status >= 300 && status < 400) return rejected(`Webhook HTTP ${status}: redirected to ${location ?? '?'} (not followed)`);
    return rejected(error, status === 410 || json?.optedOut === true);
  };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
