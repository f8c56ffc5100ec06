/**
 * PINs: scrypt hashes (salted, parameters stored with the hash, constant-time compare), the lockout
 * after five wrong PINs with the ledger's clock (persisted: a restart does not lift it), the first
 * owner PIN of a new shop, the one-owner rule, and that no PIN or hash ever leaves through the API
 * or lands in the audit log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { auditLog, staff } from '../../src-main/ledger/schema.ts';
import { localMinute } from '../../src-main/ledger/time.ts';
import { hashParams, hashPin, PIN_SCRYPT, pinMatches } from '../../src-main/staff/pin.ts';
import { TillSession } from '../../src-main/staff/session.ts';
import { MAX_PIN_FAILURES, PIN_LOCKOUT_MS, verifyStaffPin } from '../../src-main/staff/staff.ts';
import type { SessionView, StaffDetail } from '../../src-main/staff/types.ts';
import { manualClock, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { CHEAP_SCRYPT, ok, openStaffTill, PINS, refusal, type StaffTill } from './till.ts';

describe('PIN hashes', () => {
  it('are scrypt with the production cost, a random salt each time, and verify only the right PIN', () => {
    const started = performance.now();
    const a = hashPin('1234');
    const ms = performance.now() - started;
    const b = hashPin('1234');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hashParams(a)).toEqual(PIN_SCRYPT);
    expect(a).not.toBe(b);
    expect(pinMatches('1234', a)).toBe(true);
    expect(pinMatches('1234', b)).toBe(true);
    expect(pinMatches('1235', a)).toBe(false);
    expect(pinMatches('', a)).toBe(false);
    // Slow on purpose (tens of milliseconds), not instant.
    expect(ms).toBeGreaterThan(5);
  });

  it('verify with the parameters they were made with, and a malformed or hostile hash matches nothing', () => {
    const cheap = hashPin('987654', CHEAP_SCRYPT);
    expect(hashParams(cheap)).toEqual(CHEAP_SCRYPT);
    expect(pinMatches('987654', cheap)).toBe(true);
    expect(pinMatches('98765', cheap)).toBe(false);
    const [, , , , salt, key] = cheap.split('$');
    for (const bad of ['', 'scrypt', `bcrypt$1024$8$1$${salt}$${key}`, `scrypt$1000$8$1$${salt}$${key}`, `scrypt$${2 ** 24}$8$1$${salt}$${key}`, `scrypt$1024$8$1$$${key}`, `scrypt$1024$8$1$${salt}$`]) {
      expect(pinMatches('987654', bad), bad).toBe(false);
    }
  });
});

describe('lockout after repeated wrong PINs', () => {
  let t: StaffTill;
  afterEach(() => t.t.dispose());

  it('counts wrong PINs, locks for five minutes on the fifth (the right PIN too), survives a restart, and lifts on time', () => {
    const clock = manualClock(new Date(2026, 10, 23, 9, 0, 0));
    t = openStaffTill({ clock });
    const id = t.cashier.id;
    for (let i = 1; i < MAX_PIN_FAILURES; i++) {
      expect(() => verifyStaffPin(t.t.ledger, id, '0000', 'signIn')).toThrow(expect.objectContaining({ code: 'PIN_WRONG', params: { attemptsLeft: MAX_PIN_FAILURES - i } }));
    }
    const until = new Date(clock().getTime() + PIN_LOCKOUT_MS).toISOString();
    expect(() => verifyStaffPin(t.t.ledger, id, '0000', 'signIn')).toThrow(expect.objectContaining({ code: 'PIN_LOCKED', params: { until: localMinute(until) } }));
    expect(t.t.ledger.db.select().from(staff).where(eq(staff.id, id)).get()).toMatchObject({ pinLockedUntil: until, pinFailures: 0 });
    // Locked: the right PIN is not even tried.
    expect(() => verifyStaffPin(t.t.ledger, id, PINS.cashier, 'signIn')).toThrow(expect.objectContaining({ code: 'PIN_LOCKED' }));

    // A restart does not lift it.
    t.t.reopen();
    clock.advance(PIN_LOCKOUT_MS - 1000);
    expect(() => verifyStaffPin(t.t.ledger, id, PINS.cashier, 'signIn')).toThrow(expect.objectContaining({ code: 'PIN_LOCKED' }));
    clock.advance(1000);
    expect(verifyStaffPin(t.t.ledger, id, PINS.cashier, 'signIn')).toEqual(t.cashier);
    expect(t.t.ledger.db.select().from(staff).where(eq(staff.id, id)).get()).toMatchObject({ pinLockedUntil: null, pinFailures: 0 });

    // Every wrong PIN was logged, none of them with the PIN typed.
    const failures = t.t.ledger.db.select().from(auditLog).where(eq(auditLog.action, 'staff.signInFailed')).all();
    expect(failures).toHaveLength(MAX_PIN_FAILURES);
    expect(failures.every((r) => r.staffId === id && r.subjectId === id)).toBe(true);
    expect(JSON.parse(failures.at(-1)!.afterJson!)).toEqual({ failures: MAX_PIN_FAILURES, lockedUntil: until });
  });

  it('a right PIN resets the count, so four wrong, one right and four wrong again do not lock', () => {
    t = openStaffTill();
    const id = t.cashier.id;
    const wrong = () => expect(() => verifyStaffPin(t.t.ledger, id, '9999', 'signIn')).toThrow(expect.objectContaining({ code: 'PIN_WRONG' }));
    for (let i = 0; i < 4; i++) wrong();
    verifyStaffPin(t.t.ledger, id, PINS.cashier, 'signIn');
    for (let i = 0; i < 4; i++) wrong();
    expect(verifyStaffPin(t.t.ledger, id, PINS.cashier, 'signIn').id).toBe(id);
  });

  it('through the API: the lockout answer says until when, in both languages', async () => {
    const clock = manualClock(new Date(2026, 10, 23, 14, 3, 0));
    t = openStaffTill({ clock });
    for (let i = 0; i < MAX_PIN_FAILURES - 1; i++) expect((await refusal(t.till, 'staff.signIn', { staffId: t.manager.id, pin: '0000' })).code).toBe('PIN_WRONG');
    const zh = await refusal(t.till, 'staff.signIn', { staffId: t.manager.id, pin: '0000' }, 'zh-CN');
    expect(zh.code).toBe('PIN_LOCKED');
    expect(zh.message).toContain('2026-11-23 14:08');
    const en = await refusal(t.till, 'staff.signIn', { staffId: t.manager.id, pin: PINS.manager }, 'en');
    expect(en.message).toBe('Too many wrong PINs: locked until 2026-11-23 14:08');
    expect(t.session.staffId).toBeNull();
  });
});

describe('a new shop', () => {
  let t: TestLedger;
  afterEach(() => t.dispose());

  it('asks for the first owner PIN, then signs the owner in; only once', async () => {
    t = openTestLedger();
    const session = new TillSession();
    const till = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser', session });
    expect(await ok<SessionView>(till, 'staff.session')).toEqual({ staff: null, since: null, needsOwnerPin: true });
    expect((await refusal(till, 'staff.signIn', { staffId: t.staffId, pin: '1234' })).code).toBe('PIN_NOT_SET');
    expect((await refusal(till, 'members.recent', {})).code).toBe('SIGN_IN_REQUIRED');
    expect((await refusal(till, 'staff.setUpOwner', { pin: '12a4' })).code).toBe('PIN_FORMAT');
    expect((await refusal(till, 'staff.setUpOwner', { pin: '123' })).code).toBe('PIN_FORMAT');
    const view = await ok<SessionView>(till, 'staff.setUpOwner', { pin: '2468' });
    expect(view).toMatchObject({ staff: { id: t.staffId, role: 'owner' }, needsOwnerPin: false });
    expect(session.staffId).toBe(t.staffId);
    expect((await refusal(till, 'staff.setUpOwner', { pin: '1357' })).code).toBe('PIN_ALREADY_SET');
    await ok(till, 'staff.signOut');
    expect((await refusal(till, 'staff.signIn', { staffId: t.staffId, pin: '1357' })).code).toBe('PIN_WRONG');
    expect((await ok<SessionView>(till, 'staff.signIn', { staffId: t.staffId, pin: '2468' })).staff?.id).toBe(t.staffId);
    expect((t.ledger.sqlite.prepare('select action from audit_log order by rowid').all() as Array<{ action: string }>).map((r) => r.action)).toEqual([
      'staff.setUpOwner',
      'staff.signOut',
      'staff.signInFailed',
      'staff.signIn',
    ]);
  });
});

describe('people and PINs', () => {
  let t: StaffTill;
  afterEach(() => t.t.dispose());

  it('keeps one active owner with a PIN: the last one cannot be demoted or archived, another one can', async () => {
    t = openStaffTill();
    t.signIn(t.owner);
    expect((await refusal(t.till, 'staff.upsert', { id: t.owner.id, name: '店主', role: 'manager' })).code).toBe('LAST_OWNER');
    expect((await refusal(t.till, 'staff.upsert', { id: t.owner.id, name: '店主', role: 'owner', archived: true })).code).toBe('LAST_OWNER');
    const second = await ok<StaffDetail>(t.till, 'staff.upsert', { name: '老板娘', role: 'owner', pin: '5678' });
    expect(second).toMatchObject({ role: 'owner', hasPin: true, archivedAt: null });
    const archived = await ok<StaffDetail>(t.till, 'staff.upsert', { id: t.owner.id, name: '店主', role: 'owner', archived: true });
    expect(archived.archivedAt).not.toBeNull();
    // The archived owner's session ends at the next call.
    expect((await refusal(t.till, 'members.recent', {})).code).toBe('SIGN_IN_REQUIRED');
    expect(t.session.staffId).toBeNull();
    expect((await refusal(t.till, 'staff.signIn', { staffId: t.owner.id, pin: PINS.owner })).code).toBe('STAFF_NOT_FOUND');
    await ok(t.till, 'staff.signIn', { staffId: second.id, pin: '5678' });
  });

  it('lets anyone change their own PIN with the old one, and only the owner set someone else’s (which lifts a lockout)', async () => {
    t = openStaffTill();
    t.signIn(t.cashier);
    expect((await refusal(t.till, 'staff.setPin', { staffId: t.cashier.id, newPin: '4321' })).code).toBe('VALIDATION');
    expect((await refusal(t.till, 'staff.setPin', { staffId: t.cashier.id, oldPin: '0000', newPin: '4321' })).code).toBe('PIN_WRONG');
    await ok(t.till, 'staff.setPin', { staffId: t.cashier.id, oldPin: PINS.cashier, newPin: '4321' });
    expect((await refusal(t.till, 'staff.setPin', { staffId: t.manager.id, newPin: '4321' })).code).toBe('APPROVAL_REQUIRED');
    // Lock the manager out, then the owner (by approval) resets the manager's PIN.
    for (let i = 0; i < MAX_PIN_FAILURES; i++) await refusal(t.till, 'staff.signIn', { staffId: t.manager.id, pin: '0000' });
    const reset = await ok<StaffDetail>(t.till, 'staff.setPin', { staffId: t.manager.id, newPin: '8642', approval: { staffId: t.owner.id, pin: PINS.owner } });
    expect(reset).toMatchObject({ hasPin: true, lockedUntil: null });
    t.signIn(null);
    expect((await ok<SessionView>(t.till, 'staff.signIn', { staffId: t.manager.id, pin: '8642' })).staff?.id).toBe(t.manager.id);
    const row = t.t.ledger.db.select().from(auditLog).where(eq(auditLog.action, 'staff.setPin')).all().at(-1)!;
    expect(row).toMatchObject({ staffId: t.cashier.id, approvedByStaffId: t.owner.id, subjectId: t.manager.id });
  });

  it('never hands out a PIN or its hash, nor writes either to the audit log', async () => {
    t = openStaffTill();
    t.signIn(t.owner);
    await ok(t.till, 'staff.upsert', { name: 'Amy', role: 'cashier', pin: '975310' });
    await refusal(t.till, 'staff.signIn', { staffId: t.cashier.id, pin: '864200' });
    await ok(t.till, 'staff.setPin', { staffId: t.cashier.id, newPin: '531086' });
    const answers = JSON.stringify([await ok(t.till, 'staff.list'), await ok(t.till, 'staff.details'), await ok(t.till, 'staff.session'), await ok(t.till, 'audit.list', {}), await ok(t.till, 'app.info')]);
    const hashes = t.t.ledger.db.select({ h: staff.pinHash }).from(staff).all().map((r) => r.h!.split('$')[5]!);
    const logged = JSON.stringify(t.t.ledger.sqlite.prepare('select * from audit_log').all());
    for (const text of [answers, logged]) {
      for (const secret of ['975310', '864200', '531086', PINS.owner, PINS.cashier, ...hashes]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/scrypt\$/);
    }
  });
});
