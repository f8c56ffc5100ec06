/**
 * A till with people and a session, for permission tests: an owner, a manager and a cashier with
 * known PINs, the shop of tests/helpers/shop.ts, a dispatch with a session (what the shells expose)
 * and a trusted one (in-process). PINs are hashed with cheap scrypt parameters here (the parameters
 * travel with the hash, so verification follows them): the production cost is tested in pin.test.ts.
 */
import { eq } from 'drizzle-orm';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import type { ApiError } from '../../src-main/api/contract.ts';
import { staff } from '../../src-main/ledger/schema.ts';
import type { StaffMember } from '../../src-main/ledger/types.ts';
import { hashPin } from '../../src-main/staff/pin.ts';
import { TillSession } from '../../src-main/staff/session.ts';
import { upsertStaff } from '../../src-main/staff/staff.ts';
import { openTestLedger, type ManualClock, type TestLedger } from '../helpers/ledger.ts';
import { seedShop, type Shop } from '../helpers/shop.ts';

export const PINS = { owner: '1234', manager: '3333', cashier: '1111' } as const;
export const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export interface StaffTill {
  t: TestLedger;
  shop: Shop;
  owner: StaffMember;
  manager: StaffMember;
  cashier: StaffMember;
  session: TillSession;
  /** Checked against the session, as the shells call. */
  till: Dispatch;
  /** No session: trusted, unchecked. */
  trusted: Dispatch;
  signIn(who: StaffMember | null): void;
}

export function setCheapPin(t: TestLedger, staffId: string, pin: string): void {
  t.ledger.db.update(staff).set({ pinHash: hashPin(pin, CHEAP_SCRYPT) }).where(eq(staff.id, staffId)).run();
}

export function openStaffTill(options: { clock?: ManualClock } = {}): StaffTill {
  const t = openTestLedger(options.clock ? { clock: options.clock } : {});
  const shop = seedShop(t.ledger, t.staffId, 3);
  const owner = { id: t.staffId, name: '店主', role: 'owner' as const };
  const manager = upsertStaff(t.ledger, { name: '周店长', role: 'manager' });
  const cashier = upsertStaff(t.ledger, { name: '小林', role: 'cashier' });
  setCheapPin(t, owner.id, PINS.owner);
  setCheapPin(t, manager.id, PINS.manager);
  setCheapPin(t, cashier.id, PINS.cashier);
  const session = new TillSession();
  const base = { ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser' as const };
  return {
    t,
    shop,
    owner,
    manager: { id: manager.id, name: manager.name, role: manager.role },
    cashier: { id: cashier.id, name: cashier.name, role: cashier.role },
    session,
    till: createDispatch({ ...base, session }),
    trusted: createDispatch(base),
    signIn: (who) => (who ? session.signIn(who.id, t.ledger.clock().toISOString()) : session.signOut()),
  };
}

/** The value of a call that must succeed. */
export async function ok<T>(dispatch: Dispatch, method: string, input: unknown = {}): Promise<T> {
  const res = await dispatch(method, input);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.value as T;
}

/** The error of a call that must fail. */
export async function refusal(dispatch: Dispatch, method: string, input: unknown = {}, locale?: string): Promise<ApiError> {
  const res = await dispatch(method, input, locale);
  if (res.ok) throw new Error(`${method} should have been refused: ${JSON.stringify(res.value).slice(0, 200)}`);
  return res.error;
}
