/**
 * Who comes to the café and when, over years: the visit pattern of a bench shop with a long history
 * (what the retention screens look at). Pure and seeded: no database, no ledger; the history writer
 * turns each visit into a real bill.
 *
 * Kinds of customer, as a café's membership scheme has them: about a third come once (they sign up at
 * the till and never return), occasional visitors come every few months and drift away, monthly
 * visitors, weekly regulars and daily regulars; a share of the regulars lapse at some point (stop
 * coming for good), which is what the lapsed list is for. Everyone signs up on their first visit;
 * sign-ups are spread over the whole period, so the shop has new members throughout.
 */
import type { Random } from '../../src-main/demo/random.ts';
import type { ExternalMethod } from '../../src-main/ledger/types.ts';

export type CustomerKind = 'one_off' | 'occasional' | 'monthly' | 'weekly' | 'daily';

interface KindRule {
  share: number;
  /** Days to the next visit. */
  gap: (rng: Random) => number;
  /** Chance that a customer of this kind stops coming for good at some point after their first month. */
  lapses: number;
  /** Chance, after each visit, of never coming again (occasional visitors drifting away). */
  dropOut: number;
  /** Chance of a second bill later the same day (a second coffee: one more bill, not one more visit day). */
  secondBill: number;
  storedValue: number;
}

/**
 * The mix, calibrated so that 100,000 members over five years bring a little over 20 bills each
 * before thinning (see `scheduleVisits`): the regulars, a few percent of the members, bring most of
 * the bills, as in a real scheme.
 */
const KINDS: Readonly<Record<CustomerKind, KindRule>> = {
  one_off: { share: 0.34, gap: () => 0, lapses: 0, dropOut: 1, secondBill: 0.03, storedValue: 0 },
  occasional: { share: 0.39, gap: (rng) => 10 + Math.round(-Math.log(1 - rng.next()) * 60), lapses: 0, dropOut: 0.2, secondBill: 0.02, storedValue: 0.02 },
  monthly: { share: 0.18, gap: (rng) => rng.int(18, 42), lapses: 0.45, dropOut: 0, secondBill: 0.03, storedValue: 0.1 },
  weekly: { share: 0.09, gap: (rng) => Math.max(3, Math.min(14, Math.round(7 + 2 * normal(rng)))), lapses: 0.45, dropOut: 0, secondBill: 0.04, storedValue: 0.25 },
  daily: { share: 0.017, gap: (rng) => rng.weighted(DAILY_GAPS), lapses: 0.35, dropOut: 0, secondBill: 0.06, storedValue: 0.3 },
};
const KIND_WEIGHTS = Object.entries(KINDS).map(([kind, rule]) => [kind as CustomerKind, rule.share] as const);
const DAILY_GAPS: ReadonlyArray<readonly [number, number]> = [[1, 55], [2, 28], [3, 10], [4, 4], [7, 3]];

/** When in the day someone usually comes in (minutes after midnight), weighted: the morning rush first. */
const WINDOWS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[8 * 60, 10 * 60 + 30], 36],
  [[11 * 60, 13 * 60 + 40], 25],
  [[14 * 60, 17 * 60 + 30], 26],
  [[17 * 60 + 30, 19 * 60 + 45], 12],
];
/** Nothing starts after 19:50 (the shop closes at 20:00). */
const LAST_MINUTE = 19 * 60 + 50;
const METHODS: ReadonlyArray<readonly [ExternalMethod, number]> = [
  ['wechat', 45],
  ['alipay', 28],
  ['cash', 15],
  ['card', 12],
];
/** Top-up amounts (fen) a stored-value customer chooses, weighted; the shop's bonus rules start at ¥200. */
const TOPUPS: ReadonlyArray<readonly [number, number]> = [[20_000, 50], [50_000, 35], [100_000, 15]];

/** A standard normal draw (Box–Muller). */
function normal(rng: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

export interface Customer {
  kind: CustomerKind;
  /** Day index of signing up (and of the first visit), 0 = the first day of the history. */
  joinDay: number;
  /** Seconds after midnight of the sign-up; the first bill follows a minute or two later. */
  joinSecond: number;
  /** First day index without visits (a lapsed regular); `days` for those who never stop. */
  stopDay: number;
  window: readonly [number, number];
  /** Pays from stored value and tops up when it runs low. */
  storedValue: boolean;
  topupMinor: number;
  method: ExternalMethod;
  /** Indexes into the shop's products: what they usually order. */
  favorites: number[];
}

/**
 * Everyone's kind, habits and sign-up moment, in sign-up order (customer i is member i, whose code
 * follows sign-up order as at a real till). Customer 0 is the showcase member: a daily regular since
 * the first morning, paying from stored value, who never lapses.
 */
export function planCustomers(rng: Random, count: number, days: number, productCount: number): Customer[] {
  const customers: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i === 0 ? 'daily' : rng.weighted(KIND_WEIGHTS);
    const rule = KINDS[kind];
    const window = rng.weighted(WINDOWS);
    const joinDay = i === 0 ? 0 : rng.int(0, days - 1);
    // Sign up early enough in the window that a second bill the same day still fits before closing.
    const joinSecond = i === 0 ? 8 * 3600 : rng.int(window[0] * 60, Math.min(window[1], LAST_MINUTE - 5) * 60);
    const lapseFrom = joinDay + 30;
    const stopDay = i !== 0 && lapseFrom < days && rng.chance(rule.lapses) ? rng.int(lapseFrom, days - 1) : days;
    const favorites = Array.from({ length: rng.int(1, 3) }, () => rng.int(0, productCount - 1));
    customers.push({
      kind,
      joinDay,
      joinSecond,
      stopDay,
      window,
      storedValue: i === 0 || rng.chance(rule.storedValue),
      topupMinor: rng.weighted(TOPUPS),
      method: rng.weighted(METHODS),
      favorites,
    });
  }
  // Sign-up order: member codes are given out in this order.
  const [first, ...rest] = customers;
  rest.sort((a, b) => a.joinDay - b.joinDay || a.joinSecond - b.joinSecond);
  return [first!, ...rest];
}

/** Every visit, in time order: which customer, and the day and second of the bill. */
export interface Visits {
  count: number;
  customer: Int32Array;
  day: Int32Array;
  second: Int32Array;
}

/**
 * Lays out every customer's visits from their sign-up to the end (or to when they lapse or drift
 * away), then thins the repeat visits at random to exactly `bills` (first visits are kept: everyone
 * signed up buying something). The model gives somewhat more visits than a spec asks for, so the
 * thinning is mild (regulars come a little less often than their nominal gap); a spec asking for more
 * bills than the model gives is refused.
 */
export function scheduleVisits(rng: Random, customers: readonly Customer[], days: number, bills: number): Visits {
  const customerOf: number[] = [];
  const secondOf: number[] = [];
  const dayOf: number[] = [];
  const repeat: boolean[] = [];
  const add = (c: number, day: number, second: number, isRepeat: boolean) => {
    customerOf.push(c);
    dayOf.push(day);
    secondOf.push(second);
    repeat.push(isRepeat);
  };
  customers.forEach((customer, c) => {
    const rule = KINDS[customer.kind];
    const [from, to] = customer.window;
    const sameDay = (day: number, second: number) => {
      // A later bill the same day: at least half an hour after, before closing.
      const later = second + 1800 + rng.int(0, 4 * 3600);
      if (rng.chance(rule.secondBill) && later <= LAST_MINUTE * 60) add(c, day, later, true);
    };
    const firstSecond = customer.joinSecond + rng.int(60, 180);
    add(c, customer.joinDay, firstSecond, false);
    sameDay(customer.joinDay, firstSecond);
    if (rng.chance(rule.dropOut)) return;
    for (let day = customer.joinDay + rule.gap(rng); day < customer.stopDay; day += Math.max(1, rule.gap(rng))) {
      const second = rng.int(from * 60, Math.min(to, LAST_MINUTE) * 60);
      add(c, day, second, true);
      sameDay(day, second);
      if (rng.chance(rule.dropOut)) break;
    }
  });

  const total = customerOf.length;
  const repeats = repeat.reduce((n, r) => n + (r ? 1 : 0), 0);
  const firsts = total - repeats;
  if (bills < firsts) throw new RangeError(`${bills} bills are fewer than the ${firsts} members' first visits`);
  if (bills > total) throw new RangeError(`the customer model gives ${total} visits for these members, fewer than the ${bills} bills asked for`);
  // Selection sampling (Knuth's algorithm S): exactly `keep` of the repeat visits, each equally likely.
  let keep = bills - firsts;
  let left = repeats;
  const kept: number[] = [];
  for (let i = 0; i < total; i++) {
    if (repeat[i]) {
      if (rng.next() * left < keep) {
        kept.push(i);
        keep--;
      }
      left--;
    } else kept.push(i);
  }

  // Time order: day, second, then customer (one customer never has two bills in the same second).
  const scale = 2 ** Math.ceil(Math.log2(customers.length + 1));
  const keys = new Float64Array(kept.length);
  kept.forEach((i, k) => (keys[k] = (dayOf[i]! * 86_400 + secondOf[i]!) * scale + customerOf[i]!));
  keys.sort();
  const visits: Visits = { count: keys.length, customer: new Int32Array(keys.length), day: new Int32Array(keys.length), second: new Int32Array(keys.length) };
  keys.forEach((key, k) => {
    const time = Math.floor(key / scale);
    visits.customer[k] = key - time * scale;
    visits.day[k] = Math.floor(time / 86_400);
    visits.second[k] = time - visits.day[k]! * 86_400;
  });
  return visits;
}
