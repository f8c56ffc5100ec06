/**
 * The loopback bridge (what `npm run serve` serves) enforces sign-in and permissions over real HTTP:
 * the app's runtime gives the shells `tillDispatch` (checked against the till's session) and keeps
 * the unchecked `dispatch` for in-process callers. A cashier signed in over HTTP is asked for the
 * owner's PIN for a balance adjustment, and the same request with the approval envelope goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src-main/bridge/server.ts';
import type { AuditPage } from '../../src-main/audit/types.ts';
import type { AdjustmentResult, MemberSummary } from '../../src-main/ledger/types.ts';
import { startRuntime, type Runtime } from '../../src-main/platform/app-runtime.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { upsertStaff } from '../../src-main/staff/staff.ts';
import type { SessionView } from '../../src-main/staff/types.ts';
import { manualClock, newKey, tempDir } from '../helpers/ledger.ts';
import { seedShop } from '../helpers/shop.ts';
import { CHEAP_SCRYPT, PINS } from './till.ts';
import { hashPin } from '../../src-main/staff/pin.ts';

const TOKEN = 'staff-bridge-token-0123456789';
let runtime: Runtime;
let bridge: Bridge;
let ownerId: string;
let cashierId: string;
let memberId: string;

beforeAll(async () => {
  runtime = startRuntime({ dataDir: tempDir(), migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser', clock: manualClock(new Date()) });
  const { ledger } = runtime;
  ownerId = ledger.sqlite.prepare("select id from staff where role = 'owner'").pluck().get() as string;
  memberId = seedShop(ledger, ownerId, 1).members[0]!.id;
  cashierId = upsertStaff(ledger, { name: '小林', role: 'cashier' }).id;
  const setPin = ledger.sqlite.prepare('update staff set pin_hash = ? where id = ?');
  setPin.run(hashPin(PINS.owner, CHEAP_SCRYPT), ownerId);
  setPin.run(hashPin(PINS.cashier, CHEAP_SCRYPT), cashierId);
  bridge = await startBridge({ dispatch: runtime.tillDispatch, token: TOKEN, port: 0 });
});
afterAll(async () => {
  await bridge.close();
  await runtime.close();
});

interface Reply<T> {
  status: number;
  body: { ok: boolean; value?: T; error?: { code: string; params?: Record<string, unknown>; message: string } };
}

async function post<T>(method: string, input: unknown): Promise<Reply<T>> {
  const res = await fetch(`${bridge.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as Reply<T>['body'] };
}

describe('the bridge', () => {
  it('answers only public methods before anyone signs in; the in-process dispatch is not checked', async () => {
    expect((await post('staff.list', {})).body.ok).toBe(true);
    expect((await post('app.info', {})).body.ok).toBe(true);
    const refused = await post('members.recent', {});
    expect(refused).toMatchObject({ status: 422, body: { ok: false, error: { code: 'SIGN_IN_REQUIRED' } } });
    expect((await runtime.dispatch('members.recent', {})).ok).toBe(true);
  });

  it('signs a cashier in (the session is the runtime’s), asks for the owner’s PIN for an adjustment, and takes it in the envelope', async () => {
    const wrong = await post('staff.signIn', { staffId: cashierId, pin: '0000' });
    expect(wrong.body.error).toMatchObject({ code: 'PIN_WRONG', params: { attemptsLeft: 4 } });
    const signedIn = await post<SessionView>('staff.signIn', { staffId: cashierId, pin: PINS.cashier });
    expect(signedIn.body.value).toMatchObject({ staff: { id: cashierId, role: 'cashier' }, needsOwnerPin: false });
    expect(runtime.session.staffId).toBe(cashierId);

    const adjust = { idempotencyKey: newKey(), staffId: ownerId, memberId, principalDeltaMinor: 2500, reason: '旧卡' };
    const asked = await post('wallet.adjust', adjust);
    expect(asked).toMatchObject({ status: 422, body: { ok: false, error: { code: 'APPROVAL_REQUIRED', params: { role: 'owner' } } } });
    expect(asked.body.error!.message).toBe('此操作需要店主输入 PIN 授权');
    const done = await post<AdjustmentResult>('wallet.adjust', { ...adjust, approval: { staffId: ownerId, pin: PINS.owner } });
    expect(done.body.value?.member.balancePrincipalMinor).toBe(2500);
    // Recorded as the cashier's, approved by the owner — not as the owner the page named.
    const row = runtime.ledger.sqlite.prepare("select staff_id, approved_by_staff_id from audit_log where action = 'wallet.adjust'").get();
    expect(row).toEqual({ staff_id: cashierId, approved_by_staff_id: ownerId });
    const entry = runtime.ledger.sqlite.prepare("select staff_id from wallet_entries where kind = 'adjust'").get();
    expect(entry).toEqual({ staff_id: cashierId });

    // The cashier cannot read the audit log, nor change settings.
    expect((await post('audit.list', {})).body.error?.code).toBe('APPROVAL_REQUIRED');
    expect((await post('settings.update', { shopName: 'x' })).body.error?.code).toBe('APPROVAL_REQUIRED');
    expect((await post<MemberSummary[]>('members.recent', {})).body.ok).toBe(true);
  });

  it('signing out locks the till again; the owner then reads the log', async () => {
    expect((await post<SessionView>('staff.signOut', {})).body.value).toMatchObject({ staff: null });
    expect(runtime.session.staffId).toBeNull();
    expect((await post('members.recent', {})).body.error?.code).toBe('SIGN_IN_REQUIRED');
    await post('staff.signIn', { staffId: ownerId, pin: PINS.owner });
    const log = await post<AuditPage>('audit.list', { kind: 'signIn' });
    expect(log.body.value!.rows.map((r) => r.action)).toEqual(['staff.signIn', 'staff.signOut', 'staff.signIn', 'staff.signInFailed']);
  });
});
