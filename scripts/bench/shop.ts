/**
 * Benchmark shops: a café with many members (100,000 and more), generated fast and cached.
 *
 * The demo generator writes every member through `createMember`; that costs about 1.2 ms a member
 * (drizzle builds each query afresh), two minutes for 100,000. Here the member rows are built with the
 * same helpers createMember uses (phone normalisation, last 4 digits, pinyin keys, sequential member
 * codes) and inserted in batches; `assertRowsLikeCreateMember` proves on a scratch ledger that a row
 * built here equals the row createMember writes for the same person, so the two cannot drift apart.
 * Visits are real: a few thousand bills through the ledger's `checkout` use case, so last visits,
 * visit counts and totals are what the till would have written (checked by the ledger invariants).
 *
 * A spec with `years` is a shop with a long history instead (the retention benchmarks: 2,000,000 bills
 * over five years): members sign up throughout those years, each as a kind of customer
 * (customer-behaviour.ts: one-off, occasional, monthly, weekly and daily, regulars who lapse), and
 * every visit is a bill written by the bulk writer (bulk-history.ts), which is first proven to write
 * the same rows as `checkout` and `topUp`; the ledger invariants are checked on the finished file.
 *
 * A shop is a pure function of its spec and the schema: it is cached under test-output/bench/shops/
 * in a folder named after the spec, GENERATOR_VERSION and a hash of the migrations, so a second run
 * reuses it and a change to either regenerates it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { demoIdSource } from '../../src-main/demo/generate.ts';
import { makePerson, SHOWCASE_SURNAMES, type Person } from '../../src-main/demo/names.ts';
import { Random } from '../../src-main/demo/random.ts';
import { setUpShop, type DemoShop } from '../../src-main/demo/shop-setup.ts';
import { withStatementCache } from '../../src-main/demo/statement-cache.ts';
import { checkout, quoteCheckout, refundBill } from '../../src-main/ledger/bills.ts';
import { closeLedger, DB_FILE_NAME, openLedger, type Ledger } from '../../src-main/ledger/db.ts';
import { newId, withIdSource } from '../../src-main/ledger/ids.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { createMember } from '../../src-main/ledger/members.ts';
import { nameSearchKeys } from '../../src-main/ledger/name-keys.ts';
import { lastFourDigits, normalizePhone } from '../../src-main/ledger/phone.ts';
import { consentEvents, members } from '../../src-main/ledger/schema.ts';
import { getSettings } from '../../src-main/ledger/settings.ts';
import { isoTime } from '../../src-main/ledger/time.ts';
import { inTransaction } from '../../src-main/ledger/transaction.ts';
import type { ExternalMethod, Tier } from '../../src-main/ledger/types.ts';
import { MIGRATIONS_DIR, PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';
import { assertBulkLikeUseCases, bulkHistoryWriter, bulkLoad } from './bulk-history.ts';
import { planCustomers, scheduleVisits } from './customer-behaviour.ts';
import { playHistory, type PlayCounts } from './history-play.ts';

/** Bump when the generator's output changes, so cached shops are regenerated. */
export const GENERATOR_VERSION = 4;

export const BENCH_DIR = path.join(PROJECT_ROOT, 'test-output', 'bench');

export interface BenchShopSpec {
  members: number;
  /**
   * Member bills. Without `years`: written through `checkout`, spread over the last year. With
   * `years`: exactly this many, over that many years, by the bulk history writer.
   */
  bills: number;
  seed: number;
  /** A shop with this many years of history (members joining throughout, customers who lapse). */
  years?: number;
}

/** How a shop was made, kept beside the cached file (a later run reports it without regenerating). */
export interface GenerationReport {
  spec: BenchShopSpec;
  generatorVersion: number;
  /** Wall-clock milliseconds per step, and in all. */
  ms: Record<string, number>;
  totalMs: number;
  fileBytes: number;
  rows: Record<string, number>;
  history: PlayCounts | null;
}

export interface BenchShop {
  spec: BenchShopSpec;
  /** The cached data file (treat as read-only: copy it before serving or writing). */
  file: string;
  /** True when this run generated it; then `generateMs` says how long that took. */
  generated: boolean;
  generateMs: number | null;
  /** How it was made (from this run or from when it was cached); null for a cache from before reports. */
  report: GenerationReport | null;
}

/** Members join over three years up to the end; bills fall in the last year, 8:00–19:50. */
const END = new Date(2026, 10, 20, 20, 0, 0);
/** History shops: the page cache while generating (the indexes of 2,000,000 bills stay in memory). */
const GENERATION_CACHE_KIB = 2 * 1024 * 1024;
/** History shops: bills per transaction. */
const HISTORY_CHUNK = 50_000;
const JOIN_YEARS = 3;
const BILL_DAYS = 365;
const INSERT_BATCH = 500;
/** The member every demo has (tests and people look her up by "5678" or "zxw"); member 0 here too. */
const SHOWCASE = { name: '曾晓雯', phone: '13812345678' } as const;
/** createMember's first code (see nextMemberCode in src-main/ledger/members.ts). */
const FIRST_MEMBER_CODE = 100001;

const METHODS: ReadonlyArray<readonly [ExternalMethod, number]> = [
  ['wechat', 45],
  ['alipay', 28],
  ['cash', 15],
  ['card', 12],
];

/** Short hash of the migrations: a cached shop is only valid for the schema it was written with. */
function schemaKey(): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')).sort()) {
    hash.update(name).update(fs.readFileSync(path.join(MIGRATIONS_DIR, name)));
  }
  return hash.digest('hex').slice(0, 10);
}

const SHOPS_DIR = path.join(BENCH_DIR, 'shops');
const specName = (spec: BenchShopSpec) => `members-${spec.members}-bills-${spec.bills}-seed-${spec.seed}${spec.years ? `-years-${spec.years}` : ''}`;
const REPORT_FILE = 'generation.json';

export function benchShopDir(spec: BenchShopSpec): string {
  return path.join(SHOPS_DIR, `${specName(spec)}-v${GENERATOR_VERSION}-${schemaKey()}`);
}

/** Shops of the same spec from an older generator or schema are of no use any more (50 MB each). */
function removeStaleCopies(spec: BenchShopSpec, current: string): void {
  if (!fs.existsSync(SHOPS_DIR)) return;
  for (const name of fs.readdirSync(SHOPS_DIR)) {
    if (name.startsWith(`${specName(spec)}-v`) && path.join(SHOPS_DIR, name) !== current) fs.rmSync(path.join(SHOPS_DIR, name), { recursive: true, force: true });
  }
}

/** The shop for `spec`: from the cache, or generated now (and cached). */
export function benchShop(spec: BenchShopSpec, log: (line: string) => void = () => {}): BenchShop {
  const dir = benchShopDir(spec);
  const file = path.join(dir, DB_FILE_NAME);
  const reportFile = path.join(dir, REPORT_FILE);
  if (fs.existsSync(file)) {
    const report = fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as GenerationReport) : null;
    return { spec, file, generated: false, generateMs: null, report };
  }
  removeStaleCopies(spec, dir);
  log(`Generating a shop with ${spec.members.toLocaleString('en')} members and ${spec.bills.toLocaleString('en')} bills into ${path.relative(PROJECT_ROOT, dir)} …`);
  const started = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `${DB_FILE_NAME}.${process.pid}.tmp`);
  const steps = new Steps(log);
  let rows: Record<string, number>;
  let history: PlayCounts | null;
  try {
    ({ rows, history } = writeShop(temp, spec, steps, log));
    fs.renameSync(temp, file);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true });
    fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  }
  const generateMs = performance.now() - started;
  const report: GenerationReport = { spec, generatorVersion: GENERATOR_VERSION, ms: steps.ms, totalMs: Math.round(generateMs), fileBytes: fs.statSync(file).size, rows, history };
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 1) + '\n');
  log(`  done in ${(generateMs / 1000).toFixed(1)} s, ${(report.fileBytes / 2 ** 20).toFixed(0)} MiB`);
  return { spec, file, generated: true, generateMs, report };
}

/** Times the steps of a generation, for its report. */
class Steps {
  readonly ms: Record<string, number> = {};
  private readonly log: (line: string) => void;
  constructor(log: (line: string) => void) {
    this.log = log;
  }
  run<T>(name: string, fn: () => T): T {
    const started = performance.now();
    const result = fn();
    this.ms[name] = Math.round(performance.now() - started);
    this.log(`  ${name}: ${(this.ms[name]! / 1000).toFixed(1)} s`);
    return result;
  }
}

const COUNTED_TABLES = ['members', 'bills', 'bill_lines', 'payments', 'topups', 'wallet_entries', 'points_entries', 'idempotency_keys', 'counters'] as const;

function rowCounts(ledger: Ledger): Record<string, number> {
  return Object.fromEntries(COUNTED_TABLES.map((t) => [t, (ledger.sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));
}

function writeShop(file: string, spec: BenchShopSpec, steps: Steps, log: (line: string) => void): { rows: Record<string, number>; history: PlayCounts | null } {
  if (!Number.isInteger(spec.members) || spec.members < 1) throw new RangeError('members must be a positive integer');
  if (!Number.isInteger(spec.bills) || spec.bills < 0) throw new RangeError('bills must be a whole number');
  if (spec.years !== undefined && !(Number.isInteger(spec.years) && spec.years >= 1)) throw new RangeError('years must be a positive integer');
  const firstDay = spec.years
    ? new Date(END.getFullYear() - spec.years, END.getMonth(), END.getDate() + 1, 7, 30)
    : new Date(END.getFullYear() - JOIN_YEARS, END.getMonth(), END.getDate(), 7, 30);
  let now = firstDay.getTime();
  const setNow = (t: number) => (now = t);
  const ids = demoIdSource(spec.seed, () => now);
  // The generator moves `now` forward; every row (and its UUIDv7) takes its time from it.
  const ledger: Ledger = withIdSource(ids, () => openLedger(file, { migrationsFolder: MIGRATIONS_DIR, clock: () => new Date(now) }));
  try {
    ledger.sqlite.pragma('synchronous = OFF');
    let history: PlayCounts | null = null;
    withStatementCache(ledger.sqlite, () =>
      withIdSource(ids, () => {
        const rng = new Random(spec.seed);
        const shop = inTransaction(ledger, () => setUpShop(ledger));
        const people = drawPeople(rng, spec.members);
        assertRowsLikeCreateMember(people[0]!);
        if (!spec.years) {
          const start = firstDay.getTime();
          const span = END.getTime() - start - 3_600_000;
          const joinAt = (i: number) => start + Math.floor((span * i) / people.length) + rng.int(0, 59_000);
          const joined = inTransaction(ledger, () => insertMembers(ledger, shop, people, rng, joinAt, setNow));
          inTransaction(ledger, () => writeBills(ledger, shop, joined, rng, spec.bills, setNow));
          return;
        }
        history = writeHistory(ledger, shop, people, rng, spec, firstDay, setNow, steps, log);
      }),
    );
    const violations = steps.run('ledger invariants', () => checkLedgerInvariants(ledger));
    if (violations.length > 0) throw new Error(`bench shop breaks ledger invariants: ${JSON.stringify(violations)}`);
    // History shops are left as the app leaves a file: it never runs ANALYZE, so its query plans are
    // made without statistics, and so are the benchmark's.
    if (!spec.years) ledger.sqlite.pragma('optimize');
    ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    ledger.sqlite.pragma('journal_mode = DELETE');
    return { rows: rowCounts(ledger), history };
  } finally {
    closeLedger(ledger);
  }
}

/**
 * A long history (spec.years): members signing up throughout, each a kind of customer, and every
 * visit a bill by the bulk writer (checked against checkout first), then the members' cached figures.
 */
function writeHistory(ledger: Ledger, shop: DemoShop, people: Person[], rng: Random, spec: BenchShopSpec, firstDay: Date, setNow: (t: number) => void, steps: Steps, log: (line: string) => void): PlayCounts {
  ledger.sqlite.pragma(`cache_size = -${GENERATION_CACHE_KIB}`);
  steps.run('check the bulk writer against checkout', () => assertBulkLikeUseCases(spec.seed));
  const day0 = new Date(firstDay.getFullYear(), firstDay.getMonth(), firstDay.getDate());
  const lastDay = new Date(END.getFullYear(), END.getMonth(), END.getDate());
  const days = Math.round((lastDay.getTime() - day0.getTime()) / 86_400_000) + 1;
  const customers = planCustomers(rng.fork(), people.length, days, shop.products.length);
  const joinAt = (i: number) => new Date(day0.getFullYear(), day0.getMonth(), day0.getDate() + customers[i]!.joinDay, 0, 0, customers[i]!.joinSecond).getTime();
  const joined = steps.run('members', () => inTransaction(ledger, () => insertMembers(ledger, shop, people, rng, joinAt, setNow)));
  const visits = steps.run('visit schedule', () => scheduleVisits(rng.fork(), customers, days, spec.bills));
  const writer = bulkHistoryWriter(ledger, new Map(joined.map((j) => [j.id, j.tier])), setNow);
  const play = () => {
    const started = performance.now();
    ledger.sqlite.exec('begin');
    const counts = playHistory({
      rng: rng.fork(),
      sink: writer,
      shop,
      settings: getSettings(ledger),
      memberIds: joined.map((j) => j.id),
      customers,
      visits,
      firstDay: day0,
      every: HISTORY_CHUNK,
      onProgress: (done) => {
        ledger.sqlite.exec('commit; begin');
        if (done % (HISTORY_CHUNK * 4) === 0) log(`    ${done.toLocaleString('en')} bills, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      },
    });
    ledger.sqlite.exec('commit');
    return counts;
  };
  const loaded = steps.run('bills (rows, then indexes and foreign keys)', () => bulkLoad(ledger, play));
  steps.ms['indexes made again'] = loaded.indexMs;
  steps.ms['foreign key check'] = loaded.foreignKeyMs;
  const pricing = writer.pricing();
  steps.ms['pricing carts through quoteCheckout'] = pricing.ms;
  log(`  of which: ${pricing.carts.toLocaleString('en')} distinct carts priced through quoteCheckout ${(pricing.ms / 1000).toFixed(1)} s, indexes ${(loaded.indexMs / 1000).toFixed(1)} s, foreign key check ${(loaded.foreignKeyMs / 1000).toFixed(1)} s`);
  steps.run('member figures from the rows', () => inTransaction(ledger, () => writer.finish()));
  const refunds = steps.run('refunds through refundBill', () => inTransaction(ledger, () => refundRecentBills(ledger, shop, rng.fork(), spec.bills, setNow)));
  log(`  ${refunds.toLocaleString('en')} refunds`);
  return { ...loaded.result, refunds };
}

/** One bill in this many is refunded: a café takes back a wrong order now and then. */
const REFUND_ONE_IN = 1000;
const REFUND_WINDOW_DAYS = 14;

/**
 * Refunds, through the ledger's own `refundBill`: one bill in REFUND_ONE_IN, drawn from the last two
 * weeks, refunded whole on the last evening (after every bill of the history, so each refund's wallet
 * and points entries are the newest of their member, as at a real till). Every third one is partial:
 * one unit of the first line.
 */
function refundRecentBills(ledger: Ledger, shop: DemoShop, rng: Random, bills: number, setNow: (t: number) => void): number {
  const since = isoTime(new Date(END.getFullYear(), END.getMonth(), END.getDate() - REFUND_WINDOW_DAYS)).slice(0, 10);
  const recent = ledger.sqlite.prepare("select id from bills where kind = 'sale' and business_date >= ? order by id").all(since) as Array<{ id: string }>;
  const count = Math.min(recent.length, Math.round(bills / REFUND_ONE_IN));
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(recent[rng.int(0, recent.length - 1)]!.id);
  const firstLine = ledger.sqlite.prepare('select id from bill_lines where bill_id = ? order by line_no limit 1');
  [...chosen].sort().forEach((billId, i) => {
    setNow(END.getTime() + 60_000 + i * 1_000);
    const partial = i % 3 === 2 ? { lines: [{ lineId: (firstLine.get(billId) as { id: string }).id, quantity: 1 }] } : {};
    refundBill(ledger, { idempotencyKey: `bench-refund-${i}`, staffId: shop.owner.id, billId, reason: i % 2 ? '做错了' : '顾客不满意', ...partial });
  });
  return count;
}

function drawPeople(rng: Random, count: number): Person[] {
  const phones = new Set<string>([SHOWCASE.phone]);
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const person = makePerson(rng, phones, SHOWCASE_SURNAMES[i]);
    people.push(i === 0 ? { ...person, name: SHOWCASE.name, phone: SHOWCASE.phone, gender: 'female' } : person);
  }
  return people;
}

type MemberInsert = typeof members.$inferInsert;

/** pinyin-pro is the costly part of a row; names repeat a lot in a big shop. */
const keyCache = new Map<string, ReturnType<typeof nameSearchKeys>>();
function cachedNameKeys(name: string): ReturnType<typeof nameSearchKeys> {
  let keys = keyCache.get(name);
  if (!keys) keyCache.set(name, (keys = nameSearchKeys(name)));
  return keys;
}

type ConsentInsert = typeof consentEvents.$inferInsert;

/**
 * The rows createMember would write for `person` (what it derives, derived with the same helpers):
 * the member, and a consent event for each consent the form gave (e-bills first, then marketing).
 */
function memberRows(ledger: Ledger, person: Person, fields: { code: string; tierId: string; staffId: string; referredById: string | null }): { member: MemberInsert; consents: ConsentInsert[] } {
  const phone = normalizePhone(person.phone);
  const keys = cachedNameKeys(person.name);
  const createdAt = isoTime(ledger.clock());
  const member: MemberInsert = {
    id: newId(),
    tillId: ledger.tillId,
    code: fields.code,
    phone,
    phoneLast4: lastFourDigits(phone),
    name: person.name,
    nameInitials: keys.initials,
    namePinyin: keys.pinyin,
    birthMonth: person.birthMonth,
    birthDay: person.birthDay,
    birthYear: person.birthYear,
    gender: person.gender,
    tierId: fields.tierId,
    tags: JSON.stringify(person.tags),
    note: person.note,
    smsBillConsent: person.smsBillConsent,
    smsMarketingConsent: person.smsMarketingConsent,
    referredById: fields.referredById,
    createdAt,
    createdByStaffId: fields.staffId,
  };
  const granted = (['sms_bill', 'sms_marketing'] as const).filter((kind) => (kind === 'sms_bill' ? person.smsBillConsent : person.smsMarketingConsent));
  const consents = granted.map((kind): ConsentInsert => ({
    id: newId(),
    tillId: ledger.tillId,
    memberId: member.id!,
    kind,
    granted: true,
    source: 'member_form',
    note: '',
    staffId: fields.staffId,
    createdAt,
  }));
  return { member, consents };
}

/**
 * Guard against drift: createMember and memberRows, given the same person, must write the same rows
 * (apart from the ids). Runs on a throwaway in-memory ledger, for the person as drawn and with both
 * consents given (so the consent events are compared too).
 */
function assertRowsLikeCreateMember(person: Person): void {
  assertMemberRowsLikeCreateMember(person);
  assertMemberRowsLikeCreateMember({ ...person, smsBillConsent: true, smsMarketingConsent: true });
}

function assertMemberRowsLikeCreateMember(person: Person): void {
  const at = new Date(2026, 0, 2, 9, 0);
  const scratch = openLedger(':memory:', { migrationsFolder: MIGRATIONS_DIR, clock: () => at });
  try {
    const owner = scratch.sqlite.prepare("select id from staff where role = 'owner'").get() as { id: string };
    const tierId = (scratch.sqlite.prepare('select id from tiers where is_default = 1').get() as { id: string }).id;
    const viaUseCase = createMember(scratch, {
      staffId: owner.id,
      phone: person.phone,
      name: person.name,
      birthMonth: person.birthMonth,
      birthDay: person.birthDay,
      birthYear: person.birthYear,
      gender: person.gender,
      tierId,
      tags: person.tags,
      note: person.note,
      smsBillConsent: person.smsBillConsent,
      smsMarketingConsent: person.smsMarketingConsent,
    });
    const read = (id: string) => ({
      member: scratch.db.select().from(members).where(eq(members.id, id)).get()!,
      consents: scratch.db.select().from(consentEvents).where(eq(consentEvents.memberId, id)).orderBy(sql`rowid`).all(),
    });
    const written = read(viaUseCase.id);
    scratch.db.delete(consentEvents).where(eq(consentEvents.memberId, viaUseCase.id)).run();
    scratch.db.delete(members).where(eq(members.id, viaUseCase.id)).run();
    const rows = memberRows(scratch, person, { code: viaUseCase.code, tierId, staffId: owner.id, referredById: null });
    scratch.db.insert(members).values(rows.member).run();
    if (rows.consents.length > 0) scratch.db.insert(consentEvents).values(rows.consents).run();
    const bulk = read(rows.member.id!);
    const differing = (a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined, ids: string[]) =>
      Object.keys({ ...a, ...b }).filter((key) => !ids.includes(key) && JSON.stringify(a?.[key]) !== JSON.stringify(b?.[key]));
    const differences = [
      ...differing(written.member, bulk.member, ['id']),
      ...(written.consents.length !== bulk.consents.length ? ['consent events'] : []),
      ...written.consents.flatMap((c, i) => differing(c, bulk.consents[i], ['id', 'memberId']).map((k) => `consent ${i + 1} ${k}`)),
    ];
    if (differences.length > 0) throw new Error(`bench member rows differ from createMember's in: ${differences.join(', ')}`);
  } finally {
    closeLedger(scratch);
  }
}

interface Joined {
  id: string;
  joinedAt: number;
  tier: Tier;
}

/** Everyone signs up in order, member i at `joinAt(i)`; codes are sequential as createMember gives them. */
function insertMembers(ledger: Ledger, shop: DemoShop, people: Person[], rng: Random, joinAt: (i: number) => number, setNow: (t: number) => void): Joined[] {
  const { standard, silver, gold } = shop.tiers;
  const joined: Joined[] = [];
  let batch: MemberInsert[] = [];
  let consents: ConsentInsert[] = [];
  const flush = () => {
    if (batch.length > 0) ledger.db.insert(members).values(batch).run();
    if (consents.length > 0) ledger.db.insert(consentEvents).values(consents).run();
    batch = [];
    consents = [];
  };
  for (let i = 0; i < people.length; i++) {
    const at = joinAt(i);
    setNow(at);
    const tier = i === 0 ? gold : rng.weighted([[standard, 88], [silver, 9], [gold, 3]] as const);
    const referrer = joined.length > 0 && rng.chance(0.05) ? rng.pick(joined) : null;
    const staff = rng.pick([shop.owner, shop.morning, shop.afternoon]);
    const rows = memberRows(ledger, people[i]!, { code: String(FIRST_MEMBER_CODE + i), tierId: tier.id, staffId: staff.id, referredById: referrer?.id ?? null });
    batch.push(rows.member);
    consents.push(...rows.consents);
    joined.push({ id: rows.member.id!, joinedAt: at, tier });
    if (batch.length === INSERT_BATCH) flush();
  }
  flush();
  // The next member made at the till continues the sequence.
  ledger.sqlite
    .prepare("insert into counters(name, value) values ('member_code', ?) on conflict(name) do update set value = excluded.value")
    .run(FIRST_MEMBER_CODE + people.length - 1);
  return joined;
}

/**
 * `count` member bills over the last year through checkout: a few regulars come often, most members
 * never in that year (as in a real scheme). Member 0 is a regular.
 */
function writeBills(ledger: Ledger, shop: DemoShop, joined: Joined[], rng: Random, count: number, setNow: (t: number) => void): void {
  if (count === 0) return;
  const firstBillDay = new Date(END.getFullYear(), END.getMonth(), END.getDate() - (BILL_DAYS - 1));
  const regulars = [joined[0]!, ...Array.from({ length: Math.max(1, Math.floor(count / 40)) }, () => rng.pick(joined))];
  const visits: Array<{ at: number; member: Joined }> = [];
  for (let i = 0; i < count; i++) {
    const member = rng.chance(0.5) ? rng.pick(regulars) : rng.pick(joined);
    const day = new Date(firstBillDay.getFullYear(), firstBillDay.getMonth(), firstBillDay.getDate() + rng.int(0, BILL_DAYS - 1));
    const at = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 8, rng.int(0, 11 * 60 + 49), rng.int(0, 59)).getTime();
    visits.push({ at: Math.max(at, member.joinedAt + 60_000), member });
  }
  visits.sort((a, b) => a.at - b.at);
  let last = 0;
  visits.forEach(({ at, member }, i) => {
    last = Math.max(at, last + 1000);
    setNow(last);
    const product = rng.pick(shop.products);
    const lines = [{ productId: product.id, quantity: rng.weighted([[1, 90], [2, 10]] as const) }];
    const total = quoteCheckout(ledger, { memberId: member.id, lines }).totalMinor;
    checkout(ledger, {
      idempotencyKey: `bench-bill-${String(i).padStart(8, '0')}`,
      staffId: shop.morning.id,
      memberId: member.id,
      lines,
      payments: [{ method: rng.weighted(METHODS), amountMinor: total }],
    });
  });
}
