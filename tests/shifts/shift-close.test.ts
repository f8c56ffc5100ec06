/**
 * Shift close on a real ledger: a fixed day at the till whose Z report was worked out by hand, the
 * count against it (over, short, note by note), one open shift per till, the close done once whatever
 * is pressed again, and the report frozen at the close while the ledger moves on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertBonusRule } from '../../src-main/ledger/catalog.ts';
import { daySummary } from '../../src-main/ledger/day-summary.ts';
import { LedgerError } from '../../src-main/ledger/errors.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { createMember } from '../../src-main/ledger/members.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import { businessDate } from '../../src-main/ledger/time.ts';
import { countTotal, DENOMINATIONS } from '../../src-main/shifts/denominations.ts';
import { closeShift, currentShift, listShifts, openShift, shiftReport } from '../../src-main/shifts/shifts.ts';
import { newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { addCashier, refundAll, refundTopupBy, sell, topUpBy } from './shift-helpers.ts';

let t: TestLedger;
let owner: string;
let cashier: string;
let other: string;

const MINUTE = 60_000;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof LedgerError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

beforeEach(() => {
  t = openTestLedger();
  owner = t.staffId;
  cashier = addCashier(t.ledger, '小王');
  other = addCashier(t.ledger, '小李');
});
afterEach(() => t.dispose());

describe('the Z report of a fixed shift, worked out by hand', () => {
  it('adds up cash, methods, bills, top-ups and points from the ledger and freezes them at the close', () => {
    const { ledger, clock } = t;
    upsertBonusRule(ledger, { minPrincipalMinor: 10_000, bonusMinor: 1_000 });
    const member = createMember(ledger, { staffId: owner, phone: '13800138000', name: '张三' });

    // Before the shift: not the shift's.
    sell(ledger, cashier, 1_000, [{ method: 'cash', amountMinor: 1_000 }]);
    clock.advance(MINUTE);

    const opened = openShift(ledger, { idempotencyKey: newKey(), staffId: cashier, floatMinor: 20_000 });
    expect(opened).toMatchObject({ staffId: cashier, staffName: '小王', floatMinor: 20_000, close: null, replayed: false });
    expect(opened.totals.cash.expectedMinor).toBe(20_000);
    clock.advance(MINUTE);

    // Cash sale with change: ¥23.50 paid with ¥50 → the drawer keeps ¥23.50.
    const cashSale = sell(ledger, cashier, 2_350, [{ method: 'cash', amountMinor: 2_350, tenderedMinor: 5_000 }]);
    expect(cashSale.changeMinor).toBe(2_650);
    clock.advance(MINUTE);
    sell(ledger, cashier, 4_500, [{ method: 'card', amountMinor: 4_500 }]);
    clock.advance(MINUTE);
    // ¥100 top-up in cash earns a ¥10 bonus (the rule above).
    const topup = topUpBy(ledger, cashier, member.id, 10_000, 'cash');
    expect(topup.topup.bonusMinor).toBe(1_000);
    clock.advance(MINUTE);
    // Stored value ¥30, then ¥60 as ¥20 stored value + ¥40 cash handed ¥100 (change ¥60).
    sell(ledger, cashier, 3_000, [{ method: 'stored_value', amountMinor: 3_000 }], member.id);
    clock.advance(MINUTE);
    const mixed = sell(ledger, cashier, 6_000, [{ method: 'stored_value', amountMinor: 2_000 }, { method: 'cash', amountMinor: 4_000, tenderedMinor: 10_000 }], member.id);
    expect(mixed.changeMinor).toBe(6_000);
    clock.advance(MINUTE);
    // The cash sale refunded in full: ¥23.50 leaves the drawer.
    refundAll(ledger, cashier, cashSale.bill.id);
    clock.advance(MINUTE);
    // ¥50 of the top-up's principal back in cash; its ¥5 share of the bonus goes with it.
    refundTopupBy(ledger, cashier, topup.topup.id, 5_000);
    clock.advance(MINUTE);
    // Another cashier rings up ¥15 in cash on this till during the shift: their sale, our drawer.
    sell(ledger, other, 1_500, [{ method: 'cash', amountMinor: 1_500 }]);
    clock.advance(MINUTE);

    const running = currentShift(ledger)!;
    expect(running.id).toBe(opened.id);
    // 200 + (23.50 + 40) − 23.50 + 100 − 50 + 15 = 305.00
    expect(running.totals.cash).toEqual({
      floatMinor: 20_000,
      salesMinor: 6_350,
      refundsMinor: 2_350,
      topupsMinor: 10_000,
      topupRefundsMinor: 5_000,
      otherStaffMinor: 1_500,
      expectedMinor: 30_500,
    });

    // Counted: three ¥100 notes and one 5 角 coin = ¥300.50, so ¥4.50 short.
    clock.advance(MINUTE);
    const closed = closeShift(ledger, {
      idempotencyKey: newKey(),
      shiftId: opened.id,
      staffId: cashier,
      denominations: [
        { valueMinor: 10_000, count: 3 },
        { valueMinor: 50, count: 1 },
        { valueMinor: 100, count: 0 },
      ],
      note: '少了一张五块？',
    });
    expect(closed.replayed).toBe(false);
    expect(closed.close).toMatchObject({
      staffId: cashier,
      expectedMinor: 30_500,
      countedMinor: 30_050,
      overShortMinor: -450,
      denominations: [
        { valueMinor: 10_000, count: 3 },
        { valueMinor: 50, count: 1 },
      ],
      note: '少了一张五块？',
    });
    const totals = closed.totals;
    expect(totals.asOf).toBe(closed.close!.closedAt);
    expect(totals.bills).toEqual({ salesCount: 4, refundsCount: 1, salesMinor: 15_850, refundsMinor: 2_350, netMinor: 13_500, pointsEarned: 40 });
    expect(totals.byMethod).toEqual([
      { method: 'stored_value', salesMinor: 5_000, refundsMinor: 0, topupsMinor: 0, topupRefundsMinor: 0, netMinor: 5_000, external: false },
      { method: 'cash', salesMinor: 6_350, refundsMinor: 2_350, topupsMinor: 10_000, topupRefundsMinor: 5_000, netMinor: 9_000, external: true },
      { method: 'card', salesMinor: 4_500, refundsMinor: 0, topupsMinor: 0, topupRefundsMinor: 0, netMinor: 4_500, external: true },
    ]);
    expect(totals.topups).toEqual({ count: 1, principalMinor: 10_000, bonusMinor: 1_000, refundsCount: 1, refundedPrincipalMinor: 5_000, refundedBonusMinor: 500 });
    expect(totals.pointsRedeemed).toBe(0);
    expect(totals.otherStaff).toEqual({ bills: 1, topups: 0 });

    // After the close: the other cashier and ours sell again; the closed report does not move.
    clock.advance(MINUTE);
    sell(ledger, other, 9_900, [{ method: 'cash', amountMinor: 9_900 }]);
    sell(ledger, cashier, 700, [{ method: 'cash', amountMinor: 700 }]);
    expect(currentShift(ledger)).toBeNull();
    const { replayed: _replayed, ...frozen } = closed;
    expect(shiftReport(ledger, opened.id)).toEqual(frozen);
    expect(checkLedgerInvariants(ledger)).toEqual([]);
  });

  it('covering a whole day, its bill totals and per-method nets are the day summary’s', () => {
    const { ledger, clock } = t;
    const member = createMember(ledger, { staffId: owner, phone: '13800138001', name: '李四' });
    clock.set(new Date(2026, 10, 23, 0, 0, 1));
    const shift = openShift(ledger, { idempotencyKey: newKey(), staffId: cashier, floatMinor: 0 });
    topUpBy(ledger, cashier, member.id, 5_000, 'wechat');
    const a = sell(ledger, cashier, 1_234, [{ method: 'cash', amountMinor: 1_234, tenderedMinor: 2_000 }]);
    sell(ledger, cashier, 2_000, [{ method: 'stored_value', amountMinor: 1_500 }, { method: 'alipay', amountMinor: 500 }], member.id);
    sell(ledger, cashier, 999, [{ method: 'wechat', amountMinor: 999 }]);
    refundAll(ledger, cashier, a.bill.id);
    clock.set(new Date(2026, 10, 23, 23, 59, 0));
    const closed = closeShift(ledger, { idempotencyKey: newKey(), shiftId: shift.id, staffId: cashier, countedMinor: 0 });
    const day = daySummary(ledger, { businessDate: '2026-11-23' });
    const { businessDate: _day, byMethod, ...dayBills } = day;
    expect(closed.totals.bills).toEqual(dayBills);
    // The shift's per-method net includes top-ups; the day summary's is bills only.
    expect(closed.totals.byMethod.map((m) => ({ method: m.method, netMinor: m.salesMinor - m.refundsMinor })).filter((m) => byMethod.some((d) => d.method === m.method))).toEqual(byMethod);
    expect(closed.totals.byMethod.find((m) => m.method === 'wechat')).toMatchObject({ salesMinor: 999, topupsMinor: 5_000, netMinor: 5_999 });
    expect(closed.close!.overShortMinor).toBe(0);
  });
});

describe('counting the drawer', () => {
  it('over, short and even against the expected cash; a typed total or a count per note', () => {
    const { ledger, clock } = t;
    const cases: Array<{ counted: { countedMinor: number } | { denominations: Array<{ valueMinor: number; count: number }> }; overShort: number }> = [
      { counted: { countedMinor: 12_345 }, overShort: 12_345 - 10_500 },
      { counted: { countedMinor: 10_000 }, overShort: -500 },
      { counted: { denominations: [{ valueMinor: 10_000, count: 1 }, { valueMinor: 500, count: 1 }] }, overShort: 0 },
    ];
    for (const c of cases) {
      const shift = openShift(ledger, { idempotencyKey: newKey(), staffId: cashier, floatMinor: 10_000 });
      clock.advance(1_000);
      sell(ledger, cashier, 500, [{ method: 'cash', amountMinor: 500, tenderedMinor: 1_000 }]);
      clock.advance(1_000);
      const closed = closeShift(ledger, { idempotencyKey: newKey(), shiftId: shift.id, staffId: cashier, ...c.counted });
      expect(closed.close!.expectedMinor).toBe(10_500);
      expect(closed.close!.overShortMinor).toBe(c.overShort);
      expect(closed.close!.countedMinor - closed.close!.expectedMinor).toBe(c.overShort);
      clock.advance(1_000);
    }
    // Each shift counted only its own sale: three closes, three separate ¥5 sales.
    const shifts = listShifts(ledger, { from: businessDate(clock()), to: businessDate(clock()) });
    expect(shifts.map((s) => s.close?.expectedMinor)).toEqual([10_500, 10_500, 10_500]);
  });

  it('adds up every currency’s notes and coins in integers and refuses ones the currency does not have', () => {
    expect(countTotal('CNY', DENOMINATIONS.CNY.map((valueMinor) => ({ valueMinor, count: 1 })))).toEqual({ ok: true, totalMinor: 18_660 });
    expect(countTotal('CNY', [{ valueMinor: 10, count: 7 }, { valueMinor: 50, count: 3 }])).toEqual({ ok: true, totalMinor: 220 });
    expect(countTotal('CNY', [{ valueMinor: 25, count: 1 }])).toEqual({ ok: false, reason: 'unknown_denomination', valueMinor: 25 });
    expect(countTotal('USD', [{ valueMinor: 25, count: 4 }])).toEqual({ ok: true, totalMinor: 100 });
    for (const list of Object.values(DENOMINATIONS)) {
      expect([...list].sort((a, b) => b - a)).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
    const shift = openShift(t.ledger, { idempotencyKey: newKey(), staffId: cashier, floatMinor: 0 });
    expect(refusal(() => closeShift(t.ledger, { idempotencyKey: newKey(), shiftId: shift.id, staffId: cashier, denominations: [{ valueMinor: 25, count: 1 }] }))).toBe('SHIFT_BAD_DENOMINATION');
    // Switching the shop to US dollars makes the quarter a coin.
    updateSettings(t.ledger, { currency: 'USD' });
    const closed = closeShift(t.ledger, { idempotencyKey: newKey(), shiftId: shift.id, staffId: cashier, denominations: [{ valueMinor: 25, count: 3 }] });
    expect(closed.close!.countedMinor).toBe(75);
  });

  it('refuses a count that is neither a total nor notes, or both', () => {
    const shift = openShift(t.ledger, { idempotencyKey: newKey(), staffId: cashier, floatMinor: 0 });
    expect(() => closeShift(t.ledger, { idempotencyKey: newKey(), shiftId: shift.id, staffId: cashier })).toThrow();
    expect(() => closeShift(t.ledger, { idempotencyKey: newKey(), shiftId: shift.id, staffId: cashier, countedMinor: 5, denominations: [] })).toThrow();
    expect(() => closeShift(t.ledger, { idempotencyKey: newKey(), shiftId: shift.id, staffId: cashier, countedMinor: -1 })).toThrow();
    expect(currentShift(t.ledger)?.close).toBeNull();
  });
});

describe('one shift at a time, each step once', () => {
  it('refuses a second open shift on the till, by anyone, until the first is closed', () => {
    const first = openShift(t.ledger, { idempotencyKey: newKey(), staffId: cashier, floatMinor: 5_000 });
    expect(refusal(() => openShift(t.ledger, { idempotencyKey: newKey(), staffId: other, floatMinor: 0 }))).toBe('SHIFT_ALREADY_OPEN');
    expect(refusal(() => openShift(t.ledger, { idempotencyKey: newKey(), staffId: cashier, floatMinor: 5_000 }))).toBe('SHIFT_ALREADY_OPEN');
    expect(t.ledger.sqlite.prepare('select count(*) as n from shifts').get()).toEqual({ n: 1 });
    closeShift(t.ledger, { idempotencyKey: newKey(), shiftId: first.id, staffId: cashier, countedMinor: 5_000 });
    const second = openShift(t.ledger, { idempotencyKey: newKey(), staffId: other, floatMinor: 0 });
    expect(currentShift(t.ledger)?.id).toBe(second.id);
    // Same clock millisecond as the close: the new shift starts after it, so no record is in both.
    expect(second.openedAt > shiftReport(t.ledger, first.id).close!.closedAt).toBe(true);
  });

  it('a repeated open or close with the same key answers the first result and writes nothing more', () => {
    const openKey = newKey();
    const opened = openShift(t.ledger, { idempotencyKey: openKey, staffId: cashier, floatMinor: 1_000 });
    const again = openShift(t.ledger, { idempotencyKey: openKey, staffId: cashier, floatMinor: 1_000 });
    expect(again).toMatchObject({ id: opened.id, replayed: true });
    sell(t.ledger, cashier, 300, [{ method: 'cash', amountMinor: 300 }]);

    const closeKey = newKey();
    const request = { idempotencyKey: closeKey, shiftId: opened.id, staffId: cashier, countedMinor: 1_200 };
    const closed = closeShift(t.ledger, request);
    t.clock.advance(MINUTE);
    sell(t.ledger, cashier, 999, [{ method: 'cash', amountMinor: 999 }]);
    const repeat = closeShift(t.ledger, request);
    expect(repeat.replayed).toBe(true);
    expect({ ...repeat, replayed: false }).toEqual(closed);
    expect(repeat.close).toMatchObject({ expectedMinor: 1_300, countedMinor: 1_200, overShortMinor: -100 });
    expect(t.ledger.sqlite.prepare('select count(*) as n from shift_closes').get()).toEqual({ n: 1 });
    // One audit row per open and close, written with them; the replays wrote none.
    const audit = t.ledger.sqlite.prepare("select action, staff_id, subject_id, after_json from audit_log where action like 'shifts.%' order by at, action desc").all() as Array<{ action: string; staff_id: string; subject_id: string; after_json: string }>;
    expect(audit.map((a) => [a.action, a.staff_id, a.subject_id])).toEqual([
      ['shifts.open', cashier, opened.id],
      ['shifts.close', cashier, opened.id],
    ]);
    expect(JSON.parse(audit[1]!.after_json)).toMatchObject({ countedMinor: 1_200, overShortMinor: -100 });

    // The same key for another count is refused; a new key finds the shift closed.
    expect(refusal(() => closeShift(t.ledger, { ...request, countedMinor: 1_300 }))).toBe('IDEMPOTENCY_CONFLICT');
    expect(refusal(() => closeShift(t.ledger, { ...request, idempotencyKey: newKey() }))).toBe('SHIFT_ALREADY_CLOSED');
    expect(refusal(() => closeShift(t.ledger, { ...request, idempotencyKey: newKey(), shiftId: 'no-such-shift' }))).toBe('SHIFT_NOT_FOUND');
    expect(refusal(() => openShift(t.ledger, { idempotencyKey: newKey(), staffId: 'nobody', floatMinor: 0 }))).toBe('STAFF_NOT_FOUND');
  });

  it('a shift and its close are never changed in place', () => {
    const opened = openShift(t.ledger, { idempotencyKey: newKey(), staffId: cashier, floatMinor: 1_000 });
    const before = t.ledger.sqlite.prepare('select * from shifts where id = ?').get(opened.id);
    closeShift(t.ledger, { idempotencyKey: newKey(), shiftId: opened.id, staffId: owner, countedMinor: 1_000, note: '店主代交' });
    expect(t.ledger.sqlite.prepare('select * from shifts where id = ?').get(opened.id)).toEqual(before);
    const report = shiftReport(t.ledger, opened.id);
    expect(report.close).toMatchObject({ staffId: owner, staffName: '店主', note: '店主代交', denominations: null });
    // The database itself refuses an over/short that is not counted − expected.
    const next = openShift(t.ledger, { idempotencyKey: newKey(), staffId: cashier, floatMinor: 100 });
    const insertClose = t.ledger.sqlite.prepare(
      "insert into shift_closes (shift_id, till_id, staff_id, closed_at, expected_cash_minor, counted_minor, over_short_minor, totals_json) values (?, ?, ?, 'now', 100, 90, ?, '{}')",
    );
    expect(() => insertClose.run(next.id, t.ledger.tillId, owner, 0)).toThrow(/CHECK constraint failed: shift_closes_over_short/);
    expect(() => insertClose.run(next.id, t.ledger.tillId, owner, -10)).not.toThrow();
    expect(() => insertClose.run(next.id, t.ledger.tillId, owner, -10)).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
