/**
 * A day's figures as recorded: sales and refunds are added up from the bills' own totals, the
 * payment methods from the bills' own payment rows. Nothing is priced or split here.
 */
import { sumMinor } from '../../../src-main/ledger/money.ts';
import type { Bill, BillSummary, PaymentMethod } from '../../../src-main/ledger/types.ts';

export interface DayTotals {
  salesCount: number;
  salesMinor: number;
  refundsCount: number;
  /** Negative, as refund bills are stored. */
  refundsMinor: number;
  netMinor: number;
}

export interface MethodTotal {
  method: PaymentMethod;
  amountMinor: number;
}

/** The order a cashier counts the drawer in: the member's money first, then the till's. */
const METHOD_ORDER: readonly PaymentMethod[] = ['stored_value', 'points', 'cash', 'wechat', 'alipay', 'card', 'forfeited_bonus'];

export function dayTotals(bills: readonly BillSummary[]): DayTotals {
  const sales = bills.filter((b) => b.kind === 'sale');
  const refunds = bills.filter((b) => b.kind === 'refund');
  const salesMinor = sumMinor(sales.map((b) => b.totalMinor));
  const refundsMinor = sumMinor(refunds.map((b) => b.totalMinor));
  return { salesCount: sales.length, salesMinor, refundsCount: refunds.length, refundsMinor, netMinor: sumMinor([salesMinor, refundsMinor]) };
}

/** Net amount per payment method over the day's bills (refund payments are stored negative). */
export function methodTotals(bills: Iterable<Bill>): MethodTotal[] {
  const byMethod = new Map<PaymentMethod, number[]>();
  for (const bill of bills) {
    for (const p of bill.payments) byMethod.set(p.method, [...(byMethod.get(p.method) ?? []), p.amountMinor]);
  }
  return METHOD_ORDER.filter((m) => byMethod.has(m)).map((method) => ({ method, amountMinor: sumMinor(byMethod.get(method)!) }));
}

export type RefundState = 'all' | 'part' | null;

/** How much of a sale has been refunded so far, from its lines' refunded quantities. */
export function refundState(bill: Bill): RefundState {
  if (bill.kind !== 'sale') return null;
  const refunded = bill.lines.filter((l) => l.refundedQuantity > 0);
  if (refunded.length === 0) return null;
  return bill.lines.every((l) => l.refundedQuantity >= l.quantity) ? 'all' : 'part';
}

/** Lines that still have something to refund. */
export function hasRefundableLines(bill: Bill): boolean {
  return bill.kind === 'sale' && bill.lines.some((l) => l.quantity - l.refundedQuantity > 0);
}
