/**
 * The kinds of audited action the owner filters by, each a list of API methods (exact) or method
 * families (a name ending in "."). Plain data: the audit query and the audit screen share it.
 */
export const AUDIT_KINDS = ['sales', 'storedValue', 'members', 'settings', 'staff', 'signIn', 'data', 'shifts', 'other'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_KIND_ACTIONS: Record<Exclude<AuditKind, 'other'>, readonly string[]> = {
  sales: ['checkout.commit', 'bills.refund'],
  storedValue: ['topups.', 'wallet.', 'points.', 'birthdays.greet'],
  members: ['members.', 'consent.', 'campaigns.'],
  settings: ['settings.', 'tiers.', 'products.', 'bonusRules.', 'sms.', 'print.', 'staffRules.'],
  staff: ['staff.upsert', 'staff.setPin', 'staff.setUpOwner'],
  signIn: ['staff.signIn', 'staff.signOut', 'staff.signInFailed', 'staff.approvalFailed'],
  data: ['imports.', 'exports.', 'backups.', 'reports.export'],
  shifts: ['shifts.'],
};

/** Whether `action` is `pattern` itself, or in its family when the pattern ends with ".". */
export function actionMatches(action: string, pattern: string): boolean {
  return pattern.endsWith('.') ? action.startsWith(pattern) : action === pattern;
}

export function auditKindOf(action: string): AuditKind {
  for (const kind of AUDIT_KINDS) {
    if (kind === 'other') continue;
    if (AUDIT_KIND_ACTIONS[kind].some((pattern) => actionMatches(action, pattern))) return kind;
  }
  return 'other';
}
