/**
 * The text a phone shows, for providers that take the whole message (Twilio, the webhook): the
 * signature and text put together exactly as the outbox counted them (sms/templates.ts `fullText`).
 */
import { fullText } from '../templates.ts';
import type { OutgoingSms } from './types.ts';

export function composeBody(sms: Pick<OutgoingSms, 'signature' | 'text'>): string {
  return fullText(sms.signature, sms.text);
}
