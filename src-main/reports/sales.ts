/**
 * Sales over a range of business days, by day, week or month and by payment method.
 *
 * Definitions (the same as the day summary, ledger/day-summary.ts, which a test holds equal day by day):
 * - Bills taken at the till only (ledger/till-bills.ts); each counts on its own business day, so a refund
 *   lowers the day it was made, not the day of the sale it reverses.
 * - Sales = what sale bills came to (after tier discounts); refunds = what refund bills gave back;
 *   net sales = sales − refunds = the plain sum of bill totals (refunds are stored negative).
 * - By payment method: each bill's payment rows, which add up to its total, so the methods add up to
 *   net sales. Stored value and points are listed as methods (they settled part of the bills) but are
 *   not new money: stored value came in at its top-up (topups.ts counts it there), points are the
 *   shop's discount for earlier spending. `takenMinor` is the net of cash, card, WeChat Pay and Alipay.
 */
import { DRAWER_ORDER } from '../ledger/day-summary.ts';
import type { Ledger } from '../ledger/db.ts';
import { prepared } from '../ledger/prepared.ts';
import type { PaymentMethod } from '../ledger/types.ts';
import * as cmd from './commands.ts';
import { checkRange, rollUp } from './range.ts';
import { TILL_BILL } from '../ledger/till-bills.ts';
import type { MethodClass, MethodTotal, SalesFigures, SalesReport } from './types.ts';

/** What each method a bill can be settled with is (see MethodClass); imported bills never reach a report. */
export const METHOD_CLASS: Record<Exclude<PaymentMethod, 'imported'>, MethodClass> = {
  cash: 'money',
  card: 'money',
  wechat: 'money',
  alipay: 'money',
  stored_value: 'stored_value',
  forfeited_bonus: 'stored_value',
  points: 'points',
};

type DaySales = SalesFigures & { day: string };

const DAILY_SQL = `
  select b.business_date as day,
    sum(b.kind = 'sale') as salesCount,
    sum(b.kind = 'refund') as refundsCount,
    coalesce(sum(case when b.kind = 'sale' then b.total_minor end), 0) as salesMinor,
    coalesce(-sum(case when b.kind = 'refund' then b.total_minor end), 0) as refundsMinor,
    sum(b.total_minor) as netMinor,
    sum(b.discount_minor) as discountMinor,
    sum(b.points_earned) as pointsEarned
  from bills b
  where b.business_date between ? and ? and ${TILL_BILL}
  group by b.business_date`;

const BY_METHOD_SQL = `
  select p.method as method,
    coalesce(sum(case when b.kind = 'sale' then p.amount_minor end), 0) as salesMinor,
    coalesce(-sum(case when b.kind = 'refund' then p.amount_minor end), 0) as refundsMinor,
    sum(p.amount_minor) as netMinor
  from bills b join payments p on p.bill_id = b.id
  where b.business_date between ? and ? and ${TILL_BILL}
  group by p.method`;

export const zeroSales = (): SalesFigures => ({ salesCount: 0, refundsCount: 0, salesMinor: 0, refundsMinor: 0, netMinor: 0, discountMinor: 0, pointsEarned: 0 });

export function addSales(into: SalesFigures, day: SalesFigures): void {
  into.salesCount += day.salesCount;
  into.refundsCount += day.refundsCount;
  into.salesMinor += day.salesMinor;
  into.refundsMinor += day.refundsMinor;
  into.netMinor += day.netMinor;
  into.discountMinor += day.discountMinor;
  into.pointsEarned += day.pointsEarned;
}

/** Net sales per business day in the range (days without bills left out). */
export function dailySales(ledger: Ledger, from: string, to: string): DaySales[] {
  return prepared<DaySales>(ledger.sqlite, DAILY_SQL).all(from, to);
}

export function salesReport(ledger: Ledger, input: cmd.GroupedRangeInput): SalesReport {
  const { from, to, groupBy } = cmd.groupedRange.parse(input);
  checkRange(from, to);
  const days = dailySales(ledger, from, to);
  const totals = zeroSales();
  for (const d of days) addSales(totals, d);
  const byMethod = prepared<Omit<MethodTotal, 'kind'> & { method: keyof typeof METHOD_CLASS }>(ledger.sqlite, BY_METHOD_SQL)
    .all(from, to)
    .map((m) => ({ ...m, kind: METHOD_CLASS[m.method] }))
    .sort((a, b) => DRAWER_ORDER.indexOf(a.method) - DRAWER_ORDER.indexOf(b.method));
  const takenMinor = byMethod.filter((m) => m.kind === 'money').reduce((sum, m) => sum + m.netMinor, 0);
  return {
    from,
    to,
    groupBy,
    totals: { ...totals, takenMinor },
    buckets: rollUp(from, to, groupBy, days, zeroSales, addSales),
    byMethod,
  };
}
