/** Requests the crash worker sends, rebuilt the same way by the test to retry one after a crash. */
import type { CheckoutCommit } from '../../src-main/ledger/commands.ts';

/** The big walk-in bill of loop step `i`: 40 lines, split over card and wechat. */
export function walkInBill(key: string, staffId: string, i: number): CheckoutCommit {
  const lines = Array.from({ length: 40 }, (_, n) => ({ name: `item ${n}`, amountMinor: 100 + n + i, quantity: 1 + (n % 2) }));
  const total = lines.reduce((a, l) => a + l.amountMinor * l.quantity, 0);
  return { idempotencyKey: key, staffId, lines, payments: [{ method: 'card', amountMinor: total - 1000 }, { method: 'wechat', amountMinor: 1000 }] };
}
