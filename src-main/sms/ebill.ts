/**
 * E-bill SMS: after a sale, refund or top-up, the member who consented to e-bills gets the amount, how
 * it was paid, what is left on the card and their points. Written into the outbox by the same
 * transaction as the bill (never sent for a sale that rolled back), sent after the commit like every
 * other message; no quiet hours (the member is at the counter) and no opt-out line (not marketing).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { perConnection, prepared } from '../ledger/prepared.ts';
import { smsOutbox } from '../ledger/schema.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { getSettings } from '../ledger/settings.ts';
import { loadReceipt, type ReceiptRef } from '../receipts/load.ts';
import { ebillEventOf, ebillText } from './ebill-text.ts';
import { enqueueSms } from './outbox.ts';
import { signatureOf } from './templates.ts';

interface Recipient {
  memberId: string;
  phone: string;
  consent: number;
  archivedAt: string | null;
}

const RECIPIENT = 'm.id as memberId, m.phone, m.sms_bill_consent as consent, m.archived_at as archivedAt';

/** The member a bill or top-up belongs to, with what decides whether they get an e-bill (one query on the till's path). */
function recipientOf(ledger: Ledger, ref: ReceiptRef): Recipient | undefined {
  return 'billId' in ref
    ? prepared<Recipient>(ledger.sqlite, `select ${RECIPIENT} from bills b join members m on m.id = b.member_id where b.id = ?`).get(ref.billId)
    : prepared<Recipient>(ledger.sqlite, `select ${RECIPIENT} from topups t join members m on m.id = t.member_id where t.id = ?`).get(ref.topupId);
}

/** The e-bill already written for this bill or top-up, if any. */
export function ebillOf(ledger: Ledger, ref: ReceiptRef): { id: string; status: string } | undefined {
  return 'billId' in ref ? ebillOfBill(ledger.db).get({ id: ref.billId }) : ebillOfTopup(ledger.db).get({ id: ref.topupId });
}

const ebillOfBill = perConnection((db) =>
  db.select({ id: smsOutbox.id, status: smsOutbox.status }).from(smsOutbox).where(and(eq(smsOutbox.kind, 'bill'), eq(smsOutbox.billId, sql.placeholder('id')))).prepare(),
);
const ebillOfTopup = perConnection((db) =>
  db.select({ id: smsOutbox.id, status: smsOutbox.status }).from(smsOutbox).where(and(eq(smsOutbox.kind, 'bill'), eq(smsOutbox.topupId, sql.placeholder('id')))).prepare(),
);

/**
 * Inside the caller's transaction: write the e-bill for a bill or top-up when the shop sends them and
 * the member agreed. Returns the outbox id, or null when no message is due. Called once per committed
 * bill (a replayed request skips it); the unique indexes on sms_outbox refuse a second one regardless.
 */
export function queueEbill(ledger: Ledger, ref: ReceiptRef, settings: Settings = getSettings(ledger)): string | null {
  if (!settings.ebills.enabled) return null;
  const member = recipientOf(ledger, ref);
  if (!member || !member.consent || !member.phone || member.archivedAt) return null;
  const receipt = loadReceipt(ledger, ref, { settings, logo: false });
  const template = settings.ebills.templates[settings.messaging.language][ebillEventOf(receipt.kind)];
  return enqueueSms(ledger, {
    kind: 'bill',
    phone: member.phone,
    text: ebillText(receipt, template),
    signature: signatureOf(settings.messaging.signature, settings.shopName),
    memberId: member.memberId,
    ...('billId' in ref ? { billId: ref.billId } : { topupId: ref.topupId }),
  });
}
