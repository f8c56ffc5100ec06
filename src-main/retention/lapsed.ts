/**
 * The lapsed list: members past the day they count as lapsed (ledger/visit-figures.ts `lapsedFromDate`,
 * kept on the member row with their monthly spend), ranked by what the shop loses per month without
 * them. The page is an index walk — members in monthly-spend order, stopping at the 50th lapsed one —
 * and the totals a range of the lapsed-day index, so the list opens at once in a shop of 100,000.
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger/db.ts';
import { getSettings } from '../ledger/settings.ts';
import { addDays } from '../ledger/visit-figures.ts';
import type * as cmd from './commands.ts';
import { MEMBER_COLUMNS, toRetentionMembers, type MemberColumns } from './member-rows.ts';
import { latestFit, outlookOf } from './model.ts';
import { segmentOf, type RfmCutPoints } from './rfm.ts';
import { rfmCutPoints } from './segments.ts';
import { SEGMENTS, type LapsedPage, type ModelFit } from './types.ts';

type Params = Record<string, string | number>;
type Row = MemberColumns & { since_first: number; absent: number };

/** The member's RFM segment as an SQL expression over their row, from the cut points and the JS mapping (segmentOf). */
function segmentSql(cuts: RfmCutPoints, asOfDate: string, params: Params): string {
  const score = (terms: string[]) => `(1 + ${terms.join(' + ')})`;
  // Recency is scored on minus the (whole) days absent: −absent > c ⇔ last visit after asOf + c days.
  const r = score(cuts.recency.map((c, k) => ((params[`rc${k}`] = addDays(asOfDate, c)), `(m.last_visit_date > @rc${k})`)));
  const f = score(cuts.frequency.map((c, k) => ((params[`fc${k}`] = c), `(m.visit_days > @fc${k})`)));
  const m = score(cuts.monetary.map((c, k) => ((params[`mc${k}`] = c), `(m.total_spent_minor > @mc${k})`)));
  const branches: string[] = [];
  for (let ri = 1; ri <= 5; ri++) for (let fi = 1; fi <= 5; fi++) for (let mi = 1; mi <= 5; mi++) branches.push(`when ${ri * 100 + fi * 10 + mi} then '${segmentOf(ri, fi, mi)}'`);
  return `(case ${r} * 100 + ${f} * 10 + ${m} ${branches.join(' ')} end)`;
}

function filtersOf(query: z.output<typeof cmd.lapsedQuery>, asOfDate: string, cuts: RfmCutPoints, params: Params): string {
  const where = ['m.archived_at is null', 'm.lapsed_from_date <= @asOf'];
  params['asOf'] = asOfDate;
  if (query.minDaysAbsent !== undefined) {
    where.push('m.last_visit_date <= @absentSince');
    params['absentSince'] = addDays(asOfDate, -query.minDaysAbsent);
  }
  if (query.minMonthlySpendMinor !== undefined) {
    where.push('m.monthly_spend_minor >= @minMonthly');
    params['minMonthly'] = query.minMonthlySpendMinor;
  }
  if (query.tierId) {
    where.push('m.tier_id = @tierId');
    params['tierId'] = query.tierId;
  }
  if (query.hasBalance) where.push('m.balance_principal_minor + m.balance_bonus_minor > 0');
  if (query.neverContacted) where.push('not exists (select 1 from contacts c where c.member_id = m.id)');
  if (query.segment) {
    if (!(SEGMENTS as readonly string[]).includes(query.segment)) throw new Error('unknown segment');
    where.push(`${segmentSql(cuts, asOfDate, params)} = @segment`);
    params['segment'] = query.segment;
  }
  return where.join(' and ');
}

const ROW_COLUMNS = `${MEMBER_COLUMNS},
  julianday(@asOf) - julianday(m.first_visit_date) as since_first, julianday(@asOf) - julianday(m.last_visit_date) as absent`;

/**
 * Ranked by expected loss = (1 − P(alive)) × monthly spend, which is never above the monthly spend:
 * walking members in monthly-spend order, once the monthly spend falls below the best losses kept so
 * far, no later member can enter the page.
 */
function pageByExpectedLoss(ledger: Ledger, where: string, params: Params, fit: ModelFit, take: number): Row[] {
  const best: Array<{ row: Row; loss: number }> = [];
  const statement = ledger.sqlite.prepare(
    `select ${ROW_COLUMNS} from members m indexed by members_active_monthly_spend join tiers t on t.id = m.tier_id where ${where} order by m.monthly_spend_minor desc, m.id`,
  );
  for (const row of statement.iterate(params) as IterableIterator<Row>) {
    if (best.length >= take && row.monthly_spend_minor <= best[best.length - 1]!.loss) break;
    const { probabilityAlive } = outlookOf(fit.params, row.visit_days, row.since_first, Math.min(row.absent, row.since_first));
    const loss = (1 - probabilityAlive) * row.monthly_spend_minor;
    if (best.length < take || loss > best[best.length - 1]!.loss) {
      best.push({ row, loss });
      best.sort((a, b) => b.loss - a.loss || (a.row.id < b.row.id ? -1 : 1));
      if (best.length > take) best.pop();
    }
  }
  return best.map((b) => b.row);
}

export function listLapsed(ledger: Ledger, query: z.output<typeof cmd.lapsedQuery>, asOfDate: string): LapsedPage {
  const { retention } = getSettings(ledger);
  const fit = latestFit(ledger);
  const cuts = rfmCutPoints(ledger, asOfDate);
  const params: Params = {};
  const where = filtersOf(query, asOfDate, cuts, params);

  // The covering index holds every column a filter tests: the count never reads a member row.
  const totals = ledger.sqlite
    .prepare(`select count(*) as total, coalesce(sum(m.monthly_spend_minor), 0) as value from members m indexed by members_active_lapsed_cover where ${where}`)
    .get(params) as {
    total: number;
    value: number;
  };
  let rows: Row[];
  if (query.rankBy === 'expected_loss' && fit) {
    rows = pageByExpectedLoss(ledger, where, params, fit, query.offset + query.limit).slice(query.offset);
  } else {
    const order =
      query.rankBy === 'days_absent'
        ? 'members_last_visit_date join tiers t on t.id = m.tier_id where %W order by m.last_visit_date, m.id'
        : 'members_active_monthly_spend join tiers t on t.id = m.tier_id where %W order by m.monthly_spend_minor desc, m.id';
    rows = ledger.sqlite
      .prepare(`select ${ROW_COLUMNS} from members m indexed by ${order.replace('%W', where)} limit @limit offset @offset`)
      .all({ ...params, limit: query.limit, offset: query.offset }) as Row[];
  }
  return {
    asOfDate,
    total: totals.total,
    valueAtRiskMinor: totals.value,
    rows: toRetentionMembers(ledger, rows, { asOfDate, fit, cuts, wonBackDays: retention.wonBackDays }),
    model: fit,
  };
}
