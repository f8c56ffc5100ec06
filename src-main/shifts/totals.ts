/**
 * A shift's figures, added up in SQL from the ledger's own rows: bills with their payments, and top-ups
 * with their refunds. Nothing is re-priced; refund rows are stored negative, so plain sums give the net.
 *
 * Which records count: those written on the shift's till from its opening to `asOf` (the close, or now),
 * by their created_at (milliseconds). The close freezes the figures in its own transaction, so what it
 * counted is what the report says for ever; a record committed after the close in that same millisecond
 * (which a person at the till cannot do) would be in no shift.
 * - The cashier's own (staff_id = the shift's cashier) make the report: bills, refunds, top-ups,
 *   top-up refunds, per payment method.
 * - Another staff id's records on the same till in that time (an owner ringing up one sale while the
 *   cashier is on shift) are not the cashier's sales and stay out of every figure but one: their cash
 *   went into this till's drawer, so it is part of the cash expected in it (`cash.otherStaffMinor`,
 *   with how many records made it, shown on the report on a line of its own).
 * - Other tills and records outside the window are in neither.
 */
import { and, eq, gte, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { billTotals, DRAWER_ORDER } from '../ledger/day-summary.ts';
import { sumMinor } from '../ledger/money.ts';
import { takenAtTill } from '../ledger/till-bills.ts';
import { bills, payments, topups } from '../ledger/schema.ts';
import type { PaymentMethod } from '../ledger/types.ts';
import type { shifts } from './schema.ts';
import type { ShiftMethodTotals, ShiftTotals } from './types.ts';

type ShiftRow = Pick<typeof shifts.$inferSelect, 'tillId' | 'staffId' | 'openedAt' | 'floatMinor'>;

/** The methods by which money actually changes hands at the till (not stored value, points or forfeited bonus). */
const EXTERNAL_METHODS: readonly PaymentMethod[] = ['cash', 'card', 'wechat', 'alipay'];

/**
 * Records of the shift's till between its opening and `asOf`: a range of the (till, created_at) indexes
 * migration 0008 adds to bills and top-ups, so a shift reads its own rows, not every bill of the shop.
 */
function window(table: typeof bills | typeof topups, shift: ShiftRow, asOf: string): SQL {
  const inWindow = and(eq(table.tillId, shift.tillId), gte(table.createdAt, shift.openedAt), lte(table.createdAt, asOf))!;
  // A visit imported from the old system is history, not money in this drawer.
  return table === bills ? and(inWindow, takenAtTill)! : inWindow;
}

const own = (table: typeof bills | typeof topups, shift: ShiftRow) => eq(table.staffId, shift.staffId);
const others = (table: typeof bills | typeof topups, shift: ShiftRow) => ne(table.staffId, shift.staffId);

export function shiftTotals(ledger: Ledger, shift: ShiftRow, asOf: string): ShiftTotals {
  const ownBills = and(window(bills, shift, asOf), own(bills, shift));
  const billMethods = paymentsByMethod(ledger, ownBills!);
  const topupMethods = topupsByMethod(ledger, and(window(topups, shift, asOf), own(topups, shift))!);
  const byMethod = methodTotals(billMethods, topupMethods);
  const cash = byMethod.find((m) => m.method === 'cash');
  const other = otherStaff(ledger, shift, asOf);

  const cashFigures = {
    floatMinor: shift.floatMinor,
    salesMinor: cash?.salesMinor ?? 0,
    refundsMinor: cash?.refundsMinor ?? 0,
    topupsMinor: cash?.topupsMinor ?? 0,
    topupRefundsMinor: cash?.topupRefundsMinor ?? 0,
    otherStaffMinor: other.cashMinor,
  };
  const expectedMinor = sumMinor([
    cashFigures.floatMinor,
    cashFigures.salesMinor,
    -cashFigures.refundsMinor,
    cashFigures.topupsMinor,
    -cashFigures.topupRefundsMinor,
    cashFigures.otherStaffMinor,
  ]);
  const topupKinds = (kind: 'topup' | 'refund') => topupMethods.filter((t) => t.kind === kind);
  const sumOf = (rows: TopupMethodRow[], pick: (r: TopupMethodRow) => number) => sumMinor(rows.map(pick));
  return {
    asOf,
    cash: { ...cashFigures, expectedMinor },
    bills: billTotals(ledger, ownBills),
    byMethod,
    topups: {
      count: sumOf(topupKinds('topup'), (r) => r.count),
      principalMinor: sumOf(topupKinds('topup'), (r) => r.principalMinor),
      bonusMinor: sumOf(topupKinds('topup'), (r) => r.bonusMinor),
      refundsCount: sumOf(topupKinds('refund'), (r) => r.count),
      refundedPrincipalMinor: -sumOf(topupKinds('refund'), (r) => r.principalMinor),
      refundedBonusMinor: -sumOf(topupKinds('refund'), (r) => r.bonusMinor),
    },
    pointsRedeemed: billMethods.find((m) => m.method === 'points')?.points ?? 0,
    otherStaff: { bills: other.bills, topups: other.topups },
  };
}

interface BillMethodRow {
  method: PaymentMethod;
  salesMinor: number;
  refundsMinor: number;
  points: number;
}

/** Payments of the matching bills per method, sales and refunds apart (refunds as a positive amount). */
function paymentsByMethod(ledger: Ledger, where: SQL): BillMethodRow[] {
  return ledger.db
    .select({
      method: payments.method,
      salesMinor: sql<number>`coalesce(sum(case when ${bills.kind} = 'sale' then ${payments.amountMinor} end), 0)`,
      refundsMinor: sql<number>`coalesce(-sum(case when ${bills.kind} = 'refund' then ${payments.amountMinor} end), 0)`,
      points: sql<number>`coalesce(sum(${payments.points}), 0)`,
    })
    .from(payments)
    .innerJoin(bills, eq(payments.billId, bills.id))
    .where(where)
    .groupBy(payments.method)
    .all();
}

interface TopupMethodRow {
  method: PaymentMethod;
  kind: 'topup' | 'refund';
  count: number;
  /** Signed as stored: negative on refunds. */
  principalMinor: number;
  bonusMinor: number;
}

function topupsByMethod(ledger: Ledger, where: SQL): TopupMethodRow[] {
  return ledger.db
    .select({
      method: topups.method,
      kind: topups.kind,
      count: sql<number>`count(*)`,
      principalMinor: sql<number>`coalesce(sum(${topups.principalMinor}), 0)`,
      bonusMinor: sql<number>`coalesce(sum(${topups.bonusMinor}), 0)`,
    })
    .from(topups)
    .where(where)
    .groupBy(topups.method, topups.kind)
    .all();
}

/** One row per method that moved anything, in the day summary's drawer order. */
function methodTotals(billRows: BillMethodRow[], topupRows: TopupMethodRow[]): ShiftMethodTotals[] {
  const methods = DRAWER_ORDER.filter((m) => billRows.some((r) => r.method === m) || topupRows.some((r) => r.method === m));
  return methods.map((method) => {
    const bill = billRows.find((r) => r.method === method);
    const topupOf = (kind: 'topup' | 'refund') => topupRows.find((r) => r.method === method && r.kind === kind)?.principalMinor ?? 0;
    const salesMinor = bill?.salesMinor ?? 0;
    const refundsMinor = bill?.refundsMinor ?? 0;
    const topupsMinor = topupOf('topup');
    const topupRefundsMinor = -topupOf('refund');
    return {
      method,
      salesMinor,
      refundsMinor,
      topupsMinor,
      topupRefundsMinor,
      netMinor: sumMinor([salesMinor, -refundsMinor, topupsMinor, -topupRefundsMinor]),
      external: EXTERNAL_METHODS.includes(method),
    };
  });
}

/** Other staff on this till during the shift: how many records, and the net cash they put in the drawer. */
function otherStaff(ledger: Ledger, shift: ShiftRow, asOf: string): { bills: number; topups: number; cashMinor: number } {
  const billRow = ledger.db
    .select({ count: sql<number>`count(*)` })
    .from(bills)
    .where(and(window(bills, shift, asOf), others(bills, shift)))
    .get();
  const billCash = ledger.db
    .select({ cashMinor: sql<number>`coalesce(sum(${payments.amountMinor}), 0)` })
    .from(payments)
    .innerJoin(bills, eq(payments.billId, bills.id))
    .where(and(window(bills, shift, asOf), others(bills, shift), eq(payments.method, 'cash')))
    .get();
  const topupRow = ledger.db
    .select({
      count: sql<number>`count(*)`,
      cashMinor: sql<number>`coalesce(sum(case when ${topups.method} = 'cash' then ${topups.principalMinor} end), 0)`,
    })
    .from(topups)
    .where(and(window(topups, shift, asOf), others(topups, shift)))
    .get();
  return { bills: billRow?.count ?? 0, topups: topupRow?.count ?? 0, cashMinor: sumMinor([billCash?.cashMinor ?? 0, topupRow?.cashMinor ?? 0]) };
}
