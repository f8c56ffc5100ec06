/**
 * May the signed-in person make this call? The method's rule (permissions.ts) gives the role it
 * needs; a refund's depends on its amount against the shop's refund limit. A person whose role is too
 * low gets APPROVAL_REQUIRED (with the role needed) and may send the call again with the PIN of
 * someone whose role suffices: that PIN is checked like a sign-in (a wrong one counts toward that
 * person's lockout) and the approver is written to the audit row.
 */
import type { MethodName } from '../api/contract.ts';
import type { Actor } from '../api/handler-context.ts';
import { previewRefund } from '../ledger/bills.ts';
import type { Ledger } from '../ledger/db.ts';
import { fail, LedgerError } from '../ledger/errors.ts';
import { getSettings } from '../ledger/settings.ts';
import { previewTopupRefund } from '../ledger/wallet.ts';
import { PERMISSIONS, roleAtLeast, type Role } from './permissions.ts';
import type { TillSession } from './session.ts';
import { currentStaff, verifyStaffPin } from './staff.ts';
import type { Approval } from './types.ts';

/** What a refund gives back, for the limit: a bill's refund total, a top-up refund's principal. */
function refundAmount(ledger: Ledger, method: MethodName, input: Record<string, unknown>): number {
  if (method === 'bills.refund') return previewRefund(ledger, input as Parameters<typeof previewRefund>[1]).totalMinor;
  if (method === 'topups.refund') return previewTopupRefund(ledger, input as Parameters<typeof previewTopupRefund>[1]).principalMinor;
  // A refund-like method this function does not know: only the owner, to be safe.
  return Number.POSITIVE_INFINITY;
}

/** The role a refund needs: anyone up to the limit, the owner above it. */
function refundRole(ledger: Ledger, method: MethodName, input: Record<string, unknown>): Role {
  const { refundLimitMinor } = getSettings(ledger).staffRules;
  try {
    return refundAmount(ledger, method, input) > refundLimitMinor ? 'owner' : 'cashier';
  } catch (error) {
    // Nothing left to refund, an unknown bill…: the handler refuses it the same way (the preview and
    // the refund share one plan), or answers a replay of a refund already made, which changes nothing.
    if (error instanceof LedgerError) return 'cashier';
    throw error;
  }
}

/**
 * The role a call needs before its input is read; null for a public method. A refund is open to
 * everyone at this stage: its amount, once the input is valid, may raise it (`refundRoleCheck`).
 */
function baseRole(method: MethodName): Role | null {
  switch (PERMISSIONS[method]) {
    case 'public':
      return null;
    case 'signedIn':
    case 'refund':
      return 'cashier';
    case 'manager':
      return 'manager';
    case 'owner':
      return 'owner';
  }
}


/**
 * Check a call made at the till, before its input is read (so a refusal tells nothing about the
 * input). Returns who acts (and who approved), or throws SIGN_IN_REQUIRED, APPROVAL_REQUIRED,
 * APPROVER_NOT_ALLOWED, PIN_WRONG or PIN_LOCKED. Public methods need no one: null.
 */
export function authorize(ledger: Ledger, session: TillSession, method: MethodName, approval: Approval | null): Actor | null {
  const needed = baseRole(method);
  if (needed === null) return null;
  const me = session.staffId ? currentStaff(ledger, session.staffId) : null;
  if (!me) {
    // Archived (or gone) since signing in: the session ends here.
    session.signOut();
    fail('SIGN_IN_REQUIRED');
  }
  const approver = approval ? verifyStaffPin(ledger, approval.staffId, approval.pin, 'approval', { signedInStaffId: me.id, action: method }) : null;
  const lifted = approver !== null && !roleAtLeast(me.role, approver.role);
  const actor: Actor = { staffId: me.id, role: lifted ? approver.role : me.role, approvedByStaffId: lifted ? approver.id : null };
  if (!roleAtLeast(actor.role, needed)) fail(approver ? 'APPROVER_NOT_ALLOWED' : 'APPROVAL_REQUIRED', { role: needed });
  return actor;
}

/**
 * A birthday gift larger than the one the owner set in the settings is a manual balance or points
 * adjustment in all but name: only the owner gives it.
 */
function giftRole(ledger: Ledger, input: Record<string, unknown>): Role {
  const { birthdayGiftPoints, birthdayGiftBonusMinor } = getSettings(ledger).messaging;
  const points = typeof input['giftPoints'] === 'number' ? input['giftPoints'] : birthdayGiftPoints;
  const bonus = typeof input['giftBonusMinor'] === 'number' ? input['giftBonusMinor'] : birthdayGiftBonusMinor;
  return points > birthdayGiftPoints || bonus > birthdayGiftBonusMinor ? 'owner' : 'cashier';
}

/**
 * Once the input is valid, what it asks may need more than the method's rule: a refund above the
 * shop's refund limit, or a birthday gift above the shop's, only the owner (or with the owner's PIN).
 * `approvalGiven`: a PIN came with the call (and was right), so a refusal names the approver's role.
 */
export function checkInputRules(ledger: Ledger, actor: Actor, method: MethodName, input: Record<string, unknown>, approvalGiven: boolean): void {
  if (actor.role === 'owner') return;
  const needed = PERMISSIONS[method] === 'refund' ? refundRole(ledger, method, input) : method === 'birthdays.greet' ? giftRole(ledger, input) : null;
  if (needed && !roleAtLeast(actor.role, needed)) fail(approvalGiven ? 'APPROVER_NOT_ALLOWED' : 'APPROVAL_REQUIRED', { role: needed });
}
