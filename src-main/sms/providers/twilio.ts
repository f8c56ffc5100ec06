/**
 * Twilio: POST /2010-04-01/Accounts/{AccountSid}/Messages.json through the official SDK (HTTP Basic
 * auth AccountSid:AuthToken). The SDK has no base-URL option, so its HTTP client is a RequestClient that
 * swaps the origin of every request for the configured baseUrl (the fake provider in tests).
 *
 * Twilio has no client reference or idempotency key for Messages, so the outbox id is not sent.
 * Error codes: https://www.twilio.com/docs/api/errors — 21610 unsubscribed recipient (opted out),
 * 20003 authentication, 21211/21614 bad number, 20429/HTTP 429 too many requests, 21611 the sender's
 * queue is full; any 5xx or transport failure is worth another try.
 */
import type { TwilioConfig } from './config.ts';
import { composeBody } from './message-body.ts';
import { decimalToMicros } from './money.ts';
import { describeTransportError, rejected, retry, sent, type Deliver } from './outcome.ts';
import type { SendOutcome, SmsCost } from './types.ts';

const UNSUBSCRIBED_RECIPIENT = 21610;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
/** Too many requests, the sender's queue is full, internal error, service unavailable. */
const TRANSIENT_CODES = new Set([20429, 21611, 20500, 20503]);

type MessageList = import('twilio').Twilio['messages'];

export function twilioSender(config: TwilioConfig, authToken: string, transportTimeoutMs: number): Deliver {
  let messages: Promise<MessageList> | undefined;
  return async (sms) => {
    messages ??= loadMessageList(config, authToken, transportTimeoutMs);
    const list = await messages.catch((err: unknown) => {
      messages = undefined; // let the next attempt load the SDK again
      throw err;
    });
    const sender = MESSAGING_SERVICE_SID.test(config.from) ? { messagingServiceSid: config.from } : { from: config.from };
    try {
      const message = await list.create({ to: sms.to, body: composeBody(sms), ...sender });
      return sent(message.sid, twilioCost(message.price, message.priceUnit, message.numSegments));
    } catch (err) {
      return classifyTwilioError(err);
    }
  };
}

async function loadMessageList(config: TwilioConfig, authToken: string, timeoutMs: number): Promise<MessageList> {
  const { default: twilio } = await import('twilio');
  const base = config.baseUrl.replace(/\/+$/, '');

  type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0];
  /** Twilio's own RequestClient (timeouts, Basic auth, form encoding), pointed at `base`. */
  class RebasedRequestClient extends twilio.RequestClient {
    override request<TData>(opts: RequestOptions & { data?: TData }) {
      const url = new URL(opts.uri);
      return super.request<TData>({ ...opts, uri: `${base}${url.pathname}${url.search}` });
    }
  }

  const httpClient = new RebasedRequestClient({ timeout: timeoutMs, keepAlive: true });
  // edge/region pinned empty so TWILIO_EDGE / TWILIO_REGION in the environment cannot move the host.
  return twilio(config.accountSid, authToken, { httpClient, autoRetry: false, edge: '', region: '' }).messages;
}

/** Twilio reports price as a negative decimal string ("-0.00750") once known, often null at creation. */
export function twilioCost(price: string | null, priceUnit: string | null, numSegments: string | null): SmsCost | null {
  const signedMicros = price === null || price === undefined ? null : decimalToMicros(price);
  const micros = signedMicros === null ? null : Math.abs(signedMicros);
  const segments = numSegments !== null && numSegments !== undefined && /^\d+$/.test(numSegments) ? Number(numSegments) : null;
  if (micros === null && segments === null) return null;
  return { micros, currency: micros === null ? null : (priceUnit?.toUpperCase() ?? null), billedSegments: segments };
}

/** RestException and TwilioServiceException both carry the HTTP status and Twilio's error code. */
interface TwilioHttpError {
  status: number;
  code?: number;
  message?: string;
}

function isTwilioHttpError(err: unknown): err is TwilioHttpError {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number';
}

export function classifyTwilioError(err: unknown): SendOutcome {
  if (!isTwilioHttpError(err)) return retry(`Twilio: ${describeTransportError(err)}`);
  const code = typeof err.code === 'number' && err.code !== 0 ? err.code : null;
  const error = `Twilio ${code ?? 'error'} (HTTP ${err.status}): ${err.message ?? ''}`;
  if (err.status === 429 || err.status === 408 || err.status >= 500 || (code !== null && TRANSIENT_CODES.has(code))) {
    return retry(error);
  }
  return rejected(error, code === UNSUBSCRIBED_RECIPIENT);
}
