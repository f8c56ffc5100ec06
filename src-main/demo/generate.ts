/**
 * The demo shop generator: a café with a year of history, written entirely through the ledger's use
 * cases (members, top-ups, checkouts, refunds, adjustments), so every money rule holds exactly as it
 * would at a real till. The content is a pure function of the options: the same seed gives the same
 * members, phones, amounts, times, bill numbers and (through a seeded UUIDv7 source) ids.
 *
 * Time is simulated: the ledger view handed to the use cases has a clock the generator moves forward,
 * day by day and strictly increasing within a day, between opening (8:00) and closing (20:00).
 */
import { V7Generator } from 'uuidv7';
import { checkout, refundBill } from '../ledger/bills.ts';
import { createMember } from '../ledger/members.ts';
import type { Ledger } from '../ledger/db.ts';
import { withIdSource } from '../ledger/ids.ts';
import { checkLedgerInvariants } from '../ledger/invariants.ts';
import { mulDivRound } from '../ledger/money.ts';
import { adjustPoints, pointsNeededFor } from '../ledger/points.ts';
import { getSettings } from '../ledger/settings.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { inTransaction } from '../ledger/transaction.ts';
import type { Bill, ExternalMethod, MemberSummary, StaffMember, Tier } from '../ledger/types.ts';
import { adjustWallet, refundTopup, topUp } from '../ledger/wallet.ts';
import type { CheckoutCommit } from '../ledger/commands.ts';
import { makePerson, SHOWCASE_SURNAMES, type Person } from './names.ts';
import { Random } from './random.ts';
import { FREE_LINES, setUpShop, type DemoProduct, type DemoShop } from './shop-setup.ts';
import { withStatementCache } from './statement-cache.ts';

export interface DemoOptions {
  seed: number;
  /** How many members sign up over the period. */
  members: number;
  /** Days of history, ending on endDate's (local) day. */
  days: number;
  /** The simulated "now" at the end: nothing happens after it. Local time of day matters (closing time). */
  endDate: Date;
  /**
   * How busy the shop is (default 1): scales how many members are regulars, weekly, monthly, lapsed or
   * new (the rest are occasional visitors) and the number of walk-ins; how often each kind comes stays
   * the same. Generation time grows with it (each ledger call costs a few milliseconds).
   */
  traffic?: number;
}

/**
 * One member every demo has, whatever the seed or size: a gold-card regular since the first day,
 * paying from stored value and topping up so that at least ¥100 is always left on the card. End-to-end
 * tests and screenshots look her up by name, by "5678" or by "zxw".
 */
export const SHOWCASE_MEMBER = { name: '曾晓雯', phone: '13812345678' } as const;

/** `npm run demo` and `npm run serve -- --demo`: fixed, so the file is the same on every run. */
export const DEFAULT_DEMO_OPTIONS: DemoOptions = {
  seed: 20261120,
  members: 2000,
  days: 365,
  endDate: new Date(2026, 10, 20, 20, 0, 0),
};

export interface DemoSummary {
  members: number;
  sales: number;
  walkInSales: number;
  refunds: number;
  topups: number;
  topupRefunds: number;
  walletAdjustments: number;
  pointsAdjustments: number;
}

type Segment = 'regular' | 'weekly' | 'monthly' | 'occasional' | 'lapsed' | 'new' | 'signup';

interface SimMember {
  person: Person;
  segment: Segment;
  /** Day index (0 = first day) of signing up; the first visit is that day. */
  joinDay: number;
  /** First day index without visits any more (lapsed members); `days` for everyone else. */
  stopDay: number;
  dailyChance: number;
  commuter: boolean;
  /** Minutes after midnight between which this member usually comes in. */
  window: readonly [number, number];
  favorites: DemoProduct[];
  /** Pays from stored value (and tops up when it runs low). */
  storedValue: boolean;
  method: ExternalMethod;
  topupAmounts: ReadonlyArray<readonly [number, number]>;
  tier: Tier;
  /** Lapsed stored-value members who come back once to take their balance out. */
  cashOut: boolean;
  // What the ledger says after the last operation (taken from its results, never computed here).
  id: string | null;
  principal: number;
  bonus: number;
  points: number;
  lastTopupId: string | null;
}

interface DayEvent {
  at: number;
  run: () => void;
}

/** Nothing new starts after 19:50, so a bill with a top-up or a sign-up before it still closes before 20:00. */
const LAST_ORDER_MINUTE = 19 * 60 + 50;
const MINUTE = 60_000;

/**
 * Share of the members in each kind of customer (the rest are occasional visitors), and the least
 * there are of each in any demo big enough, so a small test shop has every kind too. Most members of
 * a café's scheme come once or twice; a few regulars bring most of the member visits.
 */
const SEGMENT_SHARES: ReadonlyArray<readonly [Exclude<Segment, 'occasional'>, number, number]> = [
  ['regular', 0.0065, 2],
  ['lapsed', 0.013, 3],
  ['weekly', 0.015, 3],
  ['monthly', 0.045, 4],
  ['new', 0.025, 3],
  ['signup', 0.12, 1],
];

/** Walk-in (non-member) bills per day for every member in the demo. */
const WALK_INS_PER_MEMBER_DAY = 0.0018;
const BILL_REFUND_RATE = 0.011;

const METHODS: ReadonlyArray<readonly [ExternalMethod, number]> = [
  ['wechat', 45],
  ['alipay', 28],
  ['cash', 15],
  ['card', 12],
];

/** Customers per opening hour (8:00 … 19:00), relative. */
const HOURLY: ReadonlyArray<readonly [number, number]> = [
  [8, 9], [9, 10], [10, 6], [11, 6], [12, 9], [13, 8], [14, 7], [15, 7], [16, 6], [17, 5], [18, 4], [19, 3],
];

const WINDOWS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[8 * 60, 10 * 60 + 30], 36],
  [[11 * 60, 13 * 60 + 40], 25],
  [[14 * 60, 17 * 60 + 30], 26],
  [[17 * 60 + 30, 19 * 60 + 45], 12],
];

const REFUND_REASONS = ['饮品做错了，重做后退差', '顾客不满意口味', '重复下单', '点错了单', '蛋糕已售罄', '等待太久，顾客取消'];

/**
 * A UUIDv7 source for reproducible files: the timestamp is the simulated clock, the random bits come
 * from the seed. Ids stay unique and time-ordered like the ledger's own.
 */
export function demoIdSource(seed: number, now: () => number): () => string {
  const random = new Random((seed ^ 0x1d5eed) >>> 0);
  const generator = new V7Generator({ nextUint32: () => random.uint32() });
  return () => generator.generateOrResetWithTs(now()).toString();
}

/** Local midnight of day `index` of the period (DST-safe: built from calendar fields). */
function dayStart(options: DemoOptions, index: number): Date {
  const end = options.endDate;
  return new Date(end.getFullYear(), end.getMonth(), end.getDate() - (options.days - 1) + index);
}

/** The time the demo setup is written: before opening on the first day. */
export function demoStartTime(options: DemoOptions): Date {
  const start = dayStart(options, 0);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate(), 7, 30);
}

function checkOptions(options: DemoOptions): void {
  if (!Number.isInteger(options.members) || options.members < 1) throw new RangeError('members must be a positive integer');
  if (!Number.isInteger(options.days) || options.days < 1) throw new RangeError('days must be a positive integer');
  if (!Number.isFinite(options.seed)) throw new RangeError('seed must be a number');
  if (Number.isNaN(options.endDate.getTime())) throw new RangeError('endDate is not a date');
  if (options.traffic !== undefined && !(options.traffic > 0 && options.traffic <= 5)) throw new RangeError('traffic must be in (0, 5]');
}

export function generateDemoShop(ledger: Ledger, options: DemoOptions): DemoSummary {
  checkOptions(options);
  const existing = ledger.sqlite.prepare('select count(*) as n from members').get() as { n: number };
  if (existing.n > 0) throw new Error('the demo shop is generated into an empty ledger');
  const seed = Math.trunc(options.seed) >>> 0;
  let now = demoStartTime(options).getTime();
  const demo: Ledger = { ...ledger, clock: () => new Date(now) };
  const synchronous = ledger.sqlite.pragma('synchronous', { simple: true }) as number;
  ledger.sqlite.pragma('synchronous = OFF');
  try {
    withStatementCache(ledger.sqlite, () =>
      withIdSource(demoIdSource(seed, () => now), () => {
        const sim = new Simulation(demo, options, seed, (t) => (now = t), () => now);
        sim.run();
      }),
    );
  } finally {
    ledger.sqlite.pragma(`synchronous = ${synchronous === 0 ? 'OFF' : synchronous === 1 ? 'NORMAL' : synchronous === 3 ? 'EXTRA' : 'FULL'}`);
  }
  const violations = checkLedgerInvariants(ledger);
  if (violations.length > 0) throw new Error(`demo shop breaks ledger invariants: ${JSON.stringify(violations)}`);
  return summarize(ledger);
}

export function summarize(ledger: Pick<Ledger, 'sqlite'>): DemoSummary {
  const count = (query: string) => (ledger.sqlite.prepare(query).get() as { n: number }).n;
  return {
    members: count('select count(*) as n from members'),
    sales: count("select count(*) as n from bills where kind = 'sale'"),
    walkInSales: count("select count(*) as n from bills where kind = 'sale' and member_id is null"),
    refunds: count("select count(*) as n from bills where kind = 'refund'"),
    topups: count("select count(*) as n from topups where kind = 'topup'"),
    topupRefunds: count("select count(*) as n from topups where kind = 'refund'"),
    walletAdjustments: count("select count(*) as n from wallet_entries where kind = 'adjust'"),
    pointsAdjustments: count("select count(*) as n from points_entries where kind = 'adjust'"),
  };
}

class Simulation {
  private readonly rng: Random;
  private shop!: DemoShop;
  private readonly members: SimMember[] = [];
  /** Members already signed up, in sign-up order (for referrals and adjustments). */
  private readonly joined: SimMember[] = [];
  private carry: DayEvent[] = [];
  private sequence = 0;
  private readonly endMs: number;
  private readonly traffic: number;
  private settings!: Settings;

  private readonly ledger: Ledger;
  private readonly options: DemoOptions;
  private readonly seed: number;
  private readonly setNow: (t: number) => void;
  private readonly getNow: () => number;

  constructor(ledger: Ledger, options: DemoOptions, seed: number, setNow: (t: number) => void, getNow: () => number) {
    this.ledger = ledger;
    this.options = options;
    this.seed = seed;
    this.setNow = setNow;
    this.getNow = getNow;
    this.rng = new Random(seed);
    this.endMs = options.endDate.getTime();
    this.traffic = options.traffic ?? 1;
  }

  run(): void {
    inTransaction(this.ledger, () => {
      this.shop = setUpShop(this.ledger);
      this.settings = getSettings(this.ledger);
    });
    this.planMembers();
    for (let day = 0; day < this.options.days; day++) {
      inTransaction(this.ledger, () => this.simulateDay(day));
    }
  }

  // ------------------------------------------------------------ planning

  private key(kind: string): string {
    this.sequence += 1;
    return `demo-${this.seed}-${kind}-${String(this.sequence).padStart(6, '0')}`;
  }

  private planMembers(): void {
    const { days } = this.options;
    const rng = this.rng;
    const phones = new Set<string>([SHOWCASE_MEMBER.phone]);
    const { standard, silver, gold } = this.shop.tiers;
    const segments = this.segmentQuota();
    const earlyOrAny = (last: number) => (rng.chance(0.4) ? rng.int(0, Math.min(29, last)) : rng.int(0, Math.max(0, last)));
    for (let i = 0; i < this.options.members; i++) {
      const showcase = i === 0;
      const drawn = makePerson(rng, phones, SHOWCASE_SURNAMES[i]);
      const person: Person = showcase ? { ...drawn, name: SHOWCASE_MEMBER.name, phone: SHOWCASE_MEMBER.phone, gender: 'female' } : drawn;
      let segment: Segment = showcase ? 'regular' : segments[i]!;
      // Lapsed: came regularly, then stopped 2–5 months before the end (61+ days, so the win-back list has them).
      const gap = rng.int(61, Math.max(61, Math.min(150, days - 25)));
      if (segment === 'lapsed' && days - gap < 15) segment = 'occasional';
      let joinDay: number;
      let stopDay = days;
      let dailyChance: number;
      switch (segment) {
        case 'regular':
          joinDay = earlyOrAny(days - 21);
          dailyChance = rng.between(0.35, 0.6);
          break;
        case 'weekly':
          joinDay = earlyOrAny(days - 14);
          dailyChance = rng.between(0.09, 0.16);
          break;
        case 'monthly':
          joinDay = earlyOrAny(days - 1);
          dailyChance = rng.between(0.022, 0.035);
          break;
        case 'occasional':
        case 'signup':
          joinDay = earlyOrAny(days - 1);
          // Many come once (the day they sign up); the others a few times a year.
          dailyChance = rng.chance(0.55) ? 0 : rng.between(1 / 365, 1 / 120);
          break;
        case 'lapsed':
          stopDay = days - gap;
          joinDay = Math.max(0, stopDay - rng.int(30, 110));
          dailyChance = rng.between(0.25, 0.5);
          break;
        case 'new':
          joinDay = rng.int(Math.max(0, days - 30), days - 1);
          dailyChance = rng.between(0.12, 0.45);
          break;
      }
      if (showcase) joinDay = 0;
      const window = rng.weighted(WINDOWS);
      const storedShare = { regular: 0.75, lapsed: 0.65, weekly: 0.35, new: 0.4, monthly: 0.1, occasional: 0.03, signup: 0 }[segment];
      const tier = showcase ? gold :
        segment === 'regular' ? rng.weighted([[gold, 55], [silver, 33], [standard, 12]] as const)
        : segment === 'lapsed' ? rng.weighted([[gold, 35], [silver, 40], [standard, 25]] as const)
        : segment === 'weekly' ? rng.weighted([[gold, 8], [silver, 37], [standard, 55]] as const)
        : rng.chance(0.05) ? silver : standard;
      const favorites: DemoProduct[] = [];
      const favoriteCount = rng.int(1, 3);
      while (favorites.length < favoriteCount) {
        const p = this.popularProduct();
        if (!favorites.includes(p)) favorites.push(p);
      }
      const storedValue = rng.chance(storedShare) || showcase;
      this.members.push({
        person,
        segment,
        joinDay,
        stopDay,
        dailyChance,
        commuter: window[0] === 8 * 60,
        window,
        favorites,
        storedValue,
        method: rng.weighted(METHODS),
        topupAmounts:
          segment === 'regular' ? [[20_000, 25], [50_000, 45], [100_000, 30]]
          : segment === 'lapsed' ? [[20_000, 35], [50_000, 45], [100_000, 20]]
          : [[10_000, 8], [20_000, 55], [30_000, 7], [50_000, 28], [100_000, 2]],
        tier,
        cashOut: segment === 'lapsed' && storedValue && rng.chance(0.3),
        id: null,
        principal: 0,
        bonus: 0,
        points: 0,
        lastTopupId: null,
      });
    }
  }

  /** One segment per member: fixed numbers of each, in a seeded random order. */
  private segmentQuota(): Segment[] {
    const n = this.options.members;
    const list: Segment[] = [];
    for (const [segment, share, least] of SEGMENT_SHARES) {
      const scaled = segment === 'signup' ? share : share * this.traffic;
      const count = Math.min(n - list.length, Math.max(n >= 40 ? least : 0, Math.round(scaled * n)));
      for (let i = 0; i < count; i++) list.push(segment);
    }
    while (list.length < n) list.push('occasional');
    return this.rng.shuffle(list);
  }

  private popularProduct(): DemoProduct {
    return this.rng.weighted(this.shop.products.map((p) => [p, p.weight] as const));
  }

  // ------------------------------------------------------------ one day

  private simulateDay(day: number): void {
    const rng = this.rng;
    const start = dayStart(this.options, day);
    const midnight = start.getTime();
    const weekend = start.getDay() === 0 || start.getDay() === 6;
    const minuteAt = (minute: number) =>
      new Date(start.getFullYear(), start.getMonth(), start.getDate(), 0, minute, rng.int(0, 59)).getTime();
    const events: DayEvent[] = this.carry;
    this.carry = [];

    for (const m of this.members) {
      if (day < m.joinDay) continue;
      const at = minuteAt(rng.int(m.window[0], m.window[1]));
      if (day === m.joinDay) {
        events.push({ at, run: () => this.signUp(m) });
        continue;
      }
      if (m.id === null || m.segment === 'signup') continue;
      if (day === m.stopDay && m.cashOut) events.push({ at, run: () => this.cashOut(m) });
      if (day >= m.stopDay) continue;
      const factor = m.commuter ? (weekend ? 0.45 : 1.15) : weekend ? 1.35 : 0.9;
      if (rng.chance(m.dailyChance * factor)) events.push({ at, run: () => this.memberBill(m) });
    }

    const expected = this.options.members * WALK_INS_PER_MEMBER_DAY * this.traffic * (weekend ? 1.4 : 1) * rng.between(0.7, 1.3);
    // Rounded at random, so a small demo still has its odd walk-in.
    const walkIns = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
    for (let i = 0; i < walkIns; i++) {
      const hour = rng.weighted(HOURLY);
      events.push({ at: minuteAt(Math.min(hour * 60 + rng.int(0, 59), LAST_ORDER_MINUTE)), run: () => this.walkInBill() });
    }
    if (rng.chance(0.04)) events.push({ at: minuteAt(rng.int(9 * 60, 18 * 60)), run: () => this.walletAdjustment() });
    if (rng.chance(0.06)) events.push({ at: minuteAt(rng.int(9 * 60, 18 * 60)), run: () => this.pointsAdjustment() });

    events.sort((a, b) => a.at - b.at);
    const lastOrder = midnight + LAST_ORDER_MINUTE * MINUTE;
    const schedule = (at: number, run: () => void) => {
      if (at < lastOrder) {
        let i = events.length;
        while (i > 0 && events[i - 1]!.at > at) i--;
        events.splice(i, 0, { at, run });
      } else {
        const next = dayStart(this.options, day + 1);
        const morning = new Date(next.getFullYear(), next.getMonth(), next.getDate(), 8, rng.int(5, 120), rng.int(0, 59)).getTime();
        this.carry.push({ at: morning, run });
      }
    };
    this.schedule = schedule;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const at = Math.max(event.at, this.getNow() + 1000);
      if (at >= this.endMs) break;
      this.setNow(at);
      event.run();
    }
    this.carry.sort((a, b) => a.at - b.at);
  }

  private schedule: (at: number, run: () => void) => void = () => {};

  private advance(ms: number): void {
    this.setNow(this.getNow() + ms);
  }

  /** Who is at the till: 小林 mornings, Amy afternoons, the owner now and then. */
  private cashier(): StaffMember {
    const hour = new Date(this.getNow()).getHours();
    if (this.rng.chance(0.18)) return this.shop.owner;
    return hour < 14 ? this.shop.morning : this.shop.afternoon;
  }

  private track(m: SimMember, summary: MemberSummary | null): void {
    if (!summary) return;
    m.principal = summary.balancePrincipalMinor;
    m.bonus = summary.balanceBonusMinor;
    m.points = summary.points;
  }

  // ------------------------------------------------------------ members

  private signUp(m: SimMember): void {
    const rng = this.rng;
    const p = m.person;
    const referrer = this.joined.length > 0 && rng.chance(0.1) ? rng.pick(this.joined) : null;
    const created = createMember(this.ledger, {
      staffId: this.cashier().id,
      phone: p.phone,
      name: p.name,
      birthMonth: p.birthMonth,
      birthDay: p.birthDay,
      birthYear: p.birthYear,
      gender: p.gender,
      tierId: m.tier.id,
      tags: p.tags,
      note: p.note,
      smsBillConsent: p.smsBillConsent,
      smsMarketingConsent: p.smsMarketingConsent,
      referredById: referrer?.id ?? null,
    });
    m.id = created.id;
    this.joined.push(m);
    if (m.segment === 'signup') {
      // Signed up (a promotion, a friend's referral) and never bought anything.
      return;
    }
    this.advance(rng.int(40, 120) * 1000);
    this.memberBill(m);
  }

  private topUp(m: SimMember, staff: StaffMember): void {
    const principalMinor = this.rng.weighted(m.topupAmounts);
    const result = topUp(this.ledger, {
      idempotencyKey: this.key('topup'),
      staffId: staff.id,
      memberId: m.id!,
      principalMinor,
      method: this.rng.weighted(METHODS),
    });
    m.lastTopupId = result.topup.id;
    this.track(m, result.member);
    // Now and then the wrong amount was keyed in and half of it goes straight back.
    if (principalMinor >= 50_000 && this.rng.chance(0.05)) {
      const topupId = result.topup.id;
      const back = principalMinor / 2;
      this.schedule(this.getNow() + this.rng.int(2, 6) * MINUTE, () => {
        if (m.principal < back) return;
        const refund = refundTopup(this.ledger, {
          idempotencyKey: this.key('topup-refund'),
          staffId: this.shop.owner.id,
          topupId,
          principalMinor: back,
          reason: `充错金额，退回多充的 ¥${back / 100}`,
        });
        this.track(m, refund.member);
      });
    }
  }

  private cashOut(m: SimMember): void {
    if (!m.lastTopupId || m.principal <= 0) return;
    const refund = refundTopup(this.ledger, {
      idempotencyKey: this.key('topup-refund'),
      staffId: this.shop.owner.id,
      topupId: m.lastTopupId,
      reason: '搬家离开，退还余额',
    });
    this.track(m, refund.member);
  }

  // ------------------------------------------------------------ bills

  private basket(favorites: readonly DemoProduct[], maxLines: number): { lines: CheckoutCommit['lines']; subtotal: number } {
    const rng = this.rng;
    const count = Math.min(maxLines, rng.weighted([[1, 58], [2, 30], [3, 9], [4, 3]] as const));
    const chosen: DemoProduct[] = [];
    for (let attempt = 0; chosen.length < count && attempt < 12; attempt++) {
      const p = favorites.length > 0 && rng.chance(0.65) ? rng.pick(favorites) : this.popularProduct();
      if (!chosen.includes(p)) chosen.push(p);
    }
    const lines: CheckoutCommit['lines'] = [];
    let subtotal = 0;
    for (const p of chosen) {
      const quantity = rng.weighted([[1, 92], [2, 7], [3, 1]] as const);
      lines.push({ productId: p.id, quantity });
      subtotal += p.priceMinor * quantity;
    }
    if (lines.length < 4 && rng.chance(0.05)) {
      const [name, amountMinor] = rng.pick(FREE_LINES);
      lines.push({ name, amountMinor, quantity: 1 });
      subtotal += amountMinor;
    }
    return { lines, subtotal };
  }

  /** Cash: exact now and then, otherwise the next ¥50 or ¥100 note. */
  private cash(amountMinor: number): CheckoutCommit['payments'][number] {
    const rng = this.rng;
    if (rng.chance(0.2)) return { method: 'cash', amountMinor, tenderedMinor: amountMinor };
    const note = amountMinor <= 5_000 && rng.chance(0.6) ? 5_000 : 10_000;
    return { method: 'cash', amountMinor, tenderedMinor: Math.ceil(amountMinor / note) * note };
  }

  private external(method: ExternalMethod, amountMinor: number): CheckoutCommit['payments'][number] {
    return method === 'cash' ? this.cash(amountMinor) : { method, amountMinor };
  }

  private memberBill(m: SimMember): void {
    const rng = this.rng;
    const staff = this.cashier();
    const { lines, subtotal } = this.basket(m.favorites, 4);
    const total = subtotal - mulDivRound(subtotal, m.tier.discountBp, 10_000);
    const payments: CheckoutCommit['payments'] = [];
    let rest = total;
    // Points pay for up to half the bill, in whole yuan.
    if (this.settings.pointsRedemption.enabled && m.points >= 1_000 && rng.chance(0.15)) {
      const yuan = Math.min(Math.floor(m.points / this.settings.pointsRedemption.pointsPerUnit), Math.floor(total / 200));
      if (yuan >= 1 && pointsNeededFor(yuan * 100, this.settings) <= m.points) {
        payments.push({ method: 'points', amountMinor: yuan * 100 });
        rest -= yuan * 100;
      }
    }
    if (m.storedValue) {
      // The showcase member keeps at least ¥100 on her card, so a test can always pay from it.
      const showcase = m === this.members[0];
      if (m.principal + m.bonus < rest + (showcase ? 10_000 : 0) && (showcase || rng.chance(0.85))) {
        this.topUp(m, staff);
        this.advance(rng.int(20, 60) * 1000);
      }
      const balance = m.principal + m.bonus;
      const fromWallet = Math.min(balance, rest);
      if (fromWallet > 0) {
        payments.push({ method: 'stored_value', amountMinor: fromWallet });
        rest -= fromWallet;
      }
    }
    if (rest > 0) payments.push(this.external(m.method, rest));
    const result = checkout(this.ledger, {
      idempotencyKey: this.key('bill'),
      staffId: staff.id,
      memberId: m.id,
      lines,
      payments,
    });
    this.track(m, result.member);
    this.maybeRefund(result.bill, m);
  }

  private walkInBill(): void {
    const rng = this.rng;
    const { lines, subtotal } = this.basket([], 3);
    const result = checkout(this.ledger, {
      idempotencyKey: this.key('bill'),
      staffId: this.cashier().id,
      lines,
      payments: [this.external(rng.weighted(METHODS), subtotal)],
    });
    this.maybeRefund(result.bill, null);
  }

  /** About 1% of bills are refunded a little later: one item of a bigger bill, or the whole bill. */
  private maybeRefund(bill: Bill, m: SimMember | null): void {
    const rng = this.rng;
    if (!rng.chance(BILL_REFUND_RATE)) return;
    const partialCandidates = bill.lines.length > 1 || bill.lines[0]!.quantity > 1 ? bill.lines : [];
    const line = partialCandidates.length > 0 && rng.chance(0.6) ? rng.pick(partialCandidates) : null;
    const reason = rng.pick(REFUND_REASONS);
    const byOwner = rng.chance(0.5);
    this.schedule(this.getNow() + rng.int(3, 45) * MINUTE, () => {
      const result = refundBill(this.ledger, {
        idempotencyKey: this.key('refund'),
        staffId: byOwner ? this.shop.owner.id : this.cashier().id,
        billId: bill.id,
        ...(line ? { lines: [{ lineId: line.id, quantity: 1 }] } : {}),
        reason,
      });
      if (m) this.track(m, result.member);
    });
  }

  // ------------------------------------------------------------ corrections

  private walletAdjustment(): void {
    const rng = this.rng;
    const candidates = this.joined.filter((m) => m.storedValue && m.lastTopupId);
    if (candidates.length === 0) return;
    const m = rng.pick(candidates);
    const kind = rng.weighted([['gift', 4], ['double', 3], ['fix', 2]] as const);
    let input: { principalDeltaMinor?: number; bonusDeltaMinor?: number; reason: string };
    if (kind === 'gift') input = { bonusDeltaMinor: 2_000, reason: '店庆活动赠送 ¥20' };
    else if (kind === 'double') input = { principalDeltaMinor: rng.pick([2_200, 2_800, 3_200]), reason: '收银重复扣款，补回' };
    else if (m.bonus >= 1_000 && m !== this.members[0]) input = { bonusDeltaMinor: -1_000, reason: '赠送金额录入错误，更正' };
    else return;
    const result = adjustWallet(this.ledger, {
      idempotencyKey: this.key('wallet-adjust'),
      staffId: this.shop.owner.id,
      memberId: m.id!,
      ...input,
    });
    this.track(m, result.member);
  }

  private pointsAdjustment(): void {
    const rng = this.rng;
    const candidates = this.joined.filter((m) => m.segment !== 'signup');
    if (candidates.length === 0) return;
    const m = rng.pick(candidates);
    const kind = rng.weighted([['missed', 4], ['birthday', 3], ['gift', 2]] as const);
    let delta: number;
    let reason: string;
    if (kind === 'missed') [delta, reason] = [rng.int(2, 8) * 10, '忘记出示会员码，补录积分'];
    else if (kind === 'birthday') [delta, reason] = [200, '生日赠送积分'];
    else if (m.points >= 500) [delta, reason] = [-500, '积分兑换帆布袋'];
    else return;
    const result = adjustPoints(this.ledger, {
      idempotencyKey: this.key('points-adjust'),
      staffId: this.shop.owner.id,
      memberId: m.id!,
      delta,
      reason,
    });
    this.track(m, result.member);
  }
}
