/**
 * Shifts at a till with sign-in: the shift is the signed-in cashier's whatever the page sends as
 * staffId, the count is recorded as done by whoever closes, the list of shifts is a manager's, and
 * each open and close has its audit row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src-main/api/contract.ts';
import { newKey } from '../helpers/ledger.ts';
import { ok, openStaffTill, refusal, type StaffTill } from '../staff/till.ts';

let s: StaffTill;
beforeEach(() => {
  s = openStaffTill();
});
afterEach(() => s.t.dispose());

describe('shifts at a till with sign-in', () => {
  it('belong to the person signed in; the list needs a manager; the close records who counted', async () => {
    expect((await refusal(s.till, 'shifts.open', { idempotencyKey: newKey(), staffId: s.owner.id, floatMinor: 1_000 })).code).toBe('SIGN_IN_REQUIRED');

    s.signIn(s.cashier);
    // The page claims to be the owner: the shift is still the signed-in cashier's.
    const opened = await ok<OutputOf<'shifts.open'>>(s.till, 'shifts.open', { idempotencyKey: newKey(), staffId: s.owner.id, floatMinor: 1_000 });
    expect(opened).toMatchObject({ staffId: s.cashier.id, staffName: '小林' });
    await ok(s.till, 'checkout.commit', { idempotencyKey: newKey(), staffId: s.cashier.id, lines: [{ name: '茶', amountMinor: 1_200 }], payments: [{ method: 'cash', amountMinor: 1_200, tenderedMinor: 2_000 }] });
    const current = await ok<OutputOf<'shifts.current'>>(s.till, 'shifts.current');
    expect(current?.totals.cash.expectedMinor).toBe(2_200);
    expect((await refusal(s.till, 'shifts.list', { from: '2026-01-01', to: '2026-12-31' })).code).toBe('APPROVAL_REQUIRED');

    // The manager takes over the till and closes the cashier's shift.
    s.signIn(s.manager);
    const closed = await ok<OutputOf<'shifts.close'>>(s.till, 'shifts.close', { idempotencyKey: newKey(), shiftId: opened.id, staffId: s.cashier.id, countedMinor: 2_200 });
    expect(closed.close).toMatchObject({ staffId: s.manager.id, staffName: '周店长', overShortMinor: 0 });
    const list = await ok<OutputOf<'shifts.list'>>(s.till, 'shifts.list', { from: '2026-01-01', to: '2026-12-31' });
    expect(list.map((x) => x.id)).toEqual([opened.id]);

    const audit = s.t.ledger.sqlite.prepare("select action, staff_id from audit_log where action like 'shifts.%' order by at, action desc").all();
    expect(audit).toEqual([
      { action: 'shifts.open', staff_id: s.cashier.id },
      { action: 'shifts.close', staff_id: s.manager.id },
    ]);
  });
});
