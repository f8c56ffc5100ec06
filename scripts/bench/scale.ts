/**
 * Scale (issue 6): the till's and the owner's everyday operations on a café of 100,000 members and
 * 2,000,000 bills over five years, against the same on 10,000 members and 200,000 bills (the growth
 * ratio), each next to a floor measured in the same run (scale-floors.ts). Everything is called through
 * the API's dispatch, as the IPC and HTTP shells call it (validation included; no HTTP): searches, a
 * checkout (3 lines, stored value + card, points, the e-bill), a top-up, a refund, the member page, the
 * lapsed list's first page, the segment summary, a month's sales report and the liabilities. Then the
 * file's size and the peak RSS of a main process serving a day's work on the big shop (a child process,
 * main-process-rss.ts), and the generator's time from the shop's report.
 *
 * Each shop is a copy of the cached bench shop opened as the app opens its file (WAL, synchronous =
 * FULL, the migrations), so the writes pay the same fsync as at a till. Both shops are measured sample
 * by sample, alternating which goes first, so load on the shared 2-core machine falls on both alike.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import type { MethodName } from '../../src-main/api/contract.ts';
import { closeLedger, DB_FILE_NAME, openLedger, type Ledger } from '../../src-main/ledger/db.ts';
import { PROJECT_ROOT, MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { checkoutFloor, memberPageFloor, refundFloor, searchFloors, topupFloor, type FloorIds } from './scale-floors.ts';
import { floorPageSql, floorTotalsSql } from './retention.ts';
import { ratiosToFloor, type Measurement } from './report.ts';
import { drawQueries } from './search-queries.ts';
import { benchShop, type BenchShop, type BenchShopSpec } from './shop.ts';
import { percentile, summarize } from './stats.ts';
import type { BenchContext, Suite } from './suite.ts';
import { loadAverage, timeAsync } from './timing.ts';

export interface ScaleSizes {
  subject: BenchShopSpec;
  baseline: BenchShopSpec;
  /** Samples per case (quick runs use `quickRuns`). */
  runs: number;
  quickRuns: number;
}

const SEED = 20261123;
export const FULL_SIZES: ScaleSizes = {
  subject: { members: 100_000, bills: 2_000_000, seed: SEED, years: 5 },
  baseline: { members: 10_000, bills: 200_000, seed: SEED, years: 5 },
  runs: 200,
  quickRuns: 10,
};
/** `npm test`'s run: two small shops, a few samples, only to prove the suite works end to end. */
export const CI_SIZES: ScaleSizes = {
  subject: { members: 1_000, bills: 20_000, seed: 5, years: 5 },
  baseline: { members: 400, bills: 8_000, seed: 5, years: 5 },
  runs: 5,
  quickRuns: 5,
};
/** The shops' last day of trading. */
const AS_OF = '2026-11-20';
const WARMUP = 5;
/** The member page asks for this much history (src-renderer/screens/members/MemberPage.tsx). */
const MEMBER_PAGE_HISTORY = 100;

/** Issue 6's budgets, p99 in ms at 100,000 members (growth: 10,000 → 100,000 members, p99 ratio). */
export const BUDGETS = {
  searchP99: 10,
  checkoutP99: 5,
  checkoutVsFloor: 2,
  memberPageP99: 20,
  lapsedPageP99: 50,
  monthlyReportP99: 200,
  rssMiB: 300,
  growth: 1.5,
} as const;

interface Side {
  role: Measurement['role'];
  label: string;
  shop: BenchShop;
  dir: string;
  ledger: Ledger;
  dispatch: Dispatch;
  ids: FloorIds;
  /** Members who take e-bills and have money on their card, in a fixed order. */
  payers: string[];
  /** Members weighted as they come to the till: the regulars whose pages the cashier opens. */
  regulars: string[];
  queries: ReturnType<typeof drawQueries>;
  now: () => number;
}

type Kind = 'last4' | 'phone' | 'code' | 'nameSubstring' | 'initials';
const KINDS: readonly Kind[] = ['last4', 'phone', 'code', 'nameSubstring', 'initials'];

async function call<M extends MethodName>(side: Side, method: M, input: unknown): Promise<unknown> {
  const result = await side.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} on ${side.label}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function openSide(role: Measurement['role'], spec: BenchShopSpec, log: (line: string) => void): Side {
  const shop = benchShop(spec, log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-scale-'));
  const started = performance.now();
  fs.copyFileSync(shop.file, path.join(dir, DB_FILE_NAME));
  log(`Copied ${path.relative(PROJECT_ROOT, shop.file)} (${(fs.statSync(shop.file).size / 2 ** 20).toFixed(0)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The evening after the last day of trading, a minute further at every call, so bills stay in order.
  let tick = Date.parse(`${AS_OF}T12:30:00Z`);
  const now = () => (tick += 50);
  const ledger = openLedger(path.join(dir, DB_FILE_NAME), { migrationsFolder: MIGRATIONS_DIR, clock: () => new Date(now()) });
  const dispatch = createDispatch({ ledger, version: 'bench', dataFile: dir, shell: 'browser' });
  const { sqlite } = ledger;
  const staffId = (sqlite.prepare("select id from staff where role = 'owner' and archived_at is null").get() as { id: string }).id;
  const productIds = (sqlite.prepare('select id from products where active = 1 order by id limit 3').all() as Array<{ id: string }>).map((r) => r.id);
  const payers = (
    sqlite
      .prepare(
        `select m.id from members m join tiers t on t.id = m.tier_id
         where m.sms_bill_consent = 1 and m.archived_at is null and t.discount_bp = 0 and m.balance_principal_minor >= 5000
         order by m.balance_principal_minor desc, m.id limit 400`,
      )
      .all() as Array<{ id: string }>
  ).map((r) => r.id);
  // One member drawn per bill of the last 30 days: the page a cashier opens is a regular's more often than not.
  const regulars = (
    sqlite.prepare("select member_id as id from bills where business_date > date(?, '-30 days') and member_id is not null order by id").all(AS_OF) as Array<{ id: string }>
  )
    .filter((_, i, all) => i % Math.max(1, Math.floor(all.length / 400)) === 0)
    .map((r) => r.id);
  if (payers.length < 5 || productIds.length < 3 || regulars.length < 10) throw new Error(`${spec.members} members: not enough members or products to measure with`);
  return {
    role,
    label: `${spec.members.toLocaleString('en')} members, ${spec.bills.toLocaleString('en')} bills`,
    shop,
    dir,
    ledger,
    dispatch,
    ids: { staffId, tillId: ledger.tillId, productIds },
    payers,
    regulars,
    queries: drawQueries(shop.file, SEED, 40),
    now,
  };
}

/** The query a cashier types for each kind, from the drawn ones: part of a name is the given name of a Chinese name. */
function queriesOf(side: Side, kind: Kind): string[] {
  const source = kind === 'nameSubstring' ? 'chineseName' : kind;
  return side.queries.filter((q) => q.kind === source).map((q) => (kind === 'nameSubstring' ? q.text.slice(1) : q.text));
}

/** Both sides, alternating which goes first. */
function* interleaved(sides: readonly Side[], count: number): Generator<[Side, number]> {
  for (let i = 0; i < count; i++) for (const side of i % 2 === 0 ? sides : [...sides].reverse()) yield [side, i];
}

async function run(ctx: BenchContext, sizes: ScaleSizes): Promise<{ name: string; description: string; notes: Record<string, unknown>; measurements: Measurement[] }> {
  const runs = ctx.quick ? sizes.quickRuns : sizes.runs;
  const measurements: Measurement[] = [];
  const notes: Record<string, unknown> = {};
  const load: Record<string, number> = { start: loadAverage() };
  const floorOf = new Map<string, string>();
  const sides: Side[] = [];
  const add = (side: Side, name: string, level: Measurement['level'], samples: number[]) =>
    measurements.push({ suite: 'scale', case: name, level, role: side.role, dataLabel: side.label, dataSize: side.shop.spec.members, samples });

  /** Times `fn` on both shops, interleaved, after a few warm-up calls. */
  const measure = async (name: string, level: Measurement['level'], fn: (side: Side, i: number) => unknown, count = runs, floor?: string) => {
    ctx.log(`  ${name} (${count} × ${sides.length})`);
    for (const [side, i] of interleaved(sides, WARMUP)) await fn(side, i + 1_000_000);
    const samples = new Map<Side, number[]>(sides.map((s) => [s, []]));
    for (const [side, i] of interleaved(sides, count)) samples.get(side)!.push(await timeAsync(async () => await fn(side, i)));
    for (const side of sides) add(side, name, level, samples.get(side)!);
    if (floor) floorOf.set(name, floor);
  };

  try {
    sides.push(openSide('baseline', sizes.baseline, ctx.log), openSide('subject', sizes.subject, ctx.log));

    // ------------------------------------------------------------ member search
    load['search'] = loadAverage();
    for (const kind of KINDS) {
      const floors = new Map(sides.map((s) => [s, searchFloors(s.ledger.sqlite)]));
      const texts = new Map(sides.map((s) => [s, queriesOf(s, kind)]));
      const text = (side: Side, i: number) => texts.get(side)![i % texts.get(side)!.length]!;
      await measure(`members.search: ${kind}`, 'summary', (side, i) => call(side, 'members.search', { query: text(side, i), limit: 50 }), runs, `floor: search ${kind}`);
      await measure(`floor: search ${kind}`, 'detail', (side, i) => floors.get(side)![kind](text(side, i)));
    }

    // ------------------------------------------------------------ the till's writes
    load['checkout'] = loadAverage();
    const sales = new Map<Side, Array<{ billId: string; memberId: string }>>(sides.map((s) => [s, []]));
    const productLines = (side: Side) => side.ids.productIds.map((productId) => ({ productId, quantity: 1 }));
    const totals = new Map<Side, number>();
    for (const side of sides) {
      const quote = (await call(side, 'checkout.quote', { memberId: side.payers[0], lines: productLines(side) })) as { totalMinor: number };
      totals.set(side, quote.totalMinor);
    }
    let key = 0;
    /** The measured sale: three products, a third from the card's stored value and the rest by card. */
    const sell = async (side: Side, memberId: string) => {
      const total = totals.get(side)!;
      const result = (await call(side, 'checkout.commit', {
        idempotencyKey: `scale-checkout-${key++}`,
        staffId: side.ids.staffId,
        memberId,
        lines: productLines(side),
        payments: [
          { method: 'stored_value', amountMinor: Math.floor(total / 3) },
          { method: 'card', amountMinor: total - Math.floor(total / 3) },
        ],
      })) as { bill: { id: string }; delivery: { ebill: unknown } };
      if (!result.delivery.ebill) throw new Error('a consenting member got no e-bill');
      sales.get(side)!.push({ billId: result.bill.id, memberId });
    };
    await measure(
      'checkout.commit: 3 lines, stored value + card, points, e-bill',
      'summary',
      (side, i) => sell(side, side.payers[i % side.payers.length]!),
      runs,
      'floor: checkout rows in one transaction',
    );
    const checkoutFloors = new Map(sides.map((s) => [s, checkoutFloor(s.ledger.sqlite, s.ids)]));
    await measure('floor: checkout rows in one transaction', 'summary', (side, i) => {
      const at = new Date(side.now());
      return checkoutFloors.get(side)!(side.payers[i % side.payers.length]!, AS_OF, at.toISOString());
    });

    load['topup'] = loadAverage();
    await measure(
      'topups.create: ¥200 by WeChat with the bonus rule, e-bill',
      'summary',
      (side, i) => call(side, 'topups.create', { idempotencyKey: `scale-topup-${key++}`, staffId: side.ids.staffId, memberId: side.payers[i % side.payers.length]!, principalMinor: 20_000, method: 'wechat' }),
      runs,
      'floor: top-up rows in one transaction',
    );
    const topupFloors = new Map(sides.map((s) => [s, topupFloor(s.ledger.sqlite, s.ids)]));
    await measure('floor: top-up rows in one transaction', 'summary', (side, i) => topupFloors.get(side)!(side.payers[i % side.payers.length]!, AS_OF, new Date(side.now()).toISOString()));

    load['refund'] = loadAverage();
    // Each refund takes back a whole sale: the checkouts above, and more of the same made now (untimed).
    for (const side of sides) {
      while (sales.get(side)!.length < 2 * (runs + WARMUP)) await sell(side, side.payers[sales.get(side)!.length % side.payers.length]!);
    }
    const refundable = new Map(sides.map((s) => [s, [...sales.get(s)!]]));
    const nextSale = (side: Side) => refundable.get(side)!.pop()!;
    await measure(
      'bills.refund: a whole 3-line sale (stored value + card, points), e-bill',
      'summary',
      (side) => call(side, 'bills.refund', { idempotencyKey: `scale-refund-${key++}`, staffId: side.ids.staffId, billId: nextSale(side).billId, reason: 'bench' }),
      runs,
      'floor: refund rows in one transaction',
    );
    const refundFloors = new Map(sides.map((s) => [s, refundFloor(s.ledger.sqlite, s.ids)]));
    await measure('floor: refund rows in one transaction', 'summary', (side) => {
      const sale = nextSale(side);
      return refundFloors.get(side)!(sale.billId, sale.memberId, AS_OF, new Date(side.now()).toISOString());
    });

    // ------------------------------------------------------------ the member page
    load['member page'] = loadAverage();
    const pageFloors = new Map(sides.map((s) => [s, memberPageFloor(s.ledger.sqlite, MEMBER_PAGE_HISTORY)]));
    const memberPage = (side: Side, memberId: string) =>
      Promise.all([
        call(side, 'members.get', { memberId }),
        call(side, 'members.history', { memberId, limit: MEMBER_PAGE_HISTORY }),
        call(side, 'retention.outlook', { memberId, asOfDate: AS_OF }),
      ]);
    await measure('member page: members.get + members.history + retention.outlook', 'summary', (side, i) => memberPage(side, side.regulars[i % side.regulars.length]!), runs, 'floor: member page rows');
    await measure('floor: member page rows', 'summary', (side, i) => pageFloors.get(side)!(side.regulars[i % side.regulars.length]!));
    const heaviest = new Map(sides.map((s) => [s, (s.ledger.sqlite.prepare('select member_id as id from bills where member_id is not null group by member_id order by count(*) desc limit 1').get() as { id: string }).id]));
    await measure('member page of the member with the most bills', 'detail', (side) => memberPage(side, heaviest.get(side)!), Math.ceil(runs / 2));

    // ------------------------------------------------------------ the owner's screens
    load['lapsed'] = loadAverage();
    const lapsedFloors = new Map(sides.map((s) => [s, [s.ledger.sqlite.prepare(floorPageSql()).raw(), s.ledger.sqlite.prepare(floorTotalsSql()).raw()]]));
    await measure('retention.lapsed: first page by value at risk', 'summary', (side) => call(side, 'retention.lapsed', { limit: 50, asOfDate: AS_OF }), runs, 'floor: 50 ids off the monthly-spend index + count and sum');
    await measure('floor: 50 ids off the monthly-spend index + count and sum', 'detail', (side) => lapsedFloors.get(side)!.map((st) => st.all({ asOf: AS_OF })));
    await measure('retention.segments: segment summary', 'summary', (side) => call(side, 'retention.segments', { asOfDate: AS_OF }), Math.ceil(runs / 2));

    load['reports'] = loadAverage();
    await measureReports(sides, measure, runs);
    load['end'] = loadAverage();

    // ------------------------------------------------------------ size, memory, generation
    for (const side of sides) {
      side.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const file = path.join(side.dir, DB_FILE_NAME);
      notes[`shop ${side.role}`] = {
        ...side.shop.spec,
        fileMiB: Math.round(fs.statSync(side.shop.file).size / 2 ** 20),
        rows: side.shop.report?.rows,
        generationSeconds: side.shop.report ? Math.round(side.shop.report.totalMs / 1000) : null,
        generatedThisRun: side.shop.generated,
        generationSteps: side.shop.report?.ms,
        fileAfterRunMiB: Math.round(fs.statSync(file).size / 2 ** 20),
      };
    }
    notes['main process'] = mainProcessRss(sides.find((s) => s.role === 'subject')!, ctx);
    notes['ratios to floor'] = ratiosToFloor(measurements, floorOf);
    notes['budgets'] = verdicts(measurements, notes);
    notes['loadAverage1m'] = load;
    notes['runs'] = { perCase: runs, warmup: WARMUP };
    for (const v of notes['budgets'] as Verdict[]) ctx.log(`${v.holds ? 'holds ' : 'MISSED'}  ${v.budget}: ${v.measured}`);
    return {
      name: 'scale',
      description: `The till and the owner's screens at ${sizes.subject.members.toLocaleString('en')} members / ${sizes.subject.bills.toLocaleString('en')} bills against ${sizes.baseline.members.toLocaleString('en')} / ${sizes.baseline.bills.toLocaleString('en')}, each with a raw-SQL floor.`,
      notes,
      measurements,
    };
  } finally {
    for (const side of sides) {
      closeLedger(side.ledger);
      fs.rmSync(side.dir, { recursive: true, force: true });
    }
  }
}

type Measure = (name: string, level: Measurement['level'], fn: (side: Side, i: number) => unknown, count?: number, floor?: string) => Promise<void>;

/** A month's sales report (the last whole month, by day and by payment method) and the liabilities. */
async function measureReports(sides: readonly Side[], measure: Measure, runs: number): Promise<void> {
  const month = { from: '2026-10-01', to: '2026-10-31' };
  const monthFloor = new Map(
    sides.map((s) => [
      s,
      [
        s.ledger.sqlite.prepare("select business_date, kind, count(*), sum(total_minor) from bills where business_date between ? and ? and import_batch_id is null group by business_date, kind").raw(),
        s.ledger.sqlite
          .prepare('select p.method, sum(p.amount_minor) from bills b join payments p on p.bill_id = b.id where b.business_date between ? and ? and b.import_batch_id is null group by p.method')
          .raw(),
      ],
    ]),
  );
  await measure('reports.sales: one month by day and payment method', 'summary', (side) => call(side, 'reports.sales', { ...month, groupBy: 'day' }), runs, 'floor: a month of bills grouped by day and kind, payments by method');
  await measure('floor: a month of bills grouped by day and kind, payments by method', 'summary', (side) => monthFloor.get(side)!.map((st) => st.all(month.from, month.to)));
  const liabilityFloor = new Map(sides.map((s) => [s, s.ledger.sqlite.prepare('select sum(balance_principal_minor), sum(balance_bonus_minor), sum(points) from members').raw()]));
  await measure('reports.liability: stored value (aged) and points', 'summary', (side) => call(side, 'reports.liability', { asOf: AS_OF }), Math.ceil(runs / 2), 'floor: sum of the members\' balances');
  await measure("floor: sum of the members' balances", 'summary', (side) => liabilityFloor.get(side)!.all());
}

/**
 * Peak RSS of a main process: a child runs the app's runtime on a copy of the big shop (the same
 * background jobs as the app: SMS sender, print spooler, the daily model fit) and serves a day's work
 * through dispatch; it reports its own peak RSS.
 */
function mainProcessRss(side: Side, ctx: BenchContext): Record<string, unknown> {
  side.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const script = path.join(PROJECT_ROOT, 'scripts', 'bench', 'main-process-rss.ts');
  const output = execFileSync(process.execPath, [script, path.join(side.dir, DB_FILE_NAME), ctx.quick ? 'quick' : 'full'], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, unknown>;
  ctx.log(`  main process on ${side.label}: peak RSS ${String(result['peakRssMiB'])} MiB`);
  return result;
}

interface Verdict {
  budget: string;
  measured: string;
  holds: boolean;
}

function verdicts(measurements: readonly Measurement[], notes: Record<string, unknown>): Verdict[] {
  const p99Of = (name: string, role: Measurement['role'] = 'subject') => {
    const m = measurements.find((x) => x.case === name && x.role === role);
    return m ? percentile([...m.samples].sort((a, b) => a - b), 99) : Number.NaN;
  };
  const growth = (name: string) => p99Of(name) / p99Of(name, 'baseline');
  const f = (x: number) => x.toFixed(x >= 10 ? 1 : 2);
  const out: Verdict[] = [];
  const check = (budget: string, value: number, limit: number, unit: string) => out.push({ budget, measured: `${f(value)}${unit} (limit ${limit}${unit})`, holds: value <= limit });
  for (const kind of KINDS) {
    check(`search p99, ${kind}`, p99Of(`members.search: ${kind}`), BUDGETS.searchP99, ' ms');
    check(`search growth 10k → 100k (p99), ${kind}`, growth(`members.search: ${kind}`), BUDGETS.growth, '×');
  }
  const checkout = 'checkout.commit: 3 lines, stored value + card, points, e-bill';
  check('checkout p99', p99Of(checkout), BUDGETS.checkoutP99, ' ms');
  check('checkout p99 vs its floor', p99Of(checkout) / p99Of('floor: checkout rows in one transaction'), BUDGETS.checkoutVsFloor, '×');
  check('checkout growth 10k → 100k (p99)', growth(checkout), BUDGETS.growth, '×');
  check('member page p99', p99Of('member page: members.get + members.history + retention.outlook'), BUDGETS.memberPageP99, ' ms');
  check('lapsed first page p99', p99Of('retention.lapsed: first page by value at risk'), BUDGETS.lapsedPageP99, ' ms');
  check('monthly report p99', p99Of('reports.sales: one month by day and payment method'), BUDGETS.monthlyReportP99, ' ms');
  const rss = (notes['main process'] as { peakRssMiB?: number } | undefined)?.peakRssMiB ?? Number.NaN;
  check('main process peak RSS', rss, BUDGETS.rssMiB, ' MiB');
  return out;
}

export function scaleSuite(sizes: ScaleSizes = FULL_SIZES): Suite {
  return {
    name: 'scale',
    description: `Search, checkout, top-up, refund, member page, lapsed list, reports: ${sizes.subject.members.toLocaleString('en')} members / ${sizes.subject.bills.toLocaleString('en')} bills against ${sizes.baseline.members.toLocaleString('en')} / ${sizes.baseline.bills.toLocaleString('en')}`,
    run: (ctx) => run(ctx, sizes),
  };
}

