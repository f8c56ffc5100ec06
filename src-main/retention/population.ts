/**
 * The shop's customers as columns of numbers: every active member with at least one visit day up to
 * the given date, read in one pass from the figures checkout keeps on the member row. RFM quintiles,
 * the segment summary and the BG/NBD fit all start from here, and none of them needs the bills table.
 */
import type { Ledger } from '../ledger/db.ts';

export interface Population {
  asOfDate: string;
  size: number;
  memberIds: string[];
  /** Days from the first / last visit day to asOfDate. */
  daysSinceFirst: Float64Array;
  daysAbsent: Float64Array;
  visitDays: Float64Array;
  totalSpentMinor: Float64Array;
}

// NOT INDEXED: every member is read anyway; without statistics the planner would walk the partial
// phone index instead and fetch each row from a random place (2× slower at 100,000 members).
const SQL = `
  select id, julianday(@asOf) - julianday(first_visit_date), julianday(@asOf) - julianday(last_visit_date), visit_days, total_spent_minor
  from members not indexed
  where archived_at is null and visit_days > 0 and first_visit_date <= @asOf`;

export function loadPopulation(ledger: Ledger, asOfDate: string): Population {
  const rows = ledger.sqlite.prepare(SQL).raw().all({ asOf: asOfDate }) as Array<[string, number, number, number, number]>;
  const size = rows.length;
  const population: Population = {
    asOfDate,
    size,
    memberIds: new Array<string>(size),
    daysSinceFirst: new Float64Array(size),
    daysAbsent: new Float64Array(size),
    visitDays: new Float64Array(size),
    totalSpentMinor: new Float64Array(size),
  };
  for (let i = 0; i < size; i++) {
    const [id, sinceFirst, absent, visitDays, spent] = rows[i]!;
    population.memberIds[i] = id;
    population.daysSinceFirst[i] = sinceFirst;
    // A member whose last visit is after asOfDate (looking at the past) counts as just seen.
    population.daysAbsent[i] = Math.max(0, absent);
    population.visitDays[i] = visitDays;
    population.totalSpentMinor[i] = spent;
  }
  return population;
}
