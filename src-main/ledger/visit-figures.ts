/**
 * What a member's visits say, from the figures checkout keeps on the member row (visit days, first and
 * last visit date, total spent): days absent, their usual interval, what they spend a month, and the
 * lapsed rule. Whole days, shop calendar. Two of these are kept on the member row too (monthly spend,
 * the day they count as lapsed from), maintained with the visit figures, so the lapsed list is an
 * index walk rather than this arithmetic over every member.
 */

const DAY_MS = 86_400_000;

/** Days from one YYYY-MM-DD to another (calendar days, whatever the clock time or DST). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface VisitFacts {
  visitDays: number;
  firstVisitDate: string | null;
  lastVisitDate: string | null;
  totalSpentMinor: number;
}

/** Average days between visits; null before the second visit day. */
export function usualIntervalDays(facts: VisitFacts): number | null {
  if (facts.visitDays < 2 || !facts.firstVisitDate || !facts.lastVisitDate) return null;
  return daysBetween(facts.firstVisitDate, facts.lastVisitDate) / (facts.visitDays - 1);
}

/** A month, in days, for "spend per month". */
export const MONTH_DAYS = 30;

/**
 * What they spent per month while they were a customer: the value at risk when they stop. Their
 * active time is their visits' span plus one usual interval (a member who came 4 times a week apart
 * was a customer for about 4 weeks), and never less than a month, so two visits on consecutive days
 * do not read as a fortune a month. Integer minor units, rounded half up.
 */
export function monthlySpendMinor(facts: VisitFacts): number {
  if (facts.visitDays === 0 || facts.totalSpentMinor <= 0) return 0;
  const interval = usualIntervalDays(facts) ?? 0;
  const activeDays = Math.max(MONTH_DAYS, interval * facts.visitDays);
  return Math.floor((facts.totalSpentMinor * MONTH_DAYS) / activeDays + 0.5);
}

export interface LapsedRule {
  minDaysAbsent: number;
  intervalMultiple: number;
  minVisitDays: number;
}

/**
 * Lapsed: absent longer than both the shop-wide minimum and `intervalMultiple` × their own usual
 * interval. A weekly regular absent 4 weeks is lapsed; a monthly one absent 5 weeks is not. Members
 * with fewer than `minVisitDays` visit days have no usual interval and are never lapsed.
 *
 * As a date: absent days are whole, so absent > max(min, multiple × interval) ⇔ absent ≥
 * max(min, ⌊multiple × interval⌋) + 1 — the member is lapsed from their last visit plus that many days.
 */
export function lapsedFromDate(facts: VisitFacts, rule: LapsedRule): string | null {
  const interval = usualIntervalDays(facts);
  if (interval === null || facts.visitDays < rule.minVisitDays || !facts.lastVisitDate) return null;
  return addDays(facts.lastVisitDate, Math.max(rule.minDaysAbsent, Math.floor(rule.intervalMultiple * interval)) + 1);
}

export function isLapsed(facts: VisitFacts, asOfDate: string, rule: LapsedRule): boolean {
  const from = lapsedFromDate(facts, rule);
  return from !== null && from <= asOfDate;
}
