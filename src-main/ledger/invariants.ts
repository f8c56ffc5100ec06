/**
 * The ledger's promises, checked against the rows themselves. Tests run this after every random
 * sequence of operations and after crashes; the owner's integrity check (later) runs it too.
 * Each query returns the rows that break a rule, so an empty result everywhere means all is well.
 */
import type { Ledger } from './db.ts';
import { memberFigures } from './member-figures.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings-schema.ts';

const CHECKS: Record<string, string> = {
  'member balance equals wallet ledger': `
    select m.id, m.balance_principal_minor, m.balance_bonus_minor, coalesce(w.p, 0) p, coalesce(w.b, 0) b
    from members m left join (select member_id, sum(principal_delta_minor) p, sum(bonus_delta_minor) b from wallet_entries group by member_id) w
      on w.member_id = m.id
    where m.balance_principal_minor != coalesce(w.p, 0) or m.balance_bonus_minor != coalesce(w.b, 0)`,
  'member points equal points ledger': `
    select m.id, m.points, coalesce(e.s, 0) s
    from members m left join (select member_id, sum(delta) s from points_entries group by member_id) e on e.member_id = m.id
    where m.points != coalesce(e.s, 0)`,
  'nothing negative': `
    select id from members where balance_principal_minor < 0 or balance_bonus_minor < 0 or points < 0
    union all select id from wallet_entries where principal_after_minor < 0 or bonus_after_minor < 0
    union all select id from points_entries where balance_after < 0`,
  'running balances follow the entries': `
    select id from (
      select id, principal_after_minor - sum(principal_delta_minor) over w as dp, bonus_after_minor - sum(bonus_delta_minor) over w as db
      from wallet_entries window w as (partition by member_id order by rowid rows unbounded preceding))
    where dp != 0 or db != 0
    union all
    select id from (
      select id, balance_after - sum(delta) over w as d from points_entries
      window w as (partition by member_id order by rowid rows unbounded preceding))
    where d != 0`,
  'payments add up to each bill': `
    select b.id, b.total_minor, coalesce(sum(p.amount_minor), 0) paid
    from bills b left join payments p on p.bill_id = b.id group by b.id
    having b.total_minor != coalesce(sum(p.amount_minor), 0)`,
  'lines add up to each bill': `
    select b.id from bills b left join bill_lines l on l.bill_id = b.id group by b.id
    having b.total_minor != coalesce(sum(l.net_minor), 0) or b.subtotal_minor != coalesce(sum(l.gross_minor), 0)`,
  'refunds never above the sale line': `
    select s.id, s.quantity, s.net_minor, -sum(r.quantity) q, -sum(r.net_minor) n
    from bill_lines s join bill_lines r on r.refund_of_line_id = s.id group by s.id
    having -sum(r.quantity) > s.quantity or -sum(r.net_minor) > s.net_minor`,
  'refunds never above the sale payment': `
    select s.id from payments s join payments r on r.refund_of_payment_id = s.id group by s.id
    having -sum(r.amount_minor) > s.amount_minor or -sum(r.principal_minor) > s.principal_minor
      or -sum(r.bonus_minor) > s.bonus_minor or -sum(r.points) > s.points`,
  'refunds never above the sale bill': `
    select s.id from bills s join bills r on r.original_bill_id = s.id group by s.id
    having -sum(r.total_minor) > s.total_minor`,
  'stored value on bills matches the wallet': `
    select b.id from bills b
    left join (select bill_id, sum(principal_minor) p, sum(bonus_minor) bo from payments where method = 'stored_value' group by bill_id) pay on pay.bill_id = b.id
    left join (select bill_id, sum(principal_delta_minor) p, sum(bonus_delta_minor) bo from wallet_entries where bill_id is not null group by bill_id) w on w.bill_id = b.id
    where coalesce(pay.p, 0) != -coalesce(w.p, 0) or coalesce(pay.bo, 0) != -coalesce(w.bo, 0)`,
  'points on bills match the points ledger': `
    select b.id from bills b
    left join (select bill_id, sum(delta) d from points_entries where kind in ('earn', 'earn_reversal') group by bill_id) e on e.bill_id = b.id
    where b.points_earned != coalesce(e.d, 0)`,
  'top-ups match the wallet': `
    select t.id from topups t left join wallet_entries w on w.topup_id = t.id
    group by t.id having t.principal_minor != coalesce(sum(w.principal_delta_minor), 0) or t.bonus_minor != coalesce(sum(w.bonus_delta_minor), 0)`,
  'top-up refunds never above the top-up': `
    select t.id from topups t join topups r on r.original_topup_id = t.id group by t.id
    having -sum(r.principal_minor) > t.principal_minor`,
  'member totals equal their bills': `
    select m.id from members m
    left join (select member_id, sum(total_minor) spent, sum(kind = 'sale') visits, min(case when kind = 'sale' then created_at end) first_at,
                      max(case when kind = 'sale' then created_at end) last_at
               from bills where member_id is not null group by member_id) b on b.member_id = m.id
    where m.total_spent_minor != coalesce(b.spent, 0) or m.visit_count != coalesce(b.visits, 0)
       or m.first_visit_at is not b.first_at or m.last_visit_at is not b.last_at`,
  'member visit days equal their sale days': `
    select m.id from members m
    left join (select member_id, count(distinct business_date) days, min(business_date) first_day, max(business_date) last_day
               from bills where member_id is not null and kind = 'sale' group by member_id) b on b.member_id = m.id
    where m.visit_days != coalesce(b.days, 0) or m.first_visit_date is not b.first_day or m.last_visit_date is not b.last_day`,
  // Imports (src-main/imports): opening balances only on imported members, imported visits move no money,
  // and each batch adds up to what it says it wrote.
  'opening entries belong to imported members': `
    select w.id from wallet_entries w join members m on m.id = w.member_id
    where w.kind = 'opening' and (w.bill_id is not null or w.topup_id is not null or m.import_batch_id is null)
    union all
    select e.id from points_entries e join members m on m.id = e.member_id
    where e.kind = 'opening' and (e.bill_id is not null or m.import_batch_id is null)`,
  'imported bills are visits that moved no money': `
    select b.id from bills b where b.import_batch_id is not null and (
      b.kind != 'sale' or b.points_earned != 0
      or exists (select 1 from payments p where p.bill_id = b.id and p.method != 'imported')
      or exists (select 1 from wallet_entries w where w.bill_id = b.id)
      or exists (select 1 from points_entries e where e.bill_id = b.id)
      or exists (select 1 from bills r where r.original_bill_id = b.id))
    union all
    select p.id from payments p join bills b on b.id = p.bill_id where p.method = 'imported' and b.import_batch_id is null`,
  'import batches add up to what they wrote': `
    select ib.id from import_batches ib
    left join (select import_batch_id id, count(*) n from members where import_batch_id is not null group by 1) mc on mc.id = ib.id
    left join (select import_batch_id id, count(*) n, sum(total_minor) s from bills where import_batch_id is not null group by 1) bc on bc.id = ib.id
    left join (select m.import_batch_id id, sum(w.principal_delta_minor) p, sum(w.bonus_delta_minor) b
               from wallet_entries w join members m on m.id = w.member_id where w.kind = 'opening' group by 1) wo on wo.id = ib.id
    left join (select m.import_batch_id id, sum(e.delta) d from points_entries e join members m on m.id = e.member_id where e.kind = 'opening' group by 1) po on po.id = ib.id
    where ib.rows_imported != (case ib.kind when 'members' then coalesce(mc.n, 0) else coalesce(bc.n, 0) end)
       or ib.visits_minor != coalesce(bc.s, 0)
       or ib.opening_principal_minor != coalesce(wo.p, 0) or ib.opening_bonus_minor != coalesce(wo.b, 0) or ib.opening_points != coalesce(po.d, 0)`,
};

export interface InvariantViolation {
  rule: string;
  rows: unknown[];
}

export function checkLedgerInvariants(ledger: Pick<Ledger, 'sqlite'>): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  for (const [rule, query] of Object.entries(CHECKS)) {
    const rows = ledger.sqlite.prepare(query).all();
    if (rows.length > 0) violations.push({ rule, rows: rows.slice(0, 5) });
  }
  const stale = staleMemberFigures(ledger);
  if (stale.length > 0) violations.push({ rule: 'member monthly spend and lapsed day equal their visit figures', rows: stale.slice(0, 5) });
  return violations;
}

/** The lapsed list's cached figures against the same functions applied to the member's visit figures now. */
function staleMemberFigures(ledger: Pick<Ledger, 'sqlite'>): unknown[] {
  const stored = ledger.sqlite.prepare("select value from settings where key = 'retention'").get() as { value: string } | undefined;
  const rule = stored ? (JSON.parse(stored.value) as Settings['retention']) : DEFAULT_SETTINGS.retention;
  const rows = ledger.sqlite
    .prepare('select id, visit_days, first_visit_date, last_visit_date, total_spent_minor, monthly_spend_minor, lapsed_from_date from members')
    .all() as Array<{ id: string; visit_days: number; first_visit_date: string | null; last_visit_date: string | null; total_spent_minor: number; monthly_spend_minor: number; lapsed_from_date: string | null }>;
  return rows.filter((r) => {
    const expected = memberFigures({ visitDays: r.visit_days, firstVisitDate: r.first_visit_date, lastVisitDate: r.last_visit_date, totalSpentMinor: r.total_spent_minor }, rule);
    return expected.monthlySpendMinor !== r.monthly_spend_minor || expected.lapsedFromDate !== r.lapsed_from_date;
  });
}
