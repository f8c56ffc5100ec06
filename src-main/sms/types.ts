/** The outbox as the screens see it. Plain types, shared with the renderer through the API contract. */
import type { SMS_KINDS, SMS_STATUSES } from '../ledger/vocabulary.ts';
import type { SmsProviderConfig } from './providers/config.ts';

export type SmsKind = (typeof SMS_KINDS)[number];
export type SmsStatus = (typeof SMS_STATUSES)[number];

export interface OutboxMessage {
  id: string;
  kind: SmsKind;
  memberId: string | null;
  memberName: string | null;
  campaignId: string | null;
  phone: string;
  fullText: string;
  segments: number;
  status: SmsStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string;
  provider: string | null;
  providerMessageId: string | null;
  costMicros: number | null;
  costCurrency: string | null;
  billedSegments: number | null;
  createdAt: string;
  sentAt: string | null;
}

export type OutboxCounts = Record<SmsStatus, number>;

/**
 * What the outbox itself writes as a message's last error (a provider's own words are kept as they
 * came). English words for the log; the outbox screen shows each in the reader's language.
 */
export const OUTBOX_REASONS = {
  expired: 'expired',
  optedOut: 'opted out',
  doNotContact: 'do not contact',
  archived: 'member archived',
  noPhone: 'no phone',
  interrupted: 'interrupted',
} as const;
export type OutboxReason = keyof typeof OUTBOX_REASONS;

/** The outbox's own reason behind a last error, or null for a provider's words. */
export function outboxReasonOf(lastError: string): OutboxReason | null {
  const found = Object.entries(OUTBOX_REASONS).find(([, words]) => words === lastError);
  return found ? (found[0] as OutboxReason) : null;
}

export interface OutboxPage {
  total: number;
  counts: OutboxCounts;
  rows: OutboxMessage[];
}

export interface SegmentInfo {
  characters: number;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
}

export interface ProviderStatus {
  config: SmsProviderConfig | null;
  /** The secrets this provider needs, and whether each is stored (values are never returned). */
  secrets: Array<{ name: string; set: boolean }>;
  /** How secrets are protected here: 'safeStorage' (the OS keychain) or 'aes-256-gcm-keyfile'. */
  encryption: string;
}
