/**
 * The contact log: each win-back SMS queued and each call made, append-only, so the owner sees who
 * was contacted, how, what they said, and whether they came back.
 */
import { desc, eq } from 'drizzle-orm';
import { requireStaff } from '../ledger/catalog.ts';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { runOnce } from '../ledger/idempotency.ts';
import { newId } from '../ledger/ids.ts';
import { loadActiveMember } from '../ledger/members.ts';
import { campaigns, contacts, smsOutbox, staff } from '../ledger/schema.ts';
import { isoTime } from '../ledger/time.ts';
import * as cmd from './commands.ts';
import type { ContactEntry } from './types.ts';

export interface NewContact {
  memberId: string;
  channel: ContactEntry['channel'];
  campaignId?: string | null;
  outcome?: ContactEntry['outcome'];
  feedback?: string;
  outboxId?: string | null;
  staffId: string | null;
}

/** Write a contact inside the caller's transaction. */
export function recordContact(ledger: Ledger, contact: NewContact): string {
  const id = newId();
  ledger.db
    .insert(contacts)
    .values({
      id,
      tillId: ledger.tillId,
      memberId: contact.memberId,
      campaignId: contact.campaignId ?? null,
      channel: contact.channel,
      outcome: contact.outcome ?? null,
      feedback: contact.feedback ?? '',
      outboxId: contact.outboxId ?? null,
      staffId: contact.staffId,
      createdAt: isoTime(ledger.clock()),
    })
    .run();
  return id;
}

/** A phone call made to a member, with its outcome and what they said. Once per idempotency key. */
export function logCall(ledger: Ledger, input: cmd.CallLog): ContactEntry & { replayed: boolean } {
  const data = cmd.callLog.parse(input);
  return runOnce(
    ledger,
    'contacts.logCall',
    data.idempotencyKey,
    data,
    () => {
      requireStaff(ledger, data.staffId);
      loadActiveMember(ledger, data.memberId);
      if (data.campaignId && !ledger.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, data.campaignId)).get()) {
        fail('CAMPAIGN_NOT_FOUND');
      }
      return recordContact(ledger, {
        memberId: data.memberId,
        channel: 'call',
        campaignId: data.campaignId ?? null,
        outcome: data.outcome,
        feedback: data.feedback,
        staffId: data.staffId,
      });
    },
    (id) => getContact(ledger, id),
  );
}

function contactQuery(ledger: Ledger) {
  return ledger.db
    .select({ contact: contacts, campaignName: campaigns.name, smsStatus: smsOutbox.status, staffName: staff.name })
    .from(contacts)
    .leftJoin(campaigns, eq(campaigns.id, contacts.campaignId))
    .leftJoin(smsOutbox, eq(smsOutbox.id, contacts.outboxId))
    .leftJoin(staff, eq(staff.id, contacts.staffId));
}

type ContactRow = Awaited<ReturnType<ReturnType<typeof contactQuery>['all']>>[number];

function toEntry({ contact, campaignName, smsStatus, staffName }: ContactRow): ContactEntry {
  return {
    id: contact.id,
    memberId: contact.memberId,
    campaignId: contact.campaignId,
    campaignName,
    channel: contact.channel,
    outcome: contact.outcome,
    feedback: contact.feedback,
    smsStatus,
    staffName,
    createdAt: contact.createdAt,
  };
}

export function getContact(ledger: Ledger, id: string): ContactEntry {
  return toEntry(contactQuery(ledger).where(eq(contacts.id, id)).get()!);
}

export function contactsOfMember(ledger: Ledger, memberId: string, limit = 100): ContactEntry[] {
  return contactQuery(ledger).where(eq(contacts.memberId, memberId)).orderBy(desc(contacts.createdAt), desc(contacts.id)).limit(limit).all().map(toEntry);
}
