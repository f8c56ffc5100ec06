/**
 * What the shop owes its members at the end of a business day: the stored value they hold (principal
 * they paid and bonus they were given), aged by how long since they last used it, and their points.
 *
 * Definitions:
 * - Time: everything written before local midnight after `asOf` (ledger/time.ts businessDayStartIso).
 * - Stored value: per member, the running balance of their last wallet entry before then (the ledger
 *   keeps principal and bonus after every entry; invariants.ts holds it equal to the sum of the
 *   entries). Members holding nothing are not counted. Archived members still hold what they hold.
 * - Last use: the member's last spend of stored value or top-up before then. Refunds, corrections,
 *   gifts and balances carried over from another system are not a use; a balance that only ever came
 *   that way is aged `never`. Age in days = asOf − the business day of the last use: 0–30, 31–90,
 *   91–180, 181–365, over 365.
 * - Points: the members' points now (the cached column, held equal to the points ledger by
 *   invariants.ts) less every points entry written after the day — the ledger's sum up to the day
 *   without reading the years before it (index points_entries_created, migrations/0010).
 * - Their value: the points at today's redemption rate, rounded down.
 *
 * Cost: the stored-value part reads one index entry per member who ever held stored value plus two
 * lookups each; the points part reads the members once and the entries after the day.
 */
import type { Ledger } from '../ledger/db.ts';
import { mulDivFloor } from '../ledger/money.ts';
import { prepared } from '../ledger/prepared.ts';
import { getSettings } from '../ledger/settings.ts';
import { businessDate, businessDayStartIso } from '../ledger/time.ts';
import { addDays } from '../ledger/visit-figures.ts';
import type { z } from 'zod';
import * as cmd from './commands.ts';
import { AGING_BUCKETS, type AgingRow, type LiabilityReport } from './types.ts';

/** The oldest day of each aged bucket: used within this many days of `asOf` (the last bucket is the rest). */
const AGE_LIMITS_DAYS = [30, 90, 180, 365] as const;

// Materialized: each member's last entry and last use are looked up once, not once per CASE branch.
const STORED_VALUE_SQL = `
  with holders as materialized (
    select d.member_id as memberId,
      (select w.rowid from wallet_entries w
        where w.member_id = d.member_id and w.created_at < :before
        order by w.created_at desc, w.rowid desc limit 1) as lastEntry,
      (select w.created_at from wallet_entries w
        where w.member_id = d.member_id and w.created_at < :before and w.kind in ('spend', 'topup')
        order by w.created_at desc limit 1) as lastUse
    from (select distinct member_id from wallet_entries) d
  )
  select
    case
      when h.lastUse is null then 5
      when h.lastUse >= :age30 then 0
      when h.lastUse >= :age90 then 1
      when h.lastUse >= :age180 then 2
      when h.lastUse >= :age365 then 3
      else 4
    end as bucket,
    count(*) as members,
    sum(e.principal_after_minor) as principalMinor,
    sum(e.bonus_after_minor) as bonusMinor
  from holders h join wallet_entries e on e.rowid = h.lastEntry
  where e.principal_after_minor + e.bonus_after_minor > 0
  group by bucket`;

const POINTS_NOW_SQL = 'select coalesce(sum(points), 0) as points from members';
const POINTS_AFTER_SQL = 'select coalesce(sum(delta), 0) as points from points_entries where created_at >= ?';

export function liabilityReport(ledger: Ledger, input: z.input<typeof cmd.liabilityQuery> = {}): LiabilityReport {
  const { asOf: asked } = cmd.liabilityQuery.parse(input);
  const asOf = asked ?? businessDate(ledger.clock());
  const before = businessDayStartIso(asOf, 1);
  const [age30, age90, age180, age365] = AGE_LIMITS_DAYS.map((days) => businessDayStartIso(addDays(asOf, -days)));

  const rows = prepared<{ bucket: number; members: number; principalMinor: number; bonusMinor: number }>(ledger.sqlite, STORED_VALUE_SQL).all({
    before,
    age30,
    age90,
    age180,
    age365,
  });
  const aging: AgingRow[] = AGING_BUCKETS.map((bucket, i) => {
    const row = rows.find((r) => r.bucket === i);
    const principalMinor = row?.principalMinor ?? 0;
    const bonusMinor = row?.bonusMinor ?? 0;
    return { bucket, members: row?.members ?? 0, principalMinor, bonusMinor, totalMinor: principalMinor + bonusMinor };
  });
  const sum = (pick: (r: AgingRow) => number) => aging.reduce((s, r) => s + pick(r), 0);

  const pointsNow = prepared<{ points: number }>(ledger.sqlite, POINTS_NOW_SQL).get()!.points;
  const pointsSince = prepared<{ points: number }>(ledger.sqlite, POINTS_AFTER_SQL).get(before)!.points;
  const outstanding = pointsNow - pointsSince;
  const { pointsPerUnit } = getSettings(ledger).pointsRedemption;

  return {
    asOf,
    storedValue: { members: sum((r) => r.members), principalMinor: sum((r) => r.principalMinor), bonusMinor: sum((r) => r.bonusMinor), totalMinor: sum((r) => r.totalMinor) },
    aging,
    points: { outstanding, valueMinor: mulDivFloor(outstanding, 100, pointsPerUnit), pointsPerUnit },
  };
}
