/**
 * The fast bill writer for bench shops with years of history (2,000,000 bills and more). A bill
 * through `checkout` costs about 3 ms (zod, drizzle query building, the member loaded and updated per
 * bill); here the same rows are written with prepared statements: the bill, its lines, its payments,
 * the wallet entry of a stored-value part and the points entries (redeemed, earned), top-ups with their
 * wallet entries, and the per-day bill number counters. Pricing is the ledger's own (`quoteCheckout`,
 * remembered per tier and cart) and so is the tender (`planTender`: what stored value and points
 * draw, the change, the points earned). The members' cached figures (totals, visits, visit days,
 * points, balances) are set once at the end, in SQL, from the rows written, and the lapsed list's
 * figures from those by the ledger's own `refreshAllMemberFigures`.
 *
 * `assertBulkLikeUseCases` plays the same small history into a ledger through `checkout`/`topUp` and
 * into another through this writer, and compares every row of every table they touch; the bench
 * generator runs it before writing a shop, so the writer fails rather than drift from the use cases.
 */
import { eq } from 'drizzle-orm';
import { demoIdSource } from '../../src-main/demo/generate.ts';
import { makePerson } from '../../src-main/demo/names.ts';
import { Random } from '../../src-main/demo/random.ts';
import { setUpShop } from '../../src-main/demo/shop-setup.ts';
import { withStatementCache } from '../../src-main/demo/statement-cache.ts';
import { quoteCheckout } from '../../src-main/ledger/bills.ts';
import { closeLedger, openLedger, type Ledger } from '../../src-main/ledger/db.ts';
import { newId, withIdSource } from '../../src-main/ledger/ids.ts';
import { refreshAllMemberFigures } from '../../src-main/ledger/member-figures.ts';
import { createMember } from '../../src-main/ledger/members.ts';
import { members } from '../../src-main/ledger/schema.ts';
import { getSettings } from '../../src-main/ledger/settings.ts';
import { planTender } from '../../src-main/ledger/tender.ts';
import { businessDate, isoTime } from '../../src-main/ledger/time.ts';
import { inTransaction } from '../../src-main/ledger/transaction.ts';
import type { CheckoutQuote, Tier } from '../../src-main/ledger/types.ts';
import { quoteTopup } from '../../src-main/ledger/wallet.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { planCustomers, scheduleVisits, type Customer } from './customer-behaviour.ts';
import { playHistory, useCaseSink, type CartLine, type HistorySink, type MemberHoldings, type PlayCounts } from './history-play.ts';

interface Holder extends MemberHoldings {
  tier: Pick<Tier, 'id' | 'pointsPerUnit'>;
}

export interface BulkHistoryWriter extends HistorySink {
  /** Bill counters, then the members' cached figures from the rows; call once, after the last op. */
  finish: () => void;
  /** Distinct (tier, cart) pairs priced through quoteCheckout, and the time that took. */
  pricing: () => { carts: number; ms: number };
}

/**
 * A sink that writes rows directly. `memberTiers` are the members the history is about (they already
 * exist, with no bills yet); `setNow` moves the clock the ids take their time from.
 */
export function bulkHistoryWriter(ledger: Ledger, memberTiers: ReadonlyMap<string, Pick<Tier, 'id' | 'pointsPerUnit'>>, setNow: (t: number) => void): BulkHistoryWriter {
  const sqlite = ledger.sqlite;
  const till = ledger.tillId;
  const settings = getSettings(ledger);
  const holders = new Map<string, Holder>();
  for (const [id, tier] of memberTiers) holders.set(id, { principal: 0, bonus: 0, points: 0, tier });
  const holder = (memberId: string) => {
    const h = holders.get(memberId);
    if (!h) throw new Error(`bulk history: unknown member ${memberId}`);
    return h;
  };

  const insertBill = sqlite.prepare(
    `insert into bills (id, till_id, bill_no, business_date, kind, original_bill_id, member_id, staff_id, subtotal_minor, discount_minor,
       total_minor, points_earned, points_reversal_waived, tier_discount_bp, note, created_at)
     values (?, ?, ?, ?, 'sale', null, ?, ?, ?, ?, ?, ?, 0, ?, '', ?)`,
  );
  const insertLine = sqlite.prepare(
    `insert into bill_lines (id, bill_id, line_no, product_id, name, unit_price_minor, quantity, gross_minor, discount_minor, net_minor, refund_of_line_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)`,
  );
  const insertPayment = sqlite.prepare(
    `insert into payments (id, till_id, bill_id, method, amount_minor, tendered_minor, change_minor, principal_minor, bonus_minor, points, refund_of_payment_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)`,
  );
  const insertWallet = sqlite.prepare(
    `insert into wallet_entries (id, till_id, member_id, kind, principal_delta_minor, bonus_delta_minor, principal_after_minor, bonus_after_minor,
       bill_id, topup_id, reason, staff_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const insertPoints = sqlite.prepare(
    `insert into points_entries (id, till_id, member_id, kind, delta, balance_after, bill_id, reason, staff_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const insertTopup = sqlite.prepare(
    `insert into topups (id, till_id, kind, original_topup_id, member_id, staff_id, method, principal_minor, bonus_minor, bonus_rule_id, business_date, note, created_at)
     values (?, ?, 'topup', null, ?, ?, ?, ?, ?, ?, ?, '', ?)`,
  );

  // The ledger's pricing, asked once per tier and cart (a café's carts repeat a lot).
  const prices = new Map<string, CheckoutQuote>();
  let pricingMs = 0;
  const price = (memberId: string, lines: CartLine[]) => {
    const key = `${holder(memberId).tier.id}|${JSON.stringify(lines)}`;
    let quote = prices.get(key);
    if (!quote) {
      const started = performance.now();
      prices.set(key, (quote = quoteCheckout(ledger, { memberId, lines })));
      pricingMs += performance.now() - started;
    }
    return quote;
  };
  const topupQuotes = new Map<number, ReturnType<typeof quoteTopup>>();
  // Bill numbers continue per business day and till, as nextBillNo in src-main/ledger/bills.ts.
  const billsOfDay = new Map<string, number>();

  return {
    holdings: (memberId) => {
      const { principal, bonus, points } = holder(memberId);
      return { principal, bonus, points };
    },
    totalOf: (memberId, lines) => price(memberId, lines).totalMinor,

    topUp: (op) => {
      setNow(op.at);
      const h = holder(op.memberId);
      let quote = topupQuotes.get(op.principalMinor);
      if (!quote) topupQuotes.set(op.principalMinor, (quote = quoteTopup(ledger, { principalMinor: op.principalMinor })));
      const now = new Date(op.at);
      const createdAt = isoTime(now);
      const id = newId();
      insertTopup.run(id, till, op.memberId, op.staffId, op.method, quote.principalMinor, quote.bonusMinor, quote.bonusRuleId, businessDate(now), createdAt);
      h.principal += quote.principalMinor;
      h.bonus += quote.bonusMinor;
      insertWallet.run(newId(), till, op.memberId, 'topup', quote.principalMinor, quote.bonusMinor, h.principal, h.bonus, null, id, op.staffId, createdAt);
    },

    sale: (op) => {
      setNow(op.at);
      const h = holder(op.memberId);
      const quote = price(op.memberId, op.lines);
      const plan = planTender({ balancePrincipalMinor: h.principal, balanceBonusMinor: h.bonus, points: h.points, pointsPerUnit: h.tier.pointsPerUnit }, settings, quote.totalMinor, op.payments);
      if (plan.dueMinor !== 0 || plan.problems.length > 0) throw new Error(`bulk history: a sale the till would refuse: ${JSON.stringify({ op, due: plan.dueMinor, problems: plan.problems })}`);
      const now = new Date(op.at);
      const createdAt = isoTime(now);
      const day = businessDate(now);
      const seq = (billsOfDay.get(day) ?? 0) + 1;
      billsOfDay.set(day, seq);
      const billId = newId();
      const paymentIds = plan.payments.map(() => newId());
      insertBill.run(billId, till, `${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`, day, op.memberId, op.staffId,
        quote.subtotalMinor, quote.discountMinor, quote.totalMinor, plan.pointsEarned, quote.tierDiscountBp, createdAt);
      quote.lines.forEach((l, i) =>
        insertLine.run(newId(), billId, i + 1, l.productId, l.name, l.unitPriceMinor, l.quantity, l.grossMinor, l.discountMinor, l.netMinor),
      );
      plan.payments.forEach((p, i) =>
        insertPayment.run(paymentIds[i]!, till, billId, p.method, p.amountMinor, p.tenderedMinor, p.changeMinor, p.principalMinor, p.bonusMinor, p.points, createdAt),
      );
      const { storedValue, pointsRedeemed, pointsEarned } = plan;
      if (storedValue.principal + storedValue.bonus > 0) {
        h.principal -= storedValue.principal;
        h.bonus -= storedValue.bonus;
        insertWallet.run(newId(), till, op.memberId, 'spend', -storedValue.principal, -storedValue.bonus, h.principal, h.bonus, billId, null, op.staffId, createdAt);
      }
      if (pointsRedeemed > 0) {
        h.points -= pointsRedeemed;
        insertPoints.run(newId(), till, op.memberId, 'redeem', -pointsRedeemed, h.points, billId, op.staffId, createdAt);
      }
      if (pointsEarned > 0) {
        h.points += pointsEarned;
        insertPoints.run(newId(), till, op.memberId, 'earn', pointsEarned, h.points, billId, op.staffId, createdAt);
      }
    },

    pricing: () => ({ carts: prices.size, ms: Math.round(pricingMs) }),

    finish: () => {
      const counter = sqlite.prepare('insert into counters(name, value) values (?, ?) on conflict(name) do update set value = excluded.value');
      for (const [day, n] of billsOfDay) counter.run(`bill:${till}:${day}`, n);
      setMemberFiguresFromRows(ledger);
      // Monthly spend and the lapsed day, from the figures just set, as the ledger works them out.
      refreshAllMemberFigures(ledger, settings.retention);
    },
  };
}

/** The tables the history writer fills. */
const HISTORY_TABLES = ['bills', 'bill_lines', 'payments', 'topups', 'wallet_entries', 'points_entries'] as const;

/**
 * Runs `fn` (which writes the history) the way bulk loads are done: the secondary indexes of the
 * history tables are dropped first and made again afterwards from their own CREATE statements (one
 * sort each instead of millions of inserts at random places; the unique bill number index, made
 * again, proves the numbers unique), foreign keys are checked in one pass at the end instead of row by
 * row, and there is no rollback journal (a failed generation throws its file away). The schema
 * afterwards is the migrations' own; the indexes are packed fuller than a till's would be.
 */
export function bulkLoad<T>(ledger: Ledger, fn: () => T): { result: T; indexMs: number; foreignKeyMs: number } {
  const sqlite = ledger.sqlite;
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${HISTORY_TABLES.map((t) => `'${t}'`).join(', ')}) order by rowid`)
    .all() as Array<{ name: string; sql: string }>;
  const journal = sqlite.pragma('journal_mode', { simple: true }) as string;
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('journal_mode = OFF');
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  const result = fn();
  let started = performance.now();
  for (const index of indexes) sqlite.exec(index.sql);
  const indexMs = performance.now() - started;
  started = performance.now();
  const dangling = sqlite.pragma('foreign_key_check') as unknown[];
  if (dangling.length > 0) throw new Error(`bulk history: ${dangling.length} rows point at nothing, e.g. ${JSON.stringify(dangling.slice(0, 3))}`);
  const foreignKeyMs = performance.now() - started;
  sqlite.pragma(`journal_mode = ${journal}`);
  sqlite.pragma('foreign_keys = ON');
  return { result, indexMs: Math.round(indexMs), foreignKeyMs: Math.round(foreignKeyMs) };
}

/**
 * The cached figures on every member row, from the rows themselves: what checkout and the wallet and
 * points use cases keep up to date bill by bill (src-main/ledger/invariants.ts states the same rules).
 */
function setMemberFiguresFromRows(ledger: Ledger): void {
  ledger.sqlite.exec(`
    update members set
      total_spent_minor = b.spent, visit_count = b.visits, first_visit_at = b.first_at, last_visit_at = b.last_at,
      visit_days = b.days, first_visit_date = b.first_day, last_visit_date = b.last_day
    from (
      select member_id, sum(total_minor) spent, sum(kind = 'sale') visits,
        min(case when kind = 'sale' then created_at end) first_at, max(case when kind = 'sale' then created_at end) last_at,
        count(distinct case when kind = 'sale' then business_date end) days,
        min(case when kind = 'sale' then business_date end) first_day, max(case when kind = 'sale' then business_date end) last_day
      from bills where member_id is not null group by member_id) b
    where b.member_id = members.id;
    update members set points = e.points
    from (select member_id, sum(delta) points from points_entries group by member_id) e
    where e.member_id = members.id;
    update members set balance_principal_minor = w.principal, balance_bonus_minor = w.bonus
    from (select member_id, sum(principal_delta_minor) principal, sum(bonus_delta_minor) bonus from wallet_entries group by member_id) w
    where w.member_id = members.id;`);
}

// ---------------------------------------------------------------- the check against the use cases

/** Tables whose rows both paths write (idempotency keys are the use cases' own and are left out). */
const COMPARED = ['members', 'bills', 'bill_lines', 'payments', 'topups', 'wallet_entries', 'points_entries', 'counters'] as const;

/**
 * Every row of the compared tables in insertion order, with each row id replaced by table and
 * position (and the till id by a name), so two ledgers that wrote the same things compare equal
 * whatever ids they drew.
 */
function normalizedRows(ledger: Ledger): Record<string, unknown[]> {
  const names = new Map<string, string>([[ledger.tillId, 'till']]);
  const tables: Record<string, Array<Record<string, unknown>>> = {};
  for (const table of ['tills', 'staff', 'tiers', 'products', 'topup_bonus_rules', ...COMPARED]) {
    const rows = ledger.sqlite.prepare(`select * from ${table} order by rowid`).all() as Array<Record<string, unknown>>;
    rows.forEach((row, i) => typeof row['id'] === 'string' && names.set(row['id'], `${table}#${i}`));
    tables[table] = rows;
  }
  const rename = (value: unknown) => (typeof value === 'string' ? (names.get(value) ?? value.replace(ledger.tillId, 'till')) : value);
  return Object.fromEntries(COMPARED.map((t) => [t, tables[t]!.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, rename(v)])))]));
}

/** One ledger with the demo café's setup and `people` signed up through createMember, all at `start`. */
function scratchLedger(seed: number, start: number, people: number): { ledger: Ledger; setNow: (t: number) => void; shop: ReturnType<typeof setUpShop>; memberIds: string[] } {
  let now = start;
  const setNow = (t: number) => (now = t);
  const ids = demoIdSource(seed, () => now);
  const ledger = withIdSource(ids, () => openLedger(':memory:', { migrationsFolder: MIGRATIONS_DIR, clock: () => new Date(now) }));
  return withIdSource(ids, () => {
    const shop = setUpShop(ledger);
    const rng = new Random(seed);
    const phones = new Set<string>();
    const tiers = [shop.tiers.standard, shop.tiers.silver, shop.tiers.gold];
    const memberIds = Array.from({ length: people }, (_, i) => {
      const person = makePerson(rng, phones);
      return createMember(ledger, { staffId: shop.owner.id, phone: person.phone, name: person.name, tierId: tiers[i % 3]!.id }).id;
    });
    return { ledger, setNow, shop, memberIds };
  });
}

/**
 * Plays the same history (a few dozen regulars over four months: top-ups, stored value that runs out
 * mid-bill, points redeemed, split and cash tenders, custom lines, second bills the same day) through
 * checkout/topUp and through the bulk writer, and refuses to go on if any row differs or if the
 * history missed one of those cases.
 */
export function assertBulkLikeUseCases(seed: number): PlayCounts {
  const DAYS = 120;
  const PEOPLE = 30;
  const firstDay = new Date(2026, 0, 5);
  const start = new Date(2026, 0, 5, 7, 30).getTime();
  const sides = [scratchLedger(seed, start, PEOPLE), scratchLedger(seed, start, PEOPLE)];
  try {
    const play = (side: (typeof sides)[number], sink: HistorySink) => {
      const rng = new Random(seed + 1);
      const planned = planCustomers(rng.fork(), PEOPLE, DAYS, side.shop.products.length);
      // Regulars only, every other one paying from stored value: a short history that has every case.
      const customers: Customer[] = planned.map((c, i) => ({ ...c, joinDay: i % 10, kind: i % 2 === 0 ? 'daily' : 'weekly', storedValue: i % 3 === 0, stopDay: DAYS, topupMinor: i % 4 === 0 ? 20_000 : 50_000 }));
      const visits = scheduleVisits(rng.fork(), customers, DAYS, 1_000);
      const ids = demoIdSource(seed + 2, () => side.ledger.clock().getTime());
      return withIdSource(ids, () =>
        inTransaction(side.ledger, () =>
          playHistory({ rng: rng.fork(), sink, shop: side.shop, settings: getSettings(side.ledger), memberIds: side.memberIds, customers, visits, firstDay }),
        ),
      );
    };
    const [viaUseCases, viaBulk] = sides as [(typeof sides)[number], (typeof sides)[number]];
    withStatementCache(viaUseCases.ledger.sqlite, () => play(viaUseCases, useCaseSink(viaUseCases.ledger, viaUseCases.setNow)));
    const tiers = new Map(
      viaBulk.memberIds.map((id) => {
        const row = viaBulk.ledger.db.select({ tierId: members.tierId }).from(members).where(eq(members.id, id)).get()!;
        const tier = Object.values(viaBulk.shop.tiers).find((t) => t.id === row.tierId)!;
        return [id, tier] as const;
      }),
    );
    const writer = bulkHistoryWriter(viaBulk.ledger, tiers, viaBulk.setNow);
    const counts = play(viaBulk, writer);
    inTransaction(viaBulk.ledger, () => writer.finish());

    const expected = normalizedRows(viaUseCases.ledger);
    const actual = normalizedRows(viaBulk.ledger);
    for (const table of COMPARED) {
      const a = expected[table]!;
      const b = actual[table]!;
      const at = a.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(b[i]));
      if (a.length !== b.length || at >= 0) {
        throw new Error(`bulk history rows differ from the use cases' in ${table} (${a.length} vs ${b.length} rows), first at ${at}:\n${JSON.stringify(a[at])}\n${JSON.stringify(b[at])}`);
      }
    }
    const missing = Object.entries(counts).filter(([, n]) => n === 0).map(([k]) => k);
    if (missing.length > 0) throw new Error(`the bulk history check played no ${missing.join(', ')}: make its history richer`);
    return counts;
  } finally {
    for (const side of sides) closeLedger(side.ledger);
  }
}
