/**
 * The people who work the till: their roles, their PINs and the lockout after repeated wrong PINs.
 * A shop always keeps one active owner with a PIN (once the first one is set), or nobody could
 * approve anything. Every change is audited in its own transaction.
 */
import { and, asc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { appendAudit } from '../audit/log.ts';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { newId } from '../ledger/ids.ts';
import { staff } from '../ledger/schema.ts';
import { isoTime, localMinute } from '../ledger/time.ts';
import { inTransaction } from '../ledger/transaction.ts';
import type { StaffMember, StaffRole } from '../ledger/types.ts';
import { hashPin, PIN_PATTERN, pinMatches } from './pin.ts';
import type { StaffCard, StaffDetail } from './types.ts';

/** Wrong PINs in a row before a lockout, and how long it lasts. */
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MS = 5 * 60_000;

type StaffRow = typeof staff.$inferSelect;

function row(ledger: Ledger, staffId: string): StaffRow | undefined {
  return ledger.db.select().from(staff).where(eq(staff.id, staffId)).get();
}

function activeRow(ledger: Ledger, staffId: string): StaffRow {
  const found = row(ledger, staffId);
  if (!found || found.archivedAt !== null) fail('STAFF_NOT_FOUND');
  return found;
}

const memberOf = (r: StaffRow): StaffMember => ({ id: r.id, name: r.name, role: r.role });

/** Still locked at `now`: the time the lock lifts, else null. */
function lockedUntil(r: StaffRow, now: Date): string | null {
  return r.pinLockedUntil !== null && r.pinLockedUntil > isoTime(now) ? r.pinLockedUntil : null;
}

/** The sign-in screen's list: active people, whether they can sign in, and any lockout. */
export function listStaffCards(ledger: Ledger): StaffCard[] {
  const now = ledger.clock();
  return ledger.db
    .select()
    .from(staff)
    .where(isNull(staff.archivedAt))
    .orderBy(asc(staff.createdAt), asc(staff.id))
    .all()
    .map((r) => ({ ...memberOf(r), hasPin: r.pinHash !== null, lockedUntil: lockedUntil(r, now) }));
}

/** The staff tab: everyone, archived too. */
export function listStaffDetails(ledger: Ledger): StaffDetail[] {
  const now = ledger.clock();
  return ledger.db
    .select()
    .from(staff)
    .orderBy(asc(staff.createdAt), asc(staff.id))
    .all()
    .map((r) => ({
      ...memberOf(r),
      hasPin: r.pinHash !== null,
      lockedUntil: lockedUntil(r, now),
      pinChangedAt: r.pinChangedAt,
      createdAt: r.createdAt,
      archivedAt: r.archivedAt,
    }));
}

/** Whether a first owner PIN is still to be set (a new shop: the till is unusable until then). */
export function needsOwnerPin(ledger: Ledger): boolean {
  return !ledger.db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.role, 'owner'), isNull(staff.archivedAt), isNotNull(staff.pinHash)))
    .get();
}

export type PinPurpose = 'signIn' | 'approval';

/**
 * Check `pin` for `staffId`. A wrong PIN is counted (and audited) in a transaction of its own that
 * commits before the refusal is thrown, so it counts even though the call it came with fails; the
 * fifth in a row locks the person out for PIN_LOCKOUT_MS. While locked, no PIN is even tried.
 */
export function verifyStaffPin(ledger: Ledger, staffId: string, pin: string, purpose: PinPurpose, context: { signedInStaffId?: string | null; action?: string } = {}): StaffMember {
  const now = ledger.clock();
  const found = activeRow(ledger, staffId);
  const locked = lockedUntil(found, now);
  if (locked) fail('PIN_LOCKED', { until: localMinute(locked) });
  if (found.pinHash === null) fail('PIN_NOT_SET');
  if (PIN_PATTERN.test(pin) && pinMatches(pin, found.pinHash)) {
    if (found.pinFailures > 0 || found.pinLockedUntil !== null) {
      ledger.db.update(staff).set({ pinFailures: 0, pinLockedUntil: null }).where(eq(staff.id, staffId)).run();
    }
    return memberOf(found);
  }
  const failures = found.pinFailures + 1;
  const lockNow = failures >= MAX_PIN_FAILURES;
  const until = lockNow ? isoTime(new Date(now.getTime() + PIN_LOCKOUT_MS)) : null;
  inTransaction(ledger, () => {
    ledger.db
      .update(staff)
      .set(lockNow ? { pinFailures: 0, pinLockedUntil: until } : { pinFailures: failures })
      .where(eq(staff.id, staffId))
      .run();
    appendAudit(ledger, {
      staffId: purpose === 'signIn' ? staffId : (context.signedInStaffId ?? null),
      action: purpose === 'signIn' ? 'staff.signInFailed' : 'staff.approvalFailed',
      subject: { kind: 'staff', id: staffId, label: found.name },
      after: { failures: lockNow ? MAX_PIN_FAILURES : failures, lockedUntil: until, ...(context.action ? { for: context.action } : {}) },
    });
  });
  if (until) fail('PIN_LOCKED', { until: localMinute(until) });
  fail('PIN_WRONG', { attemptsLeft: MAX_PIN_FAILURES - failures });
}

function checkPin(pin: string): void {
  if (!PIN_PATTERN.test(pin)) fail('PIN_FORMAT');
}

/** The active owners with a PIN other than `exceptId`: there must stay at least one. */
function otherOwnerWithPin(ledger: Ledger, exceptId: string): boolean {
  return !!ledger.db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.role, 'owner'), isNull(staff.archivedAt), isNotNull(staff.pinHash), ne(staff.id, exceptId)))
    .get();
}

export interface StaffUpsert {
  id?: string | undefined;
  name: string;
  role: StaffRole;
  archived?: boolean | undefined;
  /** A new person may be given a PIN at once. */
  pin?: string | undefined;
}

/** Add a person, or rename, change the role of, archive or bring back one. Audited by the caller, in its transaction. */
export function upsertStaff(ledger: Ledger, input: StaffUpsert): StaffDetail {
  if (input.pin !== undefined) checkPin(input.pin);
  const pinHash = input.pin !== undefined ? hashPin(input.pin) : undefined;
  const now = isoTime(ledger.clock());
  const id = inTransaction(ledger, () => {
    if (input.id === undefined) {
      const id = newId();
      ledger.db
        .insert(staff)
        .values({
          id,
          tillId: ledger.tillId,
          name: input.name,
          role: input.role,
          createdAt: now,
          archivedAt: input.archived ? now : null,
          ...(pinHash ? { pinHash, pinChangedAt: now } : {}),
        })
        .run();
      return id;
    }
    const current = row(ledger, input.id);
    if (!current) fail('STAFF_NOT_FOUND');
    const archivedAt = input.archived === undefined ? current.archivedAt : input.archived ? (current.archivedAt ?? now) : null;
    const stillAnOwner = input.role === 'owner' && archivedAt === null;
    if (current.role === 'owner' && current.archivedAt === null && current.pinHash !== null && !stillAnOwner && !otherOwnerWithPin(ledger, current.id)) fail('LAST_OWNER');
    ledger.db
      .update(staff)
      .set({ name: input.name, role: input.role, archivedAt, ...(pinHash ? { pinHash, pinChangedAt: now, pinFailures: 0, pinLockedUntil: null } : {}) })
      .where(eq(staff.id, current.id))
      .run();
    return current.id;
  });
  return staffDetail(ledger, id);
}

export function staffDetail(ledger: Ledger, staffId: string): StaffDetail {
  const found = listStaffDetails(ledger).find((s) => s.id === staffId);
  if (!found) fail('STAFF_NOT_FOUND');
  return found;
}

/** Give someone a new PIN (and lift any lockout). The caller checks who may. */
export function setStaffPin(ledger: Ledger, staffId: string, pin: string): StaffDetail {
  checkPin(pin);
  const pinHash = hashPin(pin);
  inTransaction(ledger, () => {
    activeRow(ledger, staffId);
    ledger.db
      .update(staff)
      .set({ pinHash, pinChangedAt: isoTime(ledger.clock()), pinFailures: 0, pinLockedUntil: null })
      .where(eq(staff.id, staffId))
      .run();
  });
  return staffDetail(ledger, staffId);
}

/** A new shop's first start: the first active owner gets a PIN. Refused once any owner has one. */
export function setUpOwnerPin(ledger: Ledger, pin: string): StaffMember {
  checkPin(pin);
  const pinHash = hashPin(pin);
  return inTransaction(ledger, () => {
    if (!needsOwnerPin(ledger)) fail('PIN_ALREADY_SET');
    const owner = ledger.db
      .select()
      .from(staff)
      .where(and(eq(staff.role, 'owner'), isNull(staff.archivedAt)))
      .orderBy(asc(staff.createdAt), asc(staff.id))
      .get();
    if (!owner) fail('STAFF_NOT_FOUND');
    ledger.db.update(staff).set({ pinHash, pinChangedAt: isoTime(ledger.clock()), pinFailures: 0, pinLockedUntil: null }).where(eq(staff.id, owner.id)).run();
    appendAudit(ledger, { staffId: owner.id, action: 'staff.setUpOwner', subject: { kind: 'staff', id: owner.id, label: owner.name }, after: { pinSet: true } });
    return memberOf(owner);
  });
}

/** The signed-in person as the ledger has them now (role changes apply at once; archived: gone). */
export function currentStaff(ledger: Ledger, staffId: string): StaffMember | null {
  const found = row(ledger, staffId);
  return found && found.archivedAt === null ? memberOf(found) : null;
}
