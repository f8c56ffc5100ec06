/**
 * The durable SMS outbox: messages are written by the transaction that causes them (a campaign, a
 * birthday greeting, later a bill) and delivered after the commit by the sender (sender.ts), which
 * claims one due message at a time, calls the provider outside any transaction, and records the
 * answer. Every attempt is kept in sms_attempts.
 *
 * Delivery is at least once: a message is marked `sending` before the provider is called, and one
 * left `sending` by a crash or a quit is sent again at the next start (with the same outbox id as the
 * provider's client reference, so providers that de-duplicate can). Marketing is re-checked at the
 * moment of sending: an opt-out or "do not contact" recorded after the message was written cancels
 * it, and quiet hours postpone it.
 */
import { and, asc, count, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { marketingBlock, recordConsent, type MarketingBlock } from '../ledger/consent.ts';
import type { Ledger } from '../ledger/db.ts';
import { perConnection } from '../ledger/prepared.ts';
import { newId } from '../ledger/ids.ts';
import { members, smsAttempts, smsOutbox } from '../ledger/schema.ts';
import { getSettings } from '../ledger/settings.ts';
import { isoTime } from '../ledger/time.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { SMS_STATUSES } from '../ledger/vocabulary.ts';
import type * as cmd from './commands.ts';
import type { OutgoingSms, SendOutcome } from './providers/types.ts';
import { nextSendableTime } from './quiet-hours.ts';
import { segmentsOf } from './segments.ts';
import { fullText } from './templates.ts';
import { OUTBOX_REASONS, type OutboxCounts, type OutboxMessage, type OutboxPage, type SmsKind } from './types.ts';

type OutboxRow = typeof smsOutbox.$inferSelect;

/** After this many failed attempts a message is given up as failed (the owner can retry it). */
export const MAX_ATTEMPTS = 8;

/** Wait before attempt n+1: 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * An e-bill not delivered within a day is dropped: a receipt for yesterday's coffee arriving days later
 * (after the shop finally set up its provider, or the network came back) confuses more than it helps.
 */
export const EBILL_EXPIRY_MS = 24 * 3_600_000;

export const isMarketing = (kind: SmsKind) => kind === 'marketing' || kind === 'birthday';

export interface NewMessage {
  kind: SmsKind;
  phone: string;
  text: string;
  signature: string;
  memberId?: string | null;
  campaignId?: string | null;
  billId?: string | null;
  topupId?: string | null;
}

/** Write a message into the outbox, inside the caller's transaction. Marketing waits out quiet hours. */
export function enqueueSms(ledger: Ledger, message: NewMessage): string {
  const now = ledger.clock();
  const quietHours = () => {
    const { messaging } = getSettings(ledger);
    return { start: messaging.quietHoursStart, end: messaging.quietHoursEnd };
  };
  const notBefore = isMarketing(message.kind) ? nextSendableTime(now, quietHours()) : now;
  const id = newId();
  insertMessage(ledger.db).run({
    id,
    tillId: ledger.tillId,
    kind: message.kind,
    memberId: message.memberId ?? null,
    campaignId: message.campaignId ?? null,
    billId: message.billId ?? null,
    topupId: message.topupId ?? null,
    phone: message.phone,
    text: message.text,
    signature: message.signature,
    segments: segmentsOf(fullText(message.signature, message.text)).segments,
    nextAttemptAt: isoTime(notBefore),
    createdAt: isoTime(now),
  });
  return id;
}

/** Built once per connection: an e-bill is queued inside every consenting member's checkout. */
const insertMessage = perConnection((db) =>
  db
    .insert(smsOutbox)
    .values({
      id: sql.placeholder('id'),
      tillId: sql.placeholder('tillId'),
      kind: sql.placeholder('kind'),
      memberId: sql.placeholder('memberId'),
      campaignId: sql.placeholder('campaignId'),
      billId: sql.placeholder('billId'),
      topupId: sql.placeholder('topupId'),
      phone: sql.placeholder('phone'),
      text: sql.placeholder('text'),
      signature: sql.placeholder('signature'),
      segments: sql.placeholder('segments'),
      status: 'pending',
      nextAttemptAt: sql.placeholder('nextAttemptAt'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);

/** What the sender hands to the provider, once a message is claimed. */
export interface ClaimedMessage {
  sms: OutgoingSms;
  attempt: number;
  startedAt: string;
}

/**
 * Take the next due message and mark it `sending`, or return null when nothing is due. Marketing to a
 * member who has since opted out (or asked not to be contacted, or was archived) is cancelled here;
 * marketing that became due inside quiet hours is postponed.
 */
export function claimNextDue(ledger: Ledger): ClaimedMessage | null {
  return inTransaction(ledger, () => {
    for (;;) {
      const now = ledger.clock();
      const row = ledger.db
        .select()
        .from(smsOutbox)
        .where(and(eq(smsOutbox.status, 'pending'), lte(smsOutbox.nextAttemptAt, isoTime(now))))
        .orderBy(asc(smsOutbox.nextAttemptAt), asc(smsOutbox.createdAt))
        .limit(1)
        .get();
      if (!row) return null;
      if (row.kind === 'bill' && now.getTime() - Date.parse(row.createdAt) > EBILL_EXPIRY_MS) {
        setRow(ledger, row.id, { status: 'cancelled', lastError: OUTBOX_REASONS.expired });
        continue;
      }
      if (isMarketing(row.kind)) {
        const blocked = row.memberId ? blockOf(ledger, row.memberId) : null;
        if (blocked) {
          setRow(ledger, row.id, { status: 'cancelled', lastError: BLOCK_TEXT[blocked] });
          continue;
        }
        const { messaging } = getSettings(ledger);
        const sendable = nextSendableTime(now, { start: messaging.quietHoursStart, end: messaging.quietHoursEnd });
        if (sendable > now) {
          setRow(ledger, row.id, { nextAttemptAt: isoTime(sendable) });
          continue;
        }
      }
      const attempt = row.attempts + 1;
      setRow(ledger, row.id, { status: 'sending', attempts: attempt });
      return {
        sms: { outboxId: row.id, to: row.phone, text: row.text, signature: row.signature },
        attempt,
        startedAt: isoTime(now),
      };
    }
  });
}

/** Shown on the outbox screen for a cancelled message. */
const BLOCK_TEXT: Record<MarketingBlock, string> = {
  archived: OUTBOX_REASONS.archived,
  do_not_contact: OUTBOX_REASONS.doNotContact,
  no_consent: OUTBOX_REASONS.optedOut,
  no_phone: OUTBOX_REASONS.noPhone,
};

function blockOf(ledger: Ledger, memberId: string): MarketingBlock | null {
  const member = ledger.db
    .select({ smsMarketingConsent: members.smsMarketingConsent, doNotContact: members.doNotContact, archivedAt: members.archivedAt, phone: members.phone })
    .from(members)
    .where(eq(members.id, memberId))
    .get();
  return member ? marketingBlock(member) : 'archived';
}

function setRow(ledger: Ledger, id: string, values: Partial<OutboxRow>): void {
  ledger.db.update(smsOutbox).set(values).where(eq(smsOutbox.id, id)).run();
}

/** Record the provider's answer for a claimed message: sent, try again later, or refused for good. */
export function recordOutcome(ledger: Ledger, claimed: ClaimedMessage, provider: string, outcome: SendOutcome): void {
  inTransaction(ledger, () => {
    const now = ledger.clock();
    const id = claimed.sms.outboxId;
    ledger.db
      .insert(smsAttempts)
      .values({
        id: newId(),
        outboxId: id,
        attempt: claimed.attempt,
        provider,
        outcome: outcome.status,
        error: outcome.status === 'sent' ? '' : outcome.error,
        providerMessageId: outcome.status === 'sent' ? outcome.providerMessageId : null,
        startedAt: claimed.startedAt,
        finishedAt: isoTime(now),
      })
      .run();
    if (outcome.status === 'sent') {
      setRow(ledger, id, {
        status: 'sent',
        provider,
        providerMessageId: outcome.providerMessageId,
        costMicros: outcome.cost?.micros ?? null,
        costCurrency: outcome.cost?.currency ?? null,
        billedSegments: outcome.cost?.billedSegments ?? null,
        lastError: '',
        sentAt: isoTime(now),
      });
    } else if (outcome.status === 'retry' && claimed.attempt < MAX_ATTEMPTS) {
      setRow(ledger, id, { status: 'pending', provider, lastError: outcome.error, nextAttemptAt: isoTime(new Date(now.getTime() + retryDelayMs(claimed.attempt))) });
    } else {
      setRow(ledger, id, { status: 'failed', provider, lastError: outcome.error });
      if (outcome.status === 'rejected' && outcome.optedOut) recordProviderOptOut(ledger, id);
    }
  });
}

/** The provider says the recipient unsubscribed: stop all marketing to that member. */
function recordProviderOptOut(ledger: Ledger, outboxId: string): void {
  const row = ledger.db.select({ memberId: smsOutbox.memberId }).from(smsOutbox).where(eq(smsOutbox.id, outboxId)).get();
  if (!row?.memberId) return;
  recordConsent(ledger, { memberId: row.memberId, kind: 'sms_marketing', granted: false, source: 'provider', staffId: null, note: 'unsubscribed at the provider' });
}

/** At start: messages a crash or quit left `sending` go back to the queue (at least once, never lost). */
export function requeueInterrupted(ledger: Ledger): number {
  return inTransaction(ledger, () =>
    ledger.db
      .update(smsOutbox)
      .set({ status: 'pending', lastError: OUTBOX_REASONS.interrupted, nextAttemptAt: isoTime(ledger.clock()) })
      .where(eq(smsOutbox.status, 'sending'))
      .run().changes,
  );
}

/** The owner's retry of failed messages: back to the queue, due now. */
export function retryMessages(ledger: Ledger, messageIds: string[]): { requeued: number } {
  return inTransaction(ledger, () => ({
    requeued: ledger.db
      .update(smsOutbox)
      .set({ status: 'pending', nextAttemptAt: isoTime(ledger.clock()) })
      .where(and(inArray(smsOutbox.id, messageIds), eq(smsOutbox.status, 'failed')))
      .run().changes,
  }));
}

/** When the next pending message falls due (for the sender's timer), or null. */
export function nextDueAt(ledger: Ledger): Date | null {
  const row = ledger.db
    .select({ at: smsOutbox.nextAttemptAt })
    .from(smsOutbox)
    .where(eq(smsOutbox.status, 'pending'))
    .orderBy(asc(smsOutbox.nextAttemptAt))
    .limit(1)
    .get();
  return row ? new Date(row.at) : null;
}

export function countByStatus(ledger: Ledger, where?: SQL): OutboxCounts {
  const counts = Object.fromEntries(SMS_STATUSES.map((s) => [s, 0])) as OutboxCounts;
  const rows = ledger.db.select({ status: smsOutbox.status, n: count() }).from(smsOutbox).where(where).groupBy(smsOutbox.status).all();
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export function listOutbox(ledger: Ledger, query: z.output<typeof cmd.outboxQuery>): OutboxPage {
  const scope = query.campaignId ? eq(smsOutbox.campaignId, query.campaignId) : undefined;
  const where = query.status ? and(scope, eq(smsOutbox.status, query.status)) : scope;
  const counts = countByStatus(ledger, scope);
  const total = query.status ? counts[query.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  const rows = ledger.db
    .select({ message: smsOutbox, memberName: members.name })
    .from(smsOutbox)
    .leftJoin(members, eq(members.id, smsOutbox.memberId))
    .where(where)
    .orderBy(desc(smsOutbox.createdAt), desc(smsOutbox.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  return { total, counts, rows: rows.map(({ message, memberName }) => toMessage(message, memberName)) };
}

function toMessage(row: OutboxRow, memberName: string | null): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    memberId: row.memberId,
    memberName,
    campaignId: row.campaignId,
    phone: row.phone,
    fullText: fullText(row.signature, row.text),
    segments: row.segments,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    provider: row.provider,
    providerMessageId: row.providerMessageId,
    costMicros: row.costMicros,
    costCurrency: row.costCurrency,
    billedSegments: row.billedSegments,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}
