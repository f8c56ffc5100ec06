/**
 * Building SendOutcomes and their error strings. Error strings are read by people on the outbox screen
 * and in logs: they name the provider, its error code and its message, clipped, and never a secret.
 */
import type { OutgoingSms, SendOutcome, SmsCost } from './types.ts';

/** What an adapter does with one message; makeProvider adds the deadline and the secret scrubbing. */
export type Deliver = (sms: OutgoingSms) => Promise<SendOutcome>;

const MAX_ERROR_LENGTH = 400;

export function sent(providerMessageId: string, cost: SmsCost | null): SendOutcome {
  return { status: 'sent', providerMessageId, cost };
}

export function retry(error: string): SendOutcome {
  return { status: 'retry', error: clip(error) };
}

export function rejected(error: string, optedOut = false): SendOutcome {
  return { status: 'rejected', error: clip(error), optedOut };
}

export function clip(text: string, max = MAX_ERROR_LENGTH): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/** Replaces every occurrence of each secret value; applied to every outcome before it leaves makeProvider. */
export function scrubSecrets(outcome: SendOutcome, secrets: readonly string[]): SendOutcome {
  if (outcome.status === 'sent') return outcome;
  let error = outcome.error;
  for (const secret of secrets) {
    if (secret !== '') error = error.split(secret).join('***');
  }
  return { ...outcome, error };
}

/**
 * A transport failure (refused, reset, DNS, TLS, timeout) in words, from whichever shape the HTTP
 * client threw: Node's errno errors, fetch's TypeError with a cause, axios and httpx errors.
 */
export function describeTransportError(err: unknown): string {
  const codes: string[] = [];
  const messages: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && !codes.includes(code)) codes.push(code);
    if (typeof message === 'string' && message !== '' && !messages.includes(message)) messages.push(message);
    current = cause;
  }
  if (messages.length === 0) messages.push(String(err));
  // Some clients quote the whole request URL, whose query holds the member's number and the text.
  const message = messages.join(': ').replace(/\bhttps?:\/\/[^\s/?#]+[^\s]*/g, (url) => `${url.match(/^https?:\/\/[^\s/?#]+/)![0]}/…`);
  const missing = codes.filter((code) => !message.includes(code));
  return `network error${missing.length > 0 ? ` (${missing.join(', ')})` : ''}: ${message}`;
}

/**
 * Resolves with the work's outcome, or with onTimeout()'s once `ms` have passed. The work keeps its
 * own (slightly longer) transport timeout, so its socket is closed soon after; adapters never reject.
 */
export async function withDeadline(work: Promise<SendOutcome>, ms: number, onTimeout: () => SendOutcome): Promise<SendOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
