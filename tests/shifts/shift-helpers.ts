/** What the shift tests share: a second cashier, and the ledger's own money calls in few words. */
import { staff } from '../../src-main/ledger/schema.ts';
import type { Ledger } from '../../src-main/ledger/db.ts';
import { newId } from '../../src-main/ledger/ids.ts';
import { isoTime } from '../../src-main/ledger/time.ts';
import { checkout, refundBill } from '../../src-main/ledger/bills.ts';
import { refundTopup, topUp } from '../../src-main/ledger/wallet.ts';
import type { CheckoutCommit } from '../../src-main/ledger/commands.ts';
import { newKey } from '../helpers/ledger.ts';

/** Another cashier on this till (staff management is its own area; the row is all a shift needs). */
export function addCashier(ledger: Ledger, name: string): string {
  const id = newId();
  ledger.db.insert(staff).values({ id, tillId: ledger.tillId, name, role: 'cashier', createdAt: isoTime(ledger.clock()) }).run();
  return id;
}

export type Tender = CheckoutCommit['payments'][number];

/** One custom line of `amountMinor`, paid as given. */
export function sell(ledger: Ledger, staffId: string, amountMinor: number, payments: Tender[], memberId?: string) {
  return checkout(ledger, { idempotencyKey: newKey(), staffId, memberId: memberId ?? null, lines: [{ name: '测试商品', amountMinor }], payments });
}

export function refundAll(ledger: Ledger, staffId: string, billId: string) {
  return refundBill(ledger, { idempotencyKey: newKey(), staffId, billId });
}

export function topUpBy(ledger: Ledger, staffId: string, memberId: string, principalMinor: number, method: 'cash' | 'card' | 'wechat' | 'alipay') {
  return topUp(ledger, { idempotencyKey: newKey(), staffId, memberId, principalMinor, method });
}

export function refundTopupBy(ledger: Ledger, staffId: string, topupId: string, principalMinor: number, method?: 'cash' | 'card' | 'wechat' | 'alipay') {
  return refundTopup(ledger, { idempotencyKey: newKey(), staffId, topupId, principalMinor, ...(method ? { method } : {}) });
}
