/**
 * Shifts (交班): a cashier opens the till's drawer with a float, works, counts the drawer and closes;
 * the Z report says what the ledger expected in it and whether the count is over or short.
 *
 * - One open shift per till: opening refuses while another is open (checked inside BEGIN IMMEDIATE,
 *   so two tills' or two tabs' presses cannot both pass).
 * - Append-only: the shift row is written at the open and never changed; the close is its own row,
 *   one per shift, holding the count and the report frozen at that moment.
 * - Both are one-press commits with an idempotency key: a repeated press gets the first answer.
 * - Both write their audit row (audit/log.ts) in their own transaction, so the log has every opening
 *   float and every count exactly when they are in the ledger (a replay writes neither again).
 * - A till may sell with no shift open (shops that do not count drawers never open one).
 */
import { and, desc, eq, gte, isNull, lte, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { appendAudit } from '../audit/log.ts';
import { requireStaff } from '../ledger/catalog.ts';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { newId } from '../ledger/ids.ts';
import { runOnce } from '../ledger/idempotency.ts';
import { staff } from '../ledger/schema.ts';
import { getSettings } from '../ledger/settings.ts';
import { businessDate, isoTime, localMinute } from '../ledger/time.ts';
import * as cmd from './commands.ts';
import { countTotal, type DenominationCount } from './denominations.ts';
import { shiftCloses, shifts } from './schema.ts';
import { shiftTotals } from './totals.ts';
import type { Shift, ShiftReport, ShiftResult, ShiftTotals } from './types.ts';

const closer = alias(staff, 'closer');

/** The shift rows with their cashier's and closer's names; a filter and order make each query. */
function selectShifts(ledger: Ledger) {
  return ledger.db
    .select({ shift: shifts, close: shiftCloses, staffName: staff.name, closerName: closer.name })
    .from(shifts)
    .innerJoin(staff, eq(staff.id, shifts.staffId))
    .leftJoin(shiftCloses, eq(shiftCloses.shiftId, shifts.id))
    .leftJoin(closer, eq(closer.id, shiftCloses.staffId));
}

type ShiftSelection = {
  shift: typeof shifts.$inferSelect;
  close: typeof shiftCloses.$inferSelect | null;
  staffName: string;
  closerName: string | null;
};

function toShift(row: ShiftSelection): Shift {
  const { shift, close } = row;
  return {
    id: shift.id,
    tillId: shift.tillId,
    staffId: shift.staffId,
    staffName: row.staffName,
    floatMinor: shift.floatMinor,
    openedAt: shift.openedAt,
    businessDate: shift.businessDate,
    note: shift.note,
    close: close
      ? {
          closedAt: close.closedAt,
          staffId: close.staffId,
          staffName: row.closerName ?? '',
          expectedMinor: close.expectedCashMinor,
          countedMinor: close.countedMinor,
          overShortMinor: close.overShortMinor,
          denominations: close.denominations === null ? null : (JSON.parse(close.denominations) as DenominationCount[]),
          note: close.note,
        }
      : null,
  };
}

function loadShift(ledger: Ledger, shiftId: string): ShiftSelection {
  const row = selectShifts(ledger).where(eq(shifts.id, shiftId)).get();
  if (!row) fail('SHIFT_NOT_FOUND');
  return row;
}

function openShiftRow(ledger: Ledger): ShiftSelection | null {
  return selectShifts(ledger).where(and(eq(shifts.tillId, ledger.tillId), isNull(shiftCloses.shiftId))).orderBy(desc(shifts.openedAt)).limit(1).get() ?? null;
}

/** A shift and its Z report: frozen at the close once closed, running up to now while open. */
export function shiftReport(ledger: Ledger, shiftId: string): ShiftReport {
  return reportOf(ledger, loadShift(ledger, shiftId));
}

function reportOf(ledger: Ledger, row: ShiftSelection): ShiftReport {
  const totals = row.close ? (JSON.parse(row.close.totalsJson) as ShiftTotals) : shiftTotals(ledger, row.shift, isoTime(ledger.clock()));
  return { ...toShift(row), totals };
}

/** The open shift on this till with its running figures, or null when none is open. */
export function currentShift(ledger: Ledger): ShiftReport | null {
  const row = openShiftRow(ledger);
  return row ? reportOf(ledger, row) : null;
}

export function listShifts(ledger: Ledger, input: Parameters<typeof cmd.shiftList.parse>[0]): Shift[] {
  const q = cmd.shiftList.parse(input);
  return selectShifts(ledger)
    .where(and(gte(shifts.businessDate, q.from), lte(shifts.businessDate, q.to)))
    .orderBy(desc(shifts.openedAt), desc(shifts.id))
    .limit(q.limit)
    .all()
    .map(toShift);
}

export function openShift(ledger: Ledger, input: cmd.ShiftOpen): ShiftResult {
  const data = cmd.shiftOpen.parse(input);
  return runOnce(
    ledger,
    'shifts.open',
    data.idempotencyKey,
    data,
    () => {
      const cashier = requireStaff(ledger, data.staffId);
      const open = openShiftRow(ledger);
      if (open) fail('SHIFT_ALREADY_OPEN', { name: open.staffName, since: localMinute(open.shift.openedAt) });
      const now = ledger.clock();
      const id = newId();
      const openedAt = openingTime(ledger, now);
      ledger.db
        .insert(shifts)
        .values({ id, tillId: ledger.tillId, staffId: data.staffId, floatMinor: data.floatMinor, openedAt, businessDate: businessDate(now), note: data.note })
        .run();
      appendAudit(ledger, {
        staffId: data.staffId,
        action: 'shifts.open',
        subject: { kind: 'shift', id, label: `${cashier.name} · ${localMinute(openedAt)}` },
        after: { floatMinor: data.floatMinor, note: data.note },
      });
      return id;
    },
    (id) => shiftReport(ledger, id),
  );
}

/**
 * Records belong to a shift by time (opening ≤ created_at ≤ close), so two shifts of one till must not
 * share a millisecond: a shift opened in the very millisecond the last one closed starts one later.
 */
function openingTime(ledger: Ledger, now: Date): string {
  const last = ledger.db.select({ at: max(shiftCloses.closedAt) }).from(shiftCloses).where(eq(shiftCloses.tillId, ledger.tillId)).get()?.at;
  const lastMs = last ? Date.parse(last) : Number.NEGATIVE_INFINITY;
  return isoTime(new Date(Math.max(now.getTime(), lastMs + 1)));
}

export function closeShift(ledger: Ledger, input: cmd.ShiftClose): ShiftResult {
  const data = cmd.shiftClose.parse(input);
  return runOnce(
    ledger,
    'shifts.close',
    data.idempotencyKey,
    data,
    () => {
      requireStaff(ledger, data.staffId);
      const row = loadShift(ledger, data.shiftId);
      // A drawer is counted where it stands: another till's shift (in a merged file) is not closed here.
      if (row.shift.tillId !== ledger.tillId) fail('SHIFT_NOT_FOUND');
      if (row.close) fail('SHIFT_ALREADY_CLOSED', { at: localMinute(row.close.closedAt) });
      const { countedMinor, denominations } = counted(ledger, data);
      // Never before the opening, even if the computer's clock was put back during the shift.
      const closedAt = isoTime(new Date(Math.max(ledger.clock().getTime(), Date.parse(row.shift.openedAt))));
      const totals = shiftTotals(ledger, row.shift, closedAt);
      const overShortMinor = countedMinor - totals.cash.expectedMinor;
      ledger.db
        .insert(shiftCloses)
        .values({
          shiftId: row.shift.id,
          tillId: ledger.tillId,
          staffId: data.staffId,
          closedAt,
          expectedCashMinor: totals.cash.expectedMinor,
          countedMinor,
          overShortMinor,
          denominations: denominations === null ? null : JSON.stringify(denominations),
          totalsJson: JSON.stringify(totals),
          note: data.note,
        })
        .run();
      appendAudit(ledger, {
        staffId: data.staffId,
        action: 'shifts.close',
        subject: { kind: 'shift', id: row.shift.id, label: `${row.staffName} · ${localMinute(row.shift.openedAt)}` },
        before: { floatMinor: row.shift.floatMinor, expectedMinor: totals.cash.expectedMinor },
        after: { countedMinor, overShortMinor, denominations, note: data.note },
      });
      return row.shift.id;
    },
    (id) => shiftReport(ledger, id),
  );
}

/** The counted cash: the typed total, or the count note by note added up (zero counts left out). */
function counted(ledger: Ledger, data: ReturnType<typeof cmd.shiftClose.parse>): { countedMinor: number; denominations: DenominationCount[] | null } {
  if (data.denominations === undefined) return { countedMinor: data.countedMinor ?? 0, denominations: null };
  const total = countTotal(getSettings(ledger).currency, data.denominations);
  if (!total.ok) {
    if (total.reason === 'unknown_denomination') fail('SHIFT_BAD_DENOMINATION', { value: total.valueMinor });
    fail('AMOUNT_OUT_OF_RANGE');
  }
  const denominations = data.denominations.filter((d) => d.count > 0).sort((a, b) => b.valueMinor - a.valueMinor);
  return { countedMinor: total.totalMinor, denominations };
}
