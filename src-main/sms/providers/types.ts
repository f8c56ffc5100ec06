/**
 * What the outbox's sending loop sees of an SMS provider: one call that delivers one message and says
 * whether it went, should be tried again later, or will never go.
 */

export type ProviderKind = 'twilio' | 'aliyun' | 'tencent' | 'webhook';

export interface OutgoingSms {
  /**
   * The outbox row id: passed to the provider as its client reference / idempotency key where the API
   * has one (Aliyun OutId, Tencent SessionContext, webhook Idempotency-Key header), so a resend after a
   * crash can be recognised.
   */
  outboxId: string;
  /** E.164, e.g. +8613812345678 */
  to: string;
  /** The message text without the signature (already includes any opt-out line). */
  text: string;
  /**
   * The sender signature, e.g. 常客小店 — Aliyun/Tencent add 【signature】 themselves from SignName;
   * Twilio and the webhook get `【signature】text` as the body (or just text when signature is empty).
   */
  signature: string;
}

export type SendOutcome =
  | { status: 'sent'; providerMessageId: string; cost: SmsCost | null }
  /** Network down, timeout, 5xx, throttling: try again later. */
  | { status: 'retry'; error: string }
  /**
   * Permanent (bad number, auth, template): do not retry. optedOut when the provider says the recipient
   * unsubscribed (e.g. Twilio 21610).
   */
  | { status: 'rejected'; error: string; optedOut: boolean };

/** Cost as reported by the provider: integer millionths of the currency unit (never a float), and/or billed segments. */
export interface SmsCost {
  micros: number | null;
  currency: string | null;
  billedSegments: number | null;
}

export interface SmsProvider {
  readonly kind: ProviderKind;
  /** Never throws: every failure is an outcome. `error` strings carry the provider's code and message, never a secret. */
  send(sms: OutgoingSms): Promise<SendOutcome>;
}
