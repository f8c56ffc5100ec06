/**
 * A till at work, one random sale at a time, for backups taken while it works: top-ups, checkouts paid
 * from stored value (when the balance allows) or in cash, walk-ins, and refunds of earlier sales. Each
 * call commits one thing through the ledger's own use cases, so every money rule applies.
 */
import { checkout, quoteCheckout, refundBill } from '../../src-main/ledger/bills.ts';
import type { Ledger } from '../../src-main/ledger/db.ts';
import { getMember } from '../../src-main/ledger/members.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import { newKey } from '../helpers/ledger.ts';
import type { Shop } from '../helpers/shop.ts';

/** A small deterministic generator (mulberry32), so a failing run can be repeated from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TillActivity {
  /** One more thing done at the till (committed). */
  step: () => void;
  /** Bills made so far by this till. */
  sales: number;
}

/** `ledger` is read on every step (a test may hand in a getter over a reopened connection). */
export function tillActivity(ledger: () => Ledger, staffId: string, shop: Shop, random: () => number): TillActivity {
  const sold: string[] = [];
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const products = [shop.products.coffee, shop.products.cake, shop.products.beans, shop.products.penny];
  const activity: TillActivity = {
    sales: 0,
    step() {
      const l = ledger();
      const roll = random();
      const member = pick(shop.members);
      if (roll < 0.2) {
        topUp(l, { idempotencyKey: newKey('bk'), staffId, memberId: member.id, principalMinor: 1_000 + Math.floor(random() * 60_000), method: 'cash' });
        return;
      }
      if (roll < 0.3 && sold.length > 0) {
        const index = Math.floor(random() * sold.length);
        const [billId] = sold.splice(index, 1);
        refundBill(l, { idempotencyKey: newKey('bk'), staffId, billId: billId! });
        return;
      }
      const walkIn = roll > 0.85;
      const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ productId: pick(products).id, quantity: 1 + Math.floor(random() * 3) }));
      const memberId = walkIn ? null : member.id;
      const quote = quoteCheckout(l, { memberId, lines });
      const balance = walkIn ? 0 : getMember(l, member.id).balancePrincipalMinor + getMember(l, member.id).balanceBonusMinor;
      const payments =
        !walkIn && balance >= quote.totalMinor && quote.totalMinor > 0
          ? [{ method: 'stored_value' as const, amountMinor: quote.totalMinor }]
          : [{ method: 'cash' as const, amountMinor: quote.totalMinor, tenderedMinor: quote.totalMinor + Math.floor(random() * 500) }];
      const done = checkout(l, { idempotencyKey: newKey('bk'), staffId, memberId, lines, payments: quote.totalMinor > 0 ? payments : [] });
      sold.push(done.bill.id);
      activity.sales += 1;
    },
  };
  return activity;
}
