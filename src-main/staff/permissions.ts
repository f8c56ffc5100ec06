/**
 * Who may call what. Every API method has exactly one rule (the Record type makes a new method without
 * a rule a compile error). Roles are ordered cashier < manager < owner; a call by someone whose role is
 * too low may still go through with the approval (PIN) of someone whose role suffices.
 *
 * - `public`: before anyone signs in (the sign-in screen's own calls).
 * - `signedIn`: anyone signed in at the till.
 * - `manager` / `owner`: that role or higher, else an approval.
 * - `refund`: anyone signed in up to the shop's refund limit; above it, an owner's approval.
 */
import type { MethodName } from '../api/contract.ts';

export type Role = 'cashier' | 'manager' | 'owner';
export type Rule = 'public' | 'signedIn' | 'manager' | 'owner' | 'refund';

export const PERMISSIONS: Record<MethodName, Rule> = {
  'app.info': 'public',

  'settings.update': 'owner',
  'tiers.list': 'signedIn',
  'tiers.upsert': 'owner',
  'products.list': 'signedIn',
  'products.upsert': 'owner',
  'products.byBarcode': 'signedIn',
  'bonusRules.list': 'signedIn',
  'bonusRules.upsert': 'owner',

  'members.search': 'signedIn',
  'members.recent': 'signedIn',
  'members.get': 'signedIn',
  'members.history': 'signedIn',
  'members.create': 'signedIn',
  'members.update': 'signedIn',
  'members.archive': 'manager',

  'checkout.quote': 'signedIn',
  'checkout.commit': 'signedIn',
  'bills.get': 'signedIn',
  'bills.listOfDay': 'signedIn',
  'bills.daySummary': 'signedIn',
  'bills.refundPreview': 'signedIn',
  'bills.refund': 'refund',

  'topups.quote': 'signedIn',
  'topups.create': 'signedIn',
  'topups.refundPreview': 'signedIn',
  'topups.refund': 'refund',

  'wallet.adjust': 'owner',
  'points.adjust': 'owner',

  'retention.lapsed': 'manager',
  'retention.segments': 'manager',
  'retention.segmentMembers': 'manager',
  'retention.outlook': 'signedIn',
  'retention.model': 'manager',
  'retention.fit': 'manager',

  'campaigns.preview': 'manager',
  'campaigns.send': 'manager',
  'campaigns.list': 'manager',
  'campaigns.members': 'manager',
  'contacts.logCall': 'signedIn',
  'consent.set': 'signedIn',
  'birthdays.upcoming': 'signedIn',
  'birthdays.greet': 'manager',

  'sms.outbox': 'manager',
  'sms.retry': 'manager',
  'sms.provider': 'owner',
  'sms.setProvider': 'owner',
  'sms.test': 'owner',

  'receipts.get': 'signedIn',
  'receipts.statement': 'signedIn',
  'print.receipt': 'signedIn',
  'print.job': 'signedIn',
  'print.test': 'signedIn',
  'print.check': 'signedIn',
  'print.preview': 'signedIn',
  'print.systemPrinters': 'signedIn',
  'print.logo': 'signedIn',
  'print.setLogo': 'owner',
  'pdf.bill': 'signedIn',
  'pdf.statement': 'signedIn',

  // — reports —
  // — staff —
  // — imports —
  // — backups —
  // — shifts —
};
