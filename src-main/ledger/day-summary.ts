/**
 * One business day added up in SQL: sales, refunds and net from the bills' own totals, the net per
 * payment method from their payment rows. Nothing is re-priced; refund rows are stored negative, so
 * plain sums give the net.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import * as cmd from './commands.ts';
import type { Ledger } from './db.ts';
import { bills, payments } from './schema.ts';
import { takenAtTill } from './till-bills.ts';
import type { DaySummary, PaymentMethod } from './types.ts';

/** The order a cashier counts the drawer in: the member's money first, then the till's. */
export const DRAWER_ORDER: readonly PaymentMethod[] = ['stored_value', 'points', 'cash', 'wechat', 'alipay', 'card', 'forfeited_bonus', 'imported'];

/**
 * Two reads without a transaction: better-sqlite3 runs them back to back on the main process's one
 * connection, so no write can land between them.
 */
export function daySummary(ledger: Ledger, input: z.input<typeof cmd.daySummary>): DaySummary {
  const { businessDate: day } = cmd.daySummary.parse(input);
  return { businessDate: day, ...billTotals(ledger, eq(bills.businessDate, day)), byMethod: methodTotals(ledger, day) };
}

/** The till's bills matching `where` added up; also the shift close's (shifts/totals.ts), so the two never disagree. */
export function billTotals(ledger: Ledger, where: SQL | undefined): Omit<DaySummary, 'businessDate' | 'byMethod'> {
  const isSale = sql`${bills.kind} = 'sale'`;
  const isRefund = sql`${bills.kind} = 'refund'`;
  const row = ledger.db
    .select({
      salesCount: sql<number>`coalesce(sum(${isSale}), 0)`,
      refundsCount: sql<number>`coalesce(sum(${isRefund}), 0)`,
      salesMinor: sql<number>`coalesce(sum(case when ${isSale} then ${bills.totalMinor} end), 0)`,
      refundsMinor: sql<number>`coalesce(-sum(case when ${isRefund} then ${bills.totalMinor} end), 0)`,
      netMinor: sql<number>`coalesce(sum(${bills.totalMinor}), 0)`,
      pointsEarned: sql<number>`coalesce(sum(${bills.pointsEarned}), 0)`,
    })
    .from(bills)
    .where(and(where, takenAtTill))
    .get();
  // An aggregate without GROUP BY always yields one row.
  return row!;
}

function methodTotals(ledger: Ledger, day: string): DaySummary['byMethod'] {
  const rows = ledger.db
    .select({ method: payments.method, netMinor: sql<number>`sum(${payments.amountMinor})` })
    .from(payments)
    .innerJoin(bills, eq(payments.billId, bills.id))
    .where(and(eq(bills.businessDate, day), takenAtTill))
    .groupBy(payments.method)
    .all();
  return rows.sort((a, b) => DRAWER_ORDER.indexOf(a.method) - DRAWER_ORDER.indexOf(b.method));
}
