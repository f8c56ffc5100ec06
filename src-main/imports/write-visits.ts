/**
 * Writing imported visit history, inside the import's one transaction: one bill per visit, marked with
 * its batch, with one line ("imported visit") and one payment of method `imported` — no stored value
 * or points move, and the till never took that money (reports leave these bills out of sales). Then
 * each touched member's visit figures are counted again from all their bills, and the lapsed list's
 * figures worked out from those, so the lapsed list and the segments see the history at once.
 */
import { sql } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { newId } from '../ledger/ids.ts';
import { refreshMemberFigures } from '../ledger/member-figures.ts';
import { perConnection, prepared } from '../ledger/prepared.ts';
import { billLines, bills, payments } from '../ledger/schema.ts';
import { getSettings } from '../ledger/settings.ts';
import { isoTime } from '../ledger/time.ts';
import type { ImportRow, VisitDraft } from './types.ts';

/** The line an imported visit carries, in the language the shop's ledger texts are written in. */
export const IMPORTED_VISIT_LINE = { 'zh-CN': '历史消费（导入）', en: 'Imported visit' } as const;

/** A visit without a time is placed at noon: inside the day whatever the clock's zone. */
const DEFAULT_TIME = '12:00';

const insertBill = perConnection((db) =>
  db
    .insert(bills)
    .values({
      id: sql.placeholder('id'),
      tillId: sql.placeholder('tillId'),
      billNo: sql.placeholder('billNo'),
      businessDate: sql.placeholder('businessDate'),
      kind: 'sale',
      memberId: sql.placeholder('memberId'),
      staffId: sql.placeholder('staffId'),
      subtotalMinor: sql.placeholder('amountMinor'),
      discountMinor: 0,
      totalMinor: sql.placeholder('amountMinor'),
      pointsEarned: 0,
      tierDiscountBp: 0,
      note: sql.placeholder('note'),
      createdAt: sql.placeholder('createdAt'),
      importBatchId: sql.placeholder('importBatchId'),
    })
    .prepare(),
);
const insertLine = perConnection((db) =>
  db
    .insert(billLines)
    .values({
      id: sql.placeholder('id'),
      billId: sql.placeholder('billId'),
      lineNo: 1,
      productId: null,
      name: sql.placeholder('name'),
      unitPriceMinor: sql.placeholder('amountMinor'),
      quantity: 1,
      grossMinor: sql.placeholder('amountMinor'),
      discountMinor: 0,
      netMinor: sql.placeholder('amountMinor'),
    })
    .prepare(),
);
const insertPayment = perConnection((db) =>
  db
    .insert(payments)
    .values({
      id: sql.placeholder('id'),
      tillId: sql.placeholder('tillId'),
      billId: sql.placeholder('billId'),
      method: 'imported',
      amountMinor: sql.placeholder('amountMinor'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);

/** The stored time of a visit: that day and time on the shop's clock. */
function visitAt(visit: VisitDraft): string {
  const [y, m, d] = visit.date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = (visit.time ?? DEFAULT_TIME).split(':').map(Number) as [number, number];
  return isoTime(new Date(y, m - 1, d, hh, mm));
}

export interface VisitBatch {
  id: string;
  batchNo: number;
  staffId: string;
}

/** Write every row that has a visit; returns how many. */
export function writeVisits(ledger: Ledger, batch: VisitBatch, rows: readonly ImportRow[]): number {
  const settings = getSettings(ledger);
  const lineName = IMPORTED_VISIT_LINE[settings.messaging.language];
  const now = isoTime(ledger.clock());
  const touched = new Set<string>();
  let written = 0;
  for (const row of rows) {
    const visit = row.visit;
    if (!visit) continue;
    const billId = newId();
    // IMP<batch>-<row>: the row of the file this bill came from, and never a number the till hands out.
    const billNo = `IMP${batch.batchNo}-${String(row.line).padStart(5, '0')}`;
    insertBill(ledger.db).run({
      id: billId,
      tillId: ledger.tillId,
      billNo,
      businessDate: visit.date,
      memberId: visit.memberId,
      staffId: batch.staffId,
      amountMinor: visit.amountMinor,
      note: visit.note,
      createdAt: visitAt(visit),
      importBatchId: batch.id,
    });
    insertLine(ledger.db).run({ id: newId(), billId, name: lineName, amountMinor: visit.amountMinor });
    insertPayment(ledger.db).run({ id: newId(), tillId: ledger.tillId, billId, amountMinor: visit.amountMinor, createdAt: now });
    touched.add(visit.memberId);
    written++;
  }
  for (const memberId of touched) {
    recountVisitFigures(ledger, memberId);
    refreshMemberFigures(ledger, memberId, settings.retention);
  }
  return written;
}

/**
 * A member's visit figures counted again from all their bills (the same definitions the ledger
 * invariants hold them to): past visits land before, between or after the ones the till recorded, so
 * adding them on, as a checkout does, would not do.
 */
export function recountVisitFigures(ledger: Pick<Ledger, 'sqlite'>, memberId: string): void {
  prepared(
    ledger.sqlite,
    `update members set
       total_spent_minor = coalesce((select sum(total_minor) from bills where member_id = members.id), 0),
       visit_count = (select count(*) from bills where member_id = members.id and kind = 'sale'),
       first_visit_at = (select min(created_at) from bills where member_id = members.id and kind = 'sale'),
       last_visit_at = (select max(created_at) from bills where member_id = members.id and kind = 'sale'),
       visit_days = (select count(distinct business_date) from bills where member_id = members.id and kind = 'sale'),
       first_visit_date = (select min(business_date) from bills where member_id = members.id and kind = 'sale'),
       last_visit_date = (select max(business_date) from bills where member_id = members.id and kind = 'sale')
     where id = ?`,
  ).run(memberId);
}
