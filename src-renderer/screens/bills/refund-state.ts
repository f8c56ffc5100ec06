/** Where a bill stands with refunds, from what the ledger says was refunded of it. Nothing is computed anew. */
import type { Bill, BillSummary } from '../../../src-main/ledger/types.ts';

export type RefundState = 'all' | 'part' | null;

/** A sale's refund state from its summary: what its refunds took back against its total. */
export function refundState(bill: BillSummary): RefundState {
  if (bill.kind !== 'sale' || bill.refundedMinor <= 0) return null;
  return bill.refundedMinor >= bill.totalMinor ? 'all' : 'part';
}

/** Lines that still have something to refund. */
export function hasRefundableLines(bill: Bill): boolean {
  return bill.kind === 'sale' && bill.lines.some((l) => l.quantity - l.refundedQuantity > 0);
}
