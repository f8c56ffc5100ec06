/**
 * Plays a shop's visit history (customer-behaviour.ts) into a ledger: for each visit, what the
 * customer buys and how they pay, and for stored-value customers a top-up when the card runs low.
 *
 * The same play goes to either of two sinks: the ledger's own use cases (`checkout`, `topUp`), or the
 * bulk writer (bulk-history.ts), which writes the same rows with prepared statements. The bulk
 * writer's check plays a small history into both and compares every row, so the fast path cannot
 * drift from what a till writes.
 */
import type { Random } from '../../src-main/demo/random.ts';
import { FREE_LINES, type DemoShop } from '../../src-main/demo/shop-setup.ts';
import { checkout, quoteCheckout } from '../../src-main/ledger/bills.ts';
import type { CheckoutCommit } from '../../src-main/ledger/commands.ts';
import type { Ledger } from '../../src-main/ledger/db.ts';
import { members } from '../../src-main/ledger/schema.ts';
import type { Settings } from '../../src-main/ledger/settings-schema.ts';
import { pointsRedeemableMinor } from '../../src-main/ledger/tender.ts';
import type { ExternalMethod } from '../../src-main/ledger/types.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import { eq } from 'drizzle-orm';
import type { Customer, Visits } from './customer-behaviour.ts';

export type CartLine = CheckoutCommit['lines'][number];
export type TenderLine = CheckoutCommit['payments'][number];

export interface SaleOp {
  memberId: string;
  staffId: string;
  /** Epoch milliseconds: the bill's time (and the clock of the ids written with it). */
  at: number;
  lines: CartLine[];
  payments: TenderLine[];
}

export interface TopupOp {
  memberId: string;
  staffId: string;
  at: number;
  principalMinor: number;
  method: ExternalMethod;
}

export interface MemberHoldings {
  principal: number;
  bonus: number;
  points: number;
}

/** Where a played history goes. */
export interface HistorySink {
  holdings: (memberId: string) => MemberHoldings;
  /** The bill total for this member's cart (tier discount applied). */
  totalOf: (memberId: string, lines: CartLine[]) => number;
  topUp: (op: TopupOp) => void;
  sale: (op: SaleOp) => void;
}

/** What a played history contains, for the generation notes (and the check, which wants every kind). */
export interface PlayCounts {
  sales: number;
  topups: number;
  storedValueSales: number;
  storedValuePartly: number;
  pointsRedeemed: number;
  splitExternal: number;
  cashWithChange: number;
  customLines: number;
  lines: number;
  payments: number;
  /** Written after the history by the shop generator (refundBill), not by the play. */
  refunds?: number;
}

const METHODS: readonly ExternalMethod[] = ['wechat', 'alipay', 'cash', 'card'];
const LINE_COUNTS: ReadonlyArray<readonly [number, number]> = [[1, 55], [2, 33], [3, 12]];
const QUANTITIES: ReadonlyArray<readonly [number, number]> = [[1, 88], [2, 10], [3, 2]];
/** A stored-value customer tops up when the card would drop below this after the bill. */
const TOPUP_CUSHION_MINOR = 3_000;
/** Points are redeemed now and then once they pay for at least ¥10. */
const REDEEM_FROM_MINOR = 1_000;

/** Local time of `second` after midnight on `day` (calendar fields, so DST-safe). */
function timeOf(firstDay: Date, day: number, second: number): number {
  return new Date(firstDay.getFullYear(), firstDay.getMonth(), firstDay.getDate() + day, 0, 0, second).getTime();
}

export interface PlayInput {
  rng: Random;
  sink: HistorySink;
  shop: DemoShop;
  settings: Settings;
  /** Member ids, customer i being member i. */
  memberIds: readonly string[];
  customers: readonly Customer[];
  visits: Visits;
  /** Local midnight of day 0. */
  firstDay: Date;
  /** Called every `every` visits, for progress and for committing in chunks. */
  onProgress?: (done: number) => void;
  every?: number;
}

export function playHistory(input: PlayInput): PlayCounts {
  const { rng, sink, shop, settings, memberIds, customers, visits } = input;
  const popular = shop.products.map((p) => [p, p.weight] as const);
  const counts: PlayCounts = { sales: 0, topups: 0, storedValueSales: 0, storedValuePartly: 0, pointsRedeemed: 0, splitExternal: 0, cashWithChange: 0, customLines: 0, lines: 0, payments: 0 };
  let last = 0;
  const every = input.every ?? 10_000;

  const cart = (customer: Customer): CartLine[] => {
    const lines: CartLine[] = [];
    const count = rng.weighted(LINE_COUNTS);
    for (let i = 0; i < count; i++) {
      if (rng.chance(0.04)) {
        const [name, amountMinor] = rng.pick(FREE_LINES);
        lines.push({ name, amountMinor, quantity: 1 });
        counts.customLines++;
        continue;
      }
      const product = rng.chance(0.6) ? shop.products[rng.pick(customer.favorites)]! : rng.weighted(popular);
      const quantity = rng.weighted(QUANTITIES);
      const same = lines.find((l) => 'productId' in l && l.productId === product.id);
      if (same) same.quantity = (same.quantity ?? 1) + quantity;
      else lines.push({ productId: product.id, quantity });
    }
    counts.lines += lines.length;
    return lines;
  };

  const external = (customer: Customer, amountMinor: number, not?: ExternalMethod): TenderLine => {
    let method = rng.chance(0.85) ? customer.method : rng.pick(METHODS);
    if (method === not) method = METHODS.find((m) => m !== not)!;
    if (method !== 'cash' || rng.chance(0.5)) return { method, amountMinor };
    // Cash handed over rounded up to a note: ¥10, ¥50 or ¥100.
    const note = rng.pick([1_000, 5_000, 10_000]);
    const tenderedMinor = Math.ceil(amountMinor / note) * note;
    if (tenderedMinor > amountMinor) counts.cashWithChange++;
    return { method, amountMinor, tenderedMinor };
  };

  for (let k = 0; k < visits.count; k++) {
    const c = visits.customer[k]!;
    const customer = customers[c]!;
    const memberId = memberIds[c]!;
    const second = visits.second[k]!;
    const staffId = rng.chance(0.05) ? shop.owner.id : second < 14 * 3600 ? shop.morning.id : shop.afternoon.id;
    // Every row gets its own instant, strictly increasing, so the ids (UUIDv7) are in time order too.
    const next = () => (last = Math.max(timeOf(input.firstDay, visits.day[k]!, second), last + 1));
    const lines = cart(customer);
    const total = sink.totalOf(memberId, lines);
    let holdings = sink.holdings(memberId);
    const payments: TenderLine[] = [];

    if (customer.storedValue) {
      if (holdings.principal + holdings.bonus < total + TOPUP_CUSHION_MINOR && rng.chance(0.85)) {
        const principalMinor = Math.max(customer.topupMinor, Math.ceil(total / 10_000) * 10_000);
        sink.topUp({ memberId, staffId, at: next(), principalMinor, method: customer.method });
        counts.topups++;
        holdings = sink.holdings(memberId);
      }
      const onCard = Math.min(total, holdings.principal + holdings.bonus);
      if (onCard > 0) payments.push({ method: 'stored_value', amountMinor: onCard });
      if (onCard < total) payments.push(external(customer, total - onCard));
      if (onCard > 0) counts.storedValueSales++;
      if (onCard > 0 && onCard < total) counts.storedValuePartly++;
    } else {
      const redeemable = pointsRedeemableMinor(holdings.points, settings);
      if (redeemable >= REDEEM_FROM_MINOR && rng.chance(0.08)) {
        const byPoints = Math.min(total, redeemable);
        payments.push({ method: 'points', amountMinor: byPoints });
        if (byPoints < total) payments.push(external(customer, total - byPoints));
        counts.pointsRedeemed++;
      } else if (total >= 2 && rng.chance(0.02)) {
        const first = external(customer, rng.int(1, total - 1));
        payments.push(first, external(customer, total - first.amountMinor, first.method as ExternalMethod));
        counts.splitExternal++;
      } else {
        payments.push(external(customer, total));
      }
    }
    sink.sale({ memberId, staffId, at: next(), lines, payments });
    counts.sales++;
    counts.payments += payments.length;
    if (input.onProgress && (k + 1) % every === 0) input.onProgress(k + 1);
  }
  return counts;
}

/**
 * The ledger's own use cases as a sink: each sale is a `checkout`, each top-up a `topUp`, with the
 * clock set to the op's time. What the bulk writer is compared against.
 */
export function useCaseSink(ledger: Ledger, setNow: (t: number) => void): HistorySink {
  let n = 0;
  return {
    holdings: (memberId) => {
      const row = ledger.db.select().from(members).where(eq(members.id, memberId)).get()!;
      return { principal: row.balancePrincipalMinor, bonus: row.balanceBonusMinor, points: row.points };
    },
    totalOf: (memberId, lines) => quoteCheckout(ledger, { memberId, lines }).totalMinor,
    topUp: (op) => {
      setNow(op.at);
      topUp(ledger, { idempotencyKey: `history-${n++}`, staffId: op.staffId, memberId: op.memberId, principalMinor: op.principalMinor, method: op.method });
    },
    sale: (op) => {
      setNow(op.at);
      checkout(ledger, { idempotencyKey: `history-${n++}`, staffId: op.staffId, memberId: op.memberId, lines: op.lines, payments: op.payments });
    },
  };
}
