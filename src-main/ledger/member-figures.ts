/**
 * Two figures kept on each member row for the lapsed list (visit-figures.ts says what they mean):
 * `monthly_spend_minor` and `lapsed_from_date`. Like the visit figures they summarise, they are written
 * by the transaction that changes those (a sale, a refund), so the list can walk an index instead of
 * working the rule out for every member. The lapsed day depends on the shop's rule: a change of the
 * rule rewrites every member's in the same transaction, and opening a file whose figures were made
 * under another rule (or none, after the migration that added them) rewrites them once.
 */
import { eq, sql } from 'drizzle-orm';
import type { Ledger } from './db.ts';
import { perConnection } from './prepared.ts';
import { members, settings } from './schema.ts';
import type { Settings } from './settings-schema.ts';
import { lapsedFromDate, monthlySpendMinor, type LapsedRule, type VisitFacts } from './visit-figures.ts';

/** Bump when the way the figures are worked out changes, so every file works them out again once. */
const FIGURES_VERSION = 1;
const STAMP_KEY = 'member_figures_rule';

const stampOf = (rule: LapsedRule) => JSON.stringify({ v: FIGURES_VERSION, ...rule });

export function memberFigures(facts: VisitFacts, rule: LapsedRule): { monthlySpendMinor: number; lapsedFromDate: string | null } {
  return { monthlySpendMinor: monthlySpendMinor(facts), lapsedFromDate: lapsedFromDate(facts, rule) };
}

/** After a member's visit figures or total spent changed, inside the same transaction. */
export function refreshMemberFigures(ledger: Ledger, memberId: string, rule: LapsedRule): void {
  const row = visitFactsOf(ledger.db).get({ memberId });
  if (row) setFigures(ledger.db).run({ ...memberFigures(row, rule), memberId });
}

const visitFactsOf = perConnection((db) =>
  db
    .select({ visitDays: members.visitDays, firstVisitDate: members.firstVisitDate, lastVisitDate: members.lastVisitDate, totalSpentMinor: members.totalSpentMinor })
    .from(members)
    .where(eq(members.id, sql.placeholder('memberId')))
    .prepare(),
);
const setFigures = perConnection((db) =>
  db
    .update(members)
    .set({ monthlySpendMinor: sql`${sql.placeholder('monthlySpendMinor')}`, lapsedFromDate: sql`${sql.placeholder('lapsedFromDate')}` })
    .where(eq(members.id, sql.placeholder('memberId')))
    .prepare(),
);

/** Every member's figures under `rule` (a rule change, or a file opened for the first time), inside the caller's transaction. */
export function refreshAllMemberFigures(ledger: Pick<Ledger, 'sqlite'>, rule: LapsedRule): number {
  const rows = ledger.sqlite
    .prepare('select id, visit_days, first_visit_date, last_visit_date, total_spent_minor, monthly_spend_minor, lapsed_from_date from members')
    .raw()
    .all() as Array<[string, number, string | null, string | null, number, number, string | null]>;
  const update = ledger.sqlite.prepare('update members set monthly_spend_minor = ?, lapsed_from_date = ? where id = ?');
  let changed = 0;
  for (const [id, visitDays, firstVisitDate, lastVisitDate, totalSpentMinor, monthlyNow, lapsedNow] of rows) {
    const figures = memberFigures({ visitDays, firstVisitDate, lastVisitDate, totalSpentMinor }, rule);
    if (figures.monthlySpendMinor === monthlyNow && figures.lapsedFromDate === lapsedNow) continue;
    update.run(figures.monthlySpendMinor, figures.lapsedFromDate, id);
    changed++;
  }
  ledger.sqlite.prepare('insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(STAMP_KEY, stampOf(rule));
  return changed;
}

/** At open: work the figures out again if they were made under another rule or version (or never). */
export function ensureMemberFigures(ledger: Pick<Ledger, 'sqlite' | 'db'>, rule: Settings['retention']): void {
  const stamp = ledger.db.select({ value: settings.value }).from(settings).where(eq(settings.key, STAMP_KEY)).get();
  if (stamp?.value === stampOf(rule)) return;
  ledger.sqlite.transaction(() => refreshAllMemberFigures(ledger, rule)).immediate();
}
