/**
 * The members who spent most in a range of business days.
 *
 * Definitions (bills taken at the till only, till-bills.ts): a member's spend is their net sales in
 * the range (sales − refunds, refunds on the day they were made); bills are their sale bills; visits
 * are the distinct days with a sale (as customers.ts counts them). Ties rank by member id, so the
 * order is stable. Balances and points are the member's now, not at the end of the range.
 */
import type { Ledger } from '../ledger/db.ts';
import { mulDivRound } from '../ledger/money.ts';
import { prepared } from '../ledger/prepared.ts';
import type { z } from 'zod';
import * as cmd from './commands.ts';
import { checkRange } from './range.ts';
import { TILL_BILL } from '../ledger/till-bills.ts';
import type { TopMember, TopMembersReport } from './types.ts';

const TOP_SQL = `
  select v.memberId, m.code, m.name, m.phone, t.name as tierName, v.netMinor, v.bills, v.visits, v.lastVisitDate,
    m.balance_principal_minor + m.balance_bonus_minor as balanceMinor, m.points, v.allMembersNet
  from (
    select b.member_id as memberId,
      sum(b.total_minor) as netMinor,
      sum(b.kind = 'sale') as bills,
      count(distinct case when b.kind = 'sale' then b.business_date end) as visits,
      max(case when b.kind = 'sale' then b.business_date end) as lastVisitDate,
      sum(sum(b.total_minor)) over () as allMembersNet
    from bills b
    where b.business_date between ? and ? and b.member_id is not null and ${TILL_BILL}
    group by b.member_id
    order by netMinor desc, b.member_id
    limit ?
  ) v
  join members m on m.id = v.memberId
  join tiers t on t.id = m.tier_id
  order by v.netMinor desc, v.memberId`;

type Row = Omit<TopMember, 'spendPerVisitMinor'> & { allMembersNet: number };

export function topMembersReport(ledger: Ledger, input: z.input<typeof cmd.topMembersQuery>): TopMembersReport {
  const { from, to, limit } = cmd.topMembersQuery.parse(input);
  checkRange(from, to);
  const rows = prepared<Row>(ledger.sqlite, TOP_SQL).all(from, to, limit);
  return {
    from,
    to,
    memberNetMinor: rows[0]?.allMembersNet ?? 0,
    members: rows.map(({ allMembersNet: _all, ...r }) => ({ ...r, spendPerVisitMinor: r.visits > 0 ? mulDivRound(r.netMinor, 1, r.visits) : 0 })),
  };
}
