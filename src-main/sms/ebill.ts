/**
 * E-bill SMS: after a sale, refund or top-up, the member who consented to e-bills gets the amount, how
 * it was paid, what is left on the card and their points. Written into the outbox by the same
 * transaction as the bill (never sent for a sale that rolled back), sent after the commit like every
 * other message; no quiet hours (the member is at the counter) and no opt-out line (not marketing).
 */
import { and, eq } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { bills, members, smsOutbox, topups } from '../ledger/schema.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { getSettings } from '../ledger/settings.ts';
import { loadReceipt, type ReceiptRef } from '../receipts/load.ts';
import { ebillEventOf, ebillText } from './ebill-text.ts';
import { enqueueSms } from './outbox.ts';
import { signatureOf } from './templates.ts';

/** Who the receipt belongs to, if anyone. */
function memberIdOf(ledger: Ledger, ref: ReceiptRef): string | null {
  if ('billId' in ref) return ledger.db.select({ memberId: bills.memberId }).from(bills).where(eq(bills.id, ref.billId)).get()?.memberId ?? null;
  return ledger.db.select({ memberId: topups.memberId }).from(topups).where(eq(topups.id, ref.topupId)).get()?.memberId ?? null;
}

/** The e-bill already written for this bill or top-up, if any. */
export function ebillOf(ledger: Ledger, ref: ReceiptRef): { id: string; status: string } | undefined {
  const where = 'billId' in ref ? eq(smsOutbox.billId, ref.billId) : eq(smsOutbox.topupId, ref.topupId);
  return ledger.db.select({ id: smsOutbox.id, status: smsOutbox.status }).from(smsOutbox).where(and(eq(smsOutbox.kind, 'bill'), where)).get();
}

/**
 * Inside the caller's transaction: write the e-bill for a bill or top-up when the shop sends them and
 * the member agreed. Returns the outbox id, or null when no message is due. Never writes two.
 */
export function queueEbill(ledger: Ledger, ref: ReceiptRef, settings: Settings = getSettings(ledger)): string | null {
  if (!settings.ebills.enabled) return null;
  const memberId = memberIdOf(ledger, ref);
  if (!memberId) return null;
  const member = ledger.db
    .select({ phone: members.phone, consent: members.smsBillConsent, archivedAt: members.archivedAt })
    .from(members)
    .where(eq(members.id, memberId))
    .get();
  if (!member || !member.consent || !member.phone || member.archivedAt) return null;
  const existing = ebillOf(ledger, ref);
  if (existing) return existing.id;
  const receipt = loadReceipt(ledger, ref, { settings, logo: false });
  const template = settings.ebills.templates[settings.messaging.language][ebillEventOf(receipt.kind)];
  return enqueueSms(ledger, {
    kind: 'bill',
    phone: member.phone,
    text: ebillText(receipt, template),
    signature: signatureOf(settings.messaging.signature, settings.shopName),
    memberId,
    ...('billId' in ref ? { billId: ref.billId } : { topupId: ref.topupId }),
  });
}
