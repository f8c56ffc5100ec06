/**
 * Who may call what. Every API method has exactly one rule (the Record type makes a new method without
 * a rule a compile error). Roles are ordered cashier < manager < owner; a call by someone whose role is
 * too low may still go through with the approval (PIN) of someone whose role suffices.
 *
 * - `public`: before anyone signs in (the sign-in screen's own calls).
 * - `signedIn`: anyone signed in at the till.
 * - `manager` / `owner`: that role or higher, else an approval.
 * - `refund`: anyone signed in up to the shop's refund limit; above it, an owner's approval.
 *
 * Some inputs need more than their method's rule (staff/authorize.ts `checkInputRules`): a birthday
 * gift above the shop's configured gift needs the owner.
 */
import type { MethodName } from '../api/contract.ts';

export type Role = 'cashier' | 'manager' | 'owner';
export type Rule = 'public' | 'signedIn' | 'manager' | 'owner' | 'refund';

/** Higher can do whatever lower can. */
export const ROLE_RANK: Record<Role, number> = { cashier: 0, manager: 1, owner: 2 };

export const roleAtLeast = (role: Role, needed: Role): boolean => ROLE_RANK[role] >= ROLE_RANK[needed];

/**
 * Methods whose input `staffId` names someone other than the caller (whom to sign in, whose PIN to set,
 * whose actions to list). For every other method an input `staffId` is who acts, and dispatch sets it
 * to the signed-in person whatever the page sent.
 */
export const STAFF_ID_IS_SUBJECT: ReadonlySet<MethodName> = new Set<MethodName>([
  'staff.signIn',
  'staff.setPin',
  'audit.list',
]);

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
  'reports.sales': 'manager',
  'reports.topups': 'manager',
  'reports.liability': 'manager',
  'reports.customers': 'manager',
  'reports.topMembers': 'manager',
  'reports.member': 'manager',
  'reports.export': 'owner',
  // — staff —
  'staff.list': 'public',
  'staff.session': 'public',
  'staff.signIn': 'public',
  'staff.setUpOwner': 'public',
  'staff.signOut': 'signedIn',
  'staff.setPin': 'signedIn',
  'staff.details': 'owner',
  'staff.upsert': 'owner',
  'audit.list': 'owner',
  // — imports —
  'imports.preview': 'owner',
  'imports.commit': 'owner',
  'imports.progress': 'owner',
  'imports.batches': 'owner',
  'imports.batch': 'owner',
  'exports.members': 'owner',
  // — backups —
  'backups.list': 'owner',
  'backups.create': 'owner',
  'backups.configure': 'owner',
  'backups.pickFolder': 'owner',
  'backups.preview': 'owner',
  'backups.restore': 'owner',
  'backups.check': 'owner',
  // — shifts —
  'shifts.current': 'signedIn',
  'shifts.open': 'signedIn',
  'shifts.close': 'signedIn',
  'shifts.report': 'signedIn',
  'shifts.list': 'manager',
  'shifts.print': 'signedIn',
};
