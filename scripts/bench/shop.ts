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
 * A shop is a pure function of its spec and the schema: it is cached under test-output/bench/shops/
 * in a folder named after the spec, GENERATOR_VERSION and a hash of the migrations, so a second run
 * reuses it and a change to either regenerates it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { demoIdSource } from '../../src-main/demo/generate.ts';
import { makePerson, SHOWCASE_SURNAMES, type Person } from '../../src-main/demo/names.ts';
import { Random } from '../../src-main/demo/random.ts';
import { setUpShop, type DemoShop } from '../../src-main/demo/shop-setup.ts';
import { withStatementCache } from '../../src-main/demo/statement-cache.ts';
import { checkout, quoteCheckout } from '../../src-main/ledger/bills.ts';
import { closeLedger, DB_FILE_NAME, openLedger, type Ledger } from '../../src-main/ledger/db.ts';
import { newId, withIdSource } from '../../src-main/ledger/ids.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { createMember } from '../../src-main/ledger/members.ts';
import { nameSearchKeys } from '../../src-main/ledger/name-keys.ts';
import { lastFourDigits, normalizePhone } from '../../src-main/ledger/phone.ts';
import { members } from '../../src-main/ledger/schema.ts';
import { isoTime } from '../../src-main/ledger/time.ts';
import { inTransaction } from '../../src-main/ledger/transaction.ts';
import type { ExternalMethod, Tier } from '../../src-main/ledger/types.ts';
import { MIGRATIONS_DIR, PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';

/** Bump when the generator's output changes, so cached shops are regenerated. */
export const GENERATOR_VERSION = 1;

export const BENCH_DIR = path.join(PROJECT_ROOT, 'test-output', 'bench');

export interface BenchShopSpec {
  members: number;
  /** Member bills written through `checkout`, spread over the last year. */
  bills: number;
  seed: number;
}

export interface BenchShop {
  spec: BenchShopSpec;
  /** The cached data file (treat as read-only: copy it before serving or writing). */
  file: string;
  /** True when this run generated it; then `generateMs` says how long that took. */
  generated: boolean;
  generateMs: number | null;
}

/** Members join over three years up to the end; bills fall in the last year, 8:00–19:50. */
const END = new Date(2026, 10, 20, 20, 0, 0);
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
const specName = (spec: BenchShopSpec) => `members-${spec.members}-bills-${spec.bills}-seed-${spec.seed}`;

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
  if (fs.existsSync(file)) return { spec, file, generated: false, generateMs: null };
  removeStaleCopies(spec, dir);
  log(`Generating a shop with ${spec.members.toLocaleString('en')} members and ${spec.bills.toLocaleString('en')} bills into ${path.relative(PROJECT_ROOT, dir)} …`);
  const started = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `${DB_FILE_NAME}.${process.pid}.tmp`);
  try {
    writeShop(temp, spec);
    fs.renameSync(temp, file);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true });
    fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  }
  const generateMs = performance.now() - started;
  log(`  done in ${(generateMs / 1000).toFixed(1)} s`);
  return { spec, file, generated: true, generateMs };
}

function writeShop(file: string, spec: BenchShopSpec): void {
  if (!Number.isInteger(spec.members) || spec.members < 1) throw new RangeError('members must be a positive integer');
  if (!Number.isInteger(spec.bills) || spec.bills < 0) throw new RangeError('bills must be a whole number');
  const firstDay = new Date(END.getFullYear() - JOIN_YEARS, END.getMonth(), END.getDate(), 7, 30);
  let now = firstDay.getTime();
  const ids = demoIdSource(spec.seed, () => now);
  // The generator moves `now` forward; every row (and its UUIDv7) takes its time from it.
  const ledger: Ledger = withIdSource(ids, () => openLedger(file, { migrationsFolder: MIGRATIONS_DIR, clock: () => new Date(now) }));
  try {
    ledger.sqlite.pragma('synchronous = OFF');
    withStatementCache(ledger.sqlite, () =>
      withIdSource(ids, () => {
        const rng = new Random(spec.seed);
        const shop = inTransaction(ledger, () => setUpShop(ledger));
        const people = drawPeople(rng, spec.members);
        assertRowsLikeCreateMember(people[0]!);
        const joined = inTransaction(ledger, () =>
          insertMembers(ledger, shop, people, rng, firstDay.getTime(), (t) => (now = t)),
        );
        inTransaction(ledger, () => writeBills(ledger, shop, joined, rng, spec.bills, (t) => (now = t)));
      }),
    );
    const violations = checkLedgerInvariants(ledger);
    if (violations.length > 0) throw new Error(`bench shop breaks ledger invariants: ${JSON.stringify(violations)}`);
    ledger.sqlite.pragma('optimize');
    ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    ledger.sqlite.pragma('journal_mode = DELETE');
  } finally {
    closeLedger(ledger);
  }
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

/** The row createMember would write for `person` (what it derives, derived with the same helpers). */
function memberRow(ledger: Ledger, person: Person, fields: { code: string; tierId: string; staffId: string; referredById: string | null }): MemberInsert {
  const phone = normalizePhone(person.phone);
  const keys = cachedNameKeys(person.name);
  return {
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
    createdAt: isoTime(ledger.clock()),
    createdByStaffId: fields.staffId,
  };
}

/**
 * Guard against drift: createMember and memberRow, given the same person, must write the same row
 * (apart from the id). Runs on a throwaway in-memory ledger.
 */
function assertRowsLikeCreateMember(person: Person): void {
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
    const written = scratch.db.select().from(members).where(eq(members.id, viaUseCase.id)).get()!;
    scratch.db.delete(members).where(eq(members.id, viaUseCase.id)).run();
    const row = memberRow(scratch, person, { code: viaUseCase.code, tierId, staffId: owner.id, referredById: null });
    scratch.db.insert(members).values(row).run();
    const bulk = scratch.db.select().from(members).where(eq(members.id, row.id!)).get()!;
    const differences = Object.keys(written).filter(
      (key) => key !== 'id' && JSON.stringify(written[key as keyof typeof written]) !== JSON.stringify(bulk[key as keyof typeof bulk]),
    );
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

/** Everyone signs up over JOIN_YEARS, in order; codes are sequential as createMember gives them. */
function insertMembers(ledger: Ledger, shop: DemoShop, people: Person[], rng: Random, start: number, setNow: (t: number) => void): Joined[] {
  const { standard, silver, gold } = shop.tiers;
  const span = END.getTime() - start - 3_600_000;
  const joined: Joined[] = [];
  let batch: MemberInsert[] = [];
  const flush = () => {
    if (batch.length > 0) ledger.db.insert(members).values(batch).run();
    batch = [];
  };
  for (let i = 0; i < people.length; i++) {
    const at = start + Math.floor((span * i) / people.length) + rng.int(0, 59_000);
    setNow(at);
    const tier = i === 0 ? gold : rng.weighted([[standard, 88], [silver, 9], [gold, 3]] as const);
    const referrer = joined.length > 0 && rng.chance(0.05) ? rng.pick(joined) : null;
    const staff = rng.pick([shop.owner, shop.morning, shop.afternoon]);
    const row = memberRow(ledger, people[i]!, { code: String(FIRST_MEMBER_CODE + i), tierId: tier.id, staffId: staff.id, referredById: referrer?.id ?? null });
    batch.push(row);
    joined.push({ id: row.id!, joinedAt: at, tier });
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
