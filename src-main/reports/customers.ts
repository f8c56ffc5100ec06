/**
 * Who buys: members against walk-ins, visits, average spend per visit, new members and how many
 * members came back within the range.
 *
 * Definitions (bills taken at the till only, till-bills.ts; each on its own business day):
 * - Member / walk-in net sales: bills with / without a member, sales − refunds.
 * - A member's visit is a business day with at least one sale bill of theirs (as the member figures
 *   count `visit_days`: two bills in a day are one visit). A walk-in cannot be told apart from the
 *   next one, so each walk-in sale bill is a visit. Visits add up over days, so weeks and months are
 *   the sums of their days.
 * - Average spend per visit = net sales ÷ visits, rounded half away from zero to the minor unit.
 * - New members: members who signed up on these days (by the shop's calendar), not those carried
 *   over from another system by an import.
 * - Repeat rate: of the members with a visit in the range, the share with visits on two or more
 *   different days of it. Over the whole range only (it does not add up over buckets).
 */
import type { Ledger } from '../ledger/db.ts';
import { mulDivRound } from '../ledger/money.ts';
import { prepared } from '../ledger/prepared.ts';
import { businessDate, businessDayStartIso } from '../ledger/time.ts';
import * as cmd from './commands.ts';
import { checkRange, rollUp } from './range.ts';
import { TILL_BILL } from '../ledger/till-bills.ts';
import type { CustomerFigures, CustomersReport } from './types.ts';

interface DayCustomers {
  day: string;
  memberNetMinor: number;
  walkInNetMinor: number;
  memberVisits: number;
  walkInVisits: number;
  newMembers: number;
}

const DAILY_SQL = `
  select b.business_date as day,
    coalesce(sum(case when b.member_id is not null then b.total_minor end), 0) as memberNetMinor,
    coalesce(sum(case when b.member_id is null then b.total_minor end), 0) as walkInNetMinor,
    count(distinct case when b.kind = 'sale' then b.member_id end) as memberVisits,
    sum(b.kind = 'sale' and b.member_id is null) as walkInVisits,
    0 as newMembers
  from bills b
  where b.business_date between ? and ? and ${TILL_BILL}
  group by b.business_date`;

const REPEAT_SQL = `
  select count(*) as visitingMembers, coalesce(sum(v.days >= 2), 0) as repeatMembers
  from (
    select count(distinct b.business_date) as days
    from bills b
    where b.business_date between ? and ? and b.kind = 'sale' and b.member_id is not null and ${TILL_BILL}
    group by b.member_id
  ) v`;

const SIGNUPS_SQL = 'select created_at as createdAt from members where created_at >= ? and created_at < ? and import_batch_id is null';

type Parts = Omit<DayCustomers, 'day'>;
const zeroParts = (): Parts => ({ memberNetMinor: 0, walkInNetMinor: 0, memberVisits: 0, walkInVisits: 0, newMembers: 0 });
function addParts(into: Parts, day: Parts): void {
  into.memberNetMinor += day.memberNetMinor;
  into.walkInNetMinor += day.walkInNetMinor;
  into.memberVisits += day.memberVisits;
  into.walkInVisits += day.walkInVisits;
  into.newMembers += day.newMembers;
}

/** The figures that follow from the additive parts: totals and averages per visit. */
function figuresOf(p: Parts): CustomerFigures {
  const netMinor = p.memberNetMinor + p.walkInNetMinor;
  const visits = p.memberVisits + p.walkInVisits;
  const perVisit = (net: number, n: number) => (n > 0 ? mulDivRound(net, 1, n) : 0);
  return {
    ...p,
    netMinor,
    visits,
    memberSpendPerVisitMinor: perVisit(p.memberNetMinor, p.memberVisits),
    walkInSpendPerVisitMinor: perVisit(p.walkInNetMinor, p.walkInVisits),
    spendPerVisitMinor: perVisit(netMinor, visits),
  };
}

/** Sign-ups per business day: few rows (one per member who joined), dated by the shop's own calendar. */
function signupsByDay(ledger: Ledger, from: string, to: string): DayCustomers[] {
  const counts = new Map<string, number>();
  for (const { createdAt } of prepared<{ createdAt: string }>(ledger.sqlite, SIGNUPS_SQL).all(businessDayStartIso(from), businessDayStartIso(to, 1))) {
    const day = businessDate(new Date(createdAt));
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].map(([day, newMembers]) => ({ day, ...zeroParts(), newMembers }));
}

export function customersReport(ledger: Ledger, input: cmd.GroupedRangeInput): CustomersReport {
  const { from, to, groupBy } = cmd.groupedRange.parse(input);
  checkRange(from, to);
  const days = [...prepared<DayCustomers>(ledger.sqlite, DAILY_SQL).all(from, to), ...signupsByDay(ledger, from, to)];
  const totals = zeroParts();
  for (const d of days) addParts(totals, d);
  const repeat = prepared<{ visitingMembers: number; repeatMembers: number }>(ledger.sqlite, REPEAT_SQL).get(from, to)!;
  return {
    from,
    to,
    groupBy,
    totals: {
      ...figuresOf(totals),
      ...repeat,
      repeatRateBp: repeat.visitingMembers > 0 ? mulDivRound(repeat.repeatMembers, 10_000, repeat.visitingMembers) : 0,
    },
    buckets: rollUp(from, to, groupBy, days, zeroParts, addParts).map(({ start, end, ...parts }) => ({ start, end, ...figuresOf(parts) })),
  };
}
