/**
 * Top-ups over a range of business days: money paid in for stored value (principal) and the bonus
 * the shop added, by day, week or month and by how it was paid.
 *
 * Definitions:
 * - Each top-up and top-up refund counts on its own business day.
 * - Principal is money in (it is where stored value becomes money: sales.ts does not count stored
 *   value spent as money again); a top-up refund gives principal back and takes the bonus that came
 *   with it back (as far as the member still holds it), both shown positive.
 * - Net principal = principal − refunded principal; net bonus = bonus − bonus taken back.
 * - Manual adjustments, gifts and opening balances carried over from another system are not
 *   top-ups: they change what the shop owes (liability.ts) but no money came in.
 */
import type { Ledger } from '../ledger/db.ts';
import { prepared } from '../ledger/prepared.ts';
import type { ExternalMethod } from '../ledger/types.ts';
import * as cmd from './commands.ts';
import { checkRange, rollUp } from './range.ts';
import type { TopupFigures, TopupMethodTotal, TopupsReport } from './types.ts';

type DayTopups = TopupFigures & { day: string };

const DAILY_SQL = `
  select t.business_date as day,
    sum(t.kind = 'topup') as topupsCount,
    coalesce(sum(case when t.kind = 'topup' then t.principal_minor end), 0) as principalMinor,
    coalesce(sum(case when t.kind = 'topup' then t.bonus_minor end), 0) as bonusMinor,
    sum(t.kind = 'refund') as refundsCount,
    coalesce(-sum(case when t.kind = 'refund' then t.principal_minor end), 0) as refundedPrincipalMinor,
    coalesce(-sum(case when t.kind = 'refund' then t.bonus_minor end), 0) as bonusClawedBackMinor,
    sum(t.principal_minor) as netPrincipalMinor,
    sum(t.bonus_minor) as netBonusMinor
  from topups t
  where t.business_date between ? and ?
  group by t.business_date`;

const BY_METHOD_SQL = `
  select t.method as method,
    coalesce(sum(case when t.kind = 'topup' then t.principal_minor end), 0) as principalMinor,
    coalesce(-sum(case when t.kind = 'refund' then t.principal_minor end), 0) as refundedPrincipalMinor,
    sum(t.principal_minor) as netPrincipalMinor
  from topups t
  where t.business_date between ? and ?
  group by t.method`;

const METHOD_ORDER: readonly ExternalMethod[] = ['cash', 'wechat', 'alipay', 'card'];

const zeroTopups = (): TopupFigures => ({
  topupsCount: 0,
  principalMinor: 0,
  bonusMinor: 0,
  refundsCount: 0,
  refundedPrincipalMinor: 0,
  bonusClawedBackMinor: 0,
  netPrincipalMinor: 0,
  netBonusMinor: 0,
});

function addTopups(into: TopupFigures, day: TopupFigures): void {
  into.topupsCount += day.topupsCount;
  into.principalMinor += day.principalMinor;
  into.bonusMinor += day.bonusMinor;
  into.refundsCount += day.refundsCount;
  into.refundedPrincipalMinor += day.refundedPrincipalMinor;
  into.bonusClawedBackMinor += day.bonusClawedBackMinor;
  into.netPrincipalMinor += day.netPrincipalMinor;
  into.netBonusMinor += day.netBonusMinor;
}

export function topupsReport(ledger: Ledger, input: cmd.GroupedRangeInput): TopupsReport {
  const { from, to, groupBy } = cmd.groupedRange.parse(input);
  checkRange(from, to);
  const days = prepared<DayTopups>(ledger.sqlite, DAILY_SQL).all(from, to);
  const totals = zeroTopups();
  for (const d of days) addTopups(totals, d);
  const byMethod = prepared<TopupMethodTotal>(ledger.sqlite, BY_METHOD_SQL)
    .all(from, to)
    .sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
  return { from, to, groupBy, totals, buckets: rollUp(from, to, groupBy, days, zeroTopups, addTopups), byMethod };
}
