/**
 * The handlers of the staff methods (staff-contract.ts): sign-in and out at this till, the first
 * owner PIN, PINs, people and the audit log. They write their own audit rows: a wrong PIN must be
 * counted and logged even though the call that carried it fails.
 */
import { appendAudit, listAudit } from '../audit/log.ts';
import { fail } from '../ledger/errors.ts';
import { isoTime } from '../ledger/time.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { roleAtLeast } from '../staff/permissions.ts';
import { currentStaff, listStaffCards, listStaffDetails, needsOwnerPin, setStaffPin, setUpOwnerPin, staffDetail, upsertStaff, verifyStaffPin } from '../staff/staff.ts';
import type { SessionView, StaffDetail } from '../staff/types.ts';
import type { HandlerContext } from './handler-context.ts';
import type { Handlers } from './handlers.ts';
import type { staffMethods } from './staff-contract.ts';

type StaffMethod = keyof typeof staffMethods;

function sessionView(ctx: HandlerContext): SessionView {
  const staffId = ctx.session?.staffId ?? null;
  const staff = staffId ? currentStaff(ctx.ledger, staffId) : null;
  return { staff, since: staff ? (ctx.session?.since ?? null) : null, needsOwnerPin: needsOwnerPin(ctx.ledger) };
}

/** Who acts (set by dispatch); a handler reached some other way acts for nobody in particular. */
const actorOf = (ctx: HandlerContext) => ctx.actor ?? { staffId: null, role: 'owner' as const, approvedByStaffId: null };

export const staffHandlers: Pick<Handlers, StaffMethod> = {
  'staff.list': ({ ledger }) => listStaffCards(ledger),
  'staff.session': (ctx) => sessionView(ctx),

  'staff.signIn': (ctx, input) => {
    const person = verifyStaffPin(ctx.ledger, input.staffId, input.pin, 'signIn');
    inTransaction(ctx.ledger, () => {
      appendAudit(ctx.ledger, { staffId: person.id, action: 'staff.signIn', subject: { kind: 'staff', id: person.id, label: person.name } });
    });
    ctx.session?.signIn(person.id, isoTime(ctx.ledger.clock()));
    return sessionView(ctx);
  },

  'staff.signOut': (ctx) => {
    const staffId = ctx.session?.staffId ?? actorOf(ctx).staffId;
    if (staffId) {
      const person = currentStaff(ctx.ledger, staffId);
      inTransaction(ctx.ledger, () => {
        appendAudit(ctx.ledger, { staffId, action: 'staff.signOut', subject: { kind: 'staff', id: staffId, label: person?.name ?? null } });
      });
    }
    ctx.session?.signOut();
    return sessionView(ctx);
  },

  'staff.setUpOwner': (ctx, input) => {
    const owner = setUpOwnerPin(ctx.ledger, input.pin);
    ctx.session?.signIn(owner.id, isoTime(ctx.ledger.clock()));
    return sessionView(ctx);
  },

  'staff.setPin': (ctx, input) => {
    const actor = actorOf(ctx);
    const own = actor.staffId === input.staffId;
    if (own && ctx.session) {
      // Your own PIN: prove it is you with the old one (counted like a sign-in).
      if (input.oldPin === undefined) fail('VALIDATION', { field: 'oldPin' });
      verifyStaffPin(ctx.ledger, input.staffId, input.oldPin, 'signIn');
    } else if (!own && !roleAtLeast(actor.role, 'owner')) {
      fail('APPROVAL_REQUIRED', { role: 'owner' });
    }
    return inTransaction(ctx.ledger, () => {
      const before = staffDetail(ctx.ledger, input.staffId);
      const after = setStaffPin(ctx.ledger, input.staffId, input.newPin);
      appendAudit(ctx.ledger, {
        staffId: actor.staffId,
        approvedByStaffId: actor.approvedByStaffId,
        action: 'staff.setPin',
        subject: { kind: 'staff', id: after.id, label: after.name },
        before: { hasPin: before.hasPin, lockedUntil: before.lockedUntil },
        after: { hasPin: true, lockedUntil: null },
      });
      return after;
    });
  },

  'staff.details': ({ ledger }) => listStaffDetails(ledger),

  'staff.upsert': (ctx, input) => {
    const actor = actorOf(ctx);
    const view = (s: StaffDetail | null) => (s ? { name: s.name, role: s.role, archived: s.archivedAt !== null, hasPin: s.hasPin } : null);
    return inTransaction(ctx.ledger, () => {
      const before = input.id ? staffDetail(ctx.ledger, input.id) : null;
      const after = upsertStaff(ctx.ledger, input);
      appendAudit(ctx.ledger, {
        staffId: actor.staffId,
        approvedByStaffId: actor.approvedByStaffId,
        action: 'staff.upsert',
        subject: { kind: 'staff', id: after.id, label: after.name },
        before: view(before),
        after: view(after),
      });
      return after;
    });
  },

  'audit.list': ({ ledger }, input) => listAudit(ledger, input),
};
