/**
 * A member's consent to e-bill SMS, to marketing SMS, and their wish not to be contacted at all. The
 * members row holds the current answer (what the sender checks); every change is also a
 * consent_events row saying who or what changed it, and when — the record a shop needs when a member
 * asks "why did you message me?".
 */
import { eq } from 'drizzle-orm';
import { requireStaff } from './catalog.ts';
import * as cmd from './commands.ts';
import type { Ledger } from './db.ts';
import { newId } from './ids.ts';
import { getMember, loadMember } from './members.ts';
import { consentEvents, members } from './schema.ts';
import { isoTime } from './time.ts';
import { inTransaction } from './transaction.ts';
import type { Member } from './types.ts';
import type { CONSENT_KINDS, CONSENT_SOURCES } from './vocabulary.ts';

export type ConsentKind = (typeof CONSENT_KINDS)[number];
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** Why a member may not get marketing SMS now. */
export type MarketingBlock = 'no_consent' | 'do_not_contact' | 'archived' | 'no_phone';

/**
 * The one rule for marketing: checked when a message is previewed and written, and again by the
 * sender at the moment it goes (an opt-out in between cancels it). "Do not contact" overrides consent.
 */
export function marketingBlock(member: { archivedAt: string | null; doNotContact: boolean; smsMarketingConsent: boolean; phone: string }): MarketingBlock | null {
  if (member.archivedAt) return 'archived';
  if (member.doNotContact) return 'do_not_contact';
  if (!member.smsMarketingConsent) return 'no_consent';
  if (!member.phone) return 'no_phone';
  return null;
}

const COLUMN = {
  sms_marketing: 'smsMarketingConsent',
  sms_bill: 'smsBillConsent',
  do_not_contact: 'doNotContact',
} as const satisfies Record<ConsentKind, string>;

export interface ConsentChange {
  memberId: string;
  kind: ConsentKind;
  granted: boolean;
  source: ConsentSource;
  staffId: string | null;
  note?: string;
}

/**
 * Record a consent answer inside the caller's transaction. Returns false (and writes nothing) when the
 * member's answer is already this one, so repeating an opt-out does not pile up events.
 */
export function recordConsent(ledger: Ledger, change: ConsentChange): boolean {
  const { row } = loadMember(ledger, change.memberId);
  const column = COLUMN[change.kind];
  if (row[column] === change.granted) return false;
  ledger.db
    .update(members)
    .set({ [column]: change.granted })
    .where(eq(members.id, row.id))
    .run();
  ledger.db
    .insert(consentEvents)
    .values({
      id: newId(),
      tillId: ledger.tillId,
      memberId: row.id,
      kind: change.kind,
      granted: change.granted,
      source: change.source,
      note: change.note ?? '',
      staffId: change.staffId,
      createdAt: isoTime(ledger.clock()),
    })
    .run();
  return true;
}

/** Staff change a consent on the member's word (the member page's toggles, "do not contact"). */
export function setConsent(ledger: Ledger, input: cmd.ConsentSet): Member {
  const data = cmd.consentSet.parse(input);
  return inTransaction(ledger, () => {
    requireStaff(ledger, data.staffId);
    recordConsent(ledger, { memberId: data.memberId, kind: data.kind, granted: data.granted, source: 'staff', staffId: data.staffId, note: data.note });
    return getMember(ledger, data.memberId);
  });
}
