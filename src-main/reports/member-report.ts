/**
 * One member over a range of business days: every bill of theirs with how it was paid, and every
 * stored-value and points movement with the balances after it — the drill-down from the top members.
 *
 * The movements are the member statement (receipts/statement.ts, checked against the running
 * balances the ledger keeps), so the drill-down and the statement a member is handed never disagree;
 * its range is the statement's longest. The bills include past visits imported from another system,
 * marked as such (they are the member's history); the figures, like every report's, count only the
 * bills taken at the till (ledger/till-bills.ts).
 */
import type { Ledger } from '../ledger/db.ts';
import { getMemberSummary } from '../ledger/members.ts';
import { prepared } from '../ledger/prepared.ts';
import type { PaymentMethod } from '../ledger/types.ts';
import { MAX_STATEMENT_DAYS, memberStatement } from '../receipts/statement.ts';
import type { z } from 'zod';
import * as cmd from './commands.ts';
import { checkRange } from './range.ts';
import { TILL_BILL } from '../ledger/till-bills.ts';
import type { MemberReport, MemberReportBill } from './types.ts';

const BILLS_SQL = `
  select b.id, b.bill_no as billNo, b.business_date as businessDate, b.created_at as createdAt, b.kind,
    b.total_minor as totalMinor, b.import_batch_id is not null as imported
  from bills b
  where b.member_id = ? and b.business_date between ? and ?
  order by b.created_at, b.id`;

const PAYMENTS_SQL = `
  select p.bill_id as billId, p.method, p.amount_minor as amountMinor
  from bills b join payments p on p.bill_id = b.id
  where b.member_id = ? and b.business_date between ? and ?
  order by p.rowid`;

const FIGURES_SQL = `
  select coalesce(sum(b.kind = 'sale'), 0) as salesCount,
    coalesce(sum(b.kind = 'refund'), 0) as refundsCount,
    coalesce(sum(b.total_minor), 0) as netMinor,
    count(distinct case when b.kind = 'sale' then b.business_date end) as visits
  from bills b
  where b.member_id = ? and b.business_date between ? and ? and ${TILL_BILL}`;

export function memberReport(ledger: Ledger, input: z.input<typeof cmd.memberReportQuery>): MemberReport {
  const { memberId, from, to } = cmd.memberReportQuery.parse(input);
  checkRange(from, to, MAX_STATEMENT_DAYS);
  const member = getMemberSummary(ledger, memberId);
  const params = [memberId, from, to] as const;

  const payments = new Map<string, MemberReportBill['payments']>();
  for (const p of prepared<{ billId: string; method: PaymentMethod; amountMinor: number }>(ledger.sqlite, PAYMENTS_SQL).all(...params)) {
    const list = payments.get(p.billId) ?? [];
    list.push({ method: p.method, amountMinor: p.amountMinor });
    payments.set(p.billId, list);
  }
  const bills = prepared<Omit<MemberReportBill, 'payments' | 'imported'> & { imported: number }>(ledger.sqlite, BILLS_SQL)
    .all(...params)
    .map((b) => ({ ...b, imported: b.imported === 1, payments: payments.get(b.id) ?? [] }));

  const statement = memberStatement(ledger, { memberId, from, to });
  return {
    from,
    to,
    member,
    figures: prepared<MemberReport['figures']>(ledger.sqlite, FIGURES_SQL).get(...params)!,
    bills,
    ledger: { ...statement, shop: { ...statement.shop, logoPng: null } },
  };
}
