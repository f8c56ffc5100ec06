/**
 * The lapsed list: members absent longer than both the shop's minimum and a multiple of their own
 * usual interval (visit-stats.ts `isLapsed`, the rule this query states in SQL — a test proves the two
 * agree member by member), ranked by what the shop loses per month without them.
 *
 * One query over the member rows (no bills): the last-visit index narrows it to members absent longer
 * than the minimum, the rule and the filters run per row, and the page comes back with the total
 * count and the total value at risk of everything that matched.
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger/db.ts';
import { getSettings } from '../ledger/settings.ts';
import type * as cmd from './commands.ts';
import { MEMBER_COLUMNS, toRetentionMembers, type MemberColumns } from './member-rows.ts';
import { latestFit, useModelInSql } from './model.ts';
import { scoreMember } from './rfm.ts';
import { rfmCutPoints } from './segments.ts';
import type { LapsedPage, LapsedRanking } from './types.ts';
import { addDays, MONTH_DAYS } from './visit-stats.ts';
import type Database from 'better-sqlite3';

const ORDER: Record<LapsedRanking, string> = {
  value_at_risk: 'monthly desc, id',
  expected_loss: 'expected_loss desc, monthly desc, id',
  days_absent: 'absent desc, id',
};

const segmentFilters = new WeakMap<Database.Database, (absent: number, visitDays: number, spent: number) => string>();

export function listLapsed(ledger: Ledger, query: z.output<typeof cmd.lapsedQuery>, asOfDate: string): LapsedPage {
  const { retention } = getSettings(ledger);
  const fit = latestFit(ledger);
  useModelInSql(ledger.sqlite, fit?.params ?? null);
  const cuts = rfmCutPoints(ledger, asOfDate);
  if (query.segment) useSegmentInSql(ledger.sqlite, (absent, visitDays, spent) => scoreMember({ daysAbsent: absent, visitDays, totalSpentMinor: spent }, cuts).segment);

  const filters: string[] = [];
  const params: Record<string, string | number> = {
    asOf: asOfDate,
    // Absent more than minDaysAbsent days ⇔ last visit before this date: an index range.
    cutoff: addDays(asOfDate, -retention.minDaysAbsent),
    minVisitDays: retention.minVisitDays,
    multiple: retention.intervalMultiple,
    month: MONTH_DAYS,
    limit: query.limit,
    offset: query.offset,
  };
  if (query.minDaysAbsent !== undefined) {
    filters.push('absent >= @minDaysAbsent');
    params['minDaysAbsent'] = query.minDaysAbsent;
  }
  if (query.minMonthlySpendMinor !== undefined) {
    filters.push('monthly >= @minMonthly');
    params['minMonthly'] = query.minMonthlySpendMinor;
  }
  if (query.tierId) {
    filters.push('tier_id = @tierId');
    params['tierId'] = query.tierId;
  }
  if (query.hasBalance) filters.push('balance_principal_minor + balance_bonus_minor > 0');
  if (query.neverContacted) filters.push('not exists (select 1 from contacts c where c.member_id = l.id)');
  if (query.segment) {
    filters.push('rfm_segment(absent, visit_days, total_spent_minor) = @segment');
    params['segment'] = query.segment;
  }

  const sql = `
    with candidates as (
      select ${MEMBER_COLUMNS},
        julianday(@asOf) - julianday(m.last_visit_date) as absent,
        julianday(@asOf) - julianday(m.first_visit_date) as since_first,
        (julianday(m.last_visit_date) - julianday(m.first_visit_date)) / (m.visit_days - 1) as interval
      from members m join tiers t on t.id = m.tier_id
      where m.archived_at is null and m.visit_days >= @minVisitDays and m.last_visit_date < @cutoff
    ),
    lapsed as (
      -- visit-stats.ts monthlySpendMinor: total × 30 / max(30, interval × visit days), rounded half up.
      select *, cast(total_spent_minor * @month / max(@month, interval * visit_days) + 0.5 as integer) as monthly
      from candidates where absent > @multiple * interval
    )
    select *, count(*) over () as total, sum(monthly) over () as value_at_risk,
      ${fit ? '(1 - p_alive(visit_days, since_first, absent)) * monthly' : '0'} as expected_loss
    from lapsed l ${filters.length ? `where ${filters.join(' and ')}` : ''}
    order by ${ORDER[query.rankBy === 'expected_loss' && !fit ? 'value_at_risk' : query.rankBy]}
    limit @limit offset @offset`;
  const rows = ledger.sqlite.prepare(sql).all(params) as Array<MemberColumns & { total: number; value_at_risk: number }>;
  const total = rows[0]?.total ?? (query.offset > 0 ? countOnly(ledger, sql, params) : 0);
  return {
    asOfDate,
    total,
    valueAtRiskMinor: rows[0]?.value_at_risk ?? 0,
    rows: toRetentionMembers(ledger, rows, { asOfDate, fit, cuts, wonBackDays: retention.wonBackDays }),
    model: fit,
  };
}

/** A page past the end still reports how many there are. */
function countOnly(ledger: Ledger, sql: string, params: Record<string, string | number>): number {
  const row = ledger.sqlite.prepare(sql).get({ ...params, offset: 0, limit: 1 }) as { total: number } | undefined;
  return row?.total ?? 0;
}

function useSegmentInSql(sqlite: Database.Database, classify: (absent: number, visitDays: number, spent: number) => string): void {
  if (!segmentFilters.has(sqlite)) {
    sqlite.function('rfm_segment', { deterministic: false }, (absent: unknown, visitDays: unknown, spent: unknown) =>
      segmentFilters.get(sqlite)!(Number(absent), Number(visitDays), Number(spent)),
    );
  }
  segmentFilters.set(sqlite, classify);
}
