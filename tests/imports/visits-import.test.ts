/**
 * Importing past visits: one historical bill per row, marked with its import batch, paid by the
 * `imported` method (no stored value or points move), and the members' visit figures counted again so
 * the lapsed list and the RFM segments work from the first day. Rejected rows say why; the same file
 * twice, or a later file that overlaps, never doubles a visit; an imported visit cannot be refunded.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import { checkout, listBillsOfDay, refundBill } from '../../src-main/ledger/bills.ts';
import { createMember, getMember } from '../../src-main/ledger/members.ts';
import { DEFAULT_SETTINGS } from '../../src-main/ledger/settings-schema.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import { lapsedFromDate, monthlySpendMinor } from '../../src-main/ledger/visit-figures.ts';
import type { LapsedPage, SegmentSummary } from '../../src-main/retention/types.ts';
import { expectRefusedUnchanged } from '../helpers/expect-ledger.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { commit, csv, expectIdempotent, expectSound, preview, reasons } from './import-helpers.ts';

const TODAY = '2026-11-23';
let t: TestLedger;
let dispatch: Dispatch;
let zhou: Member;
let wu: Member;
let zheng: Member;

async function ok<T>(method: string, input: unknown): Promise<T> {
  const res = await dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

/** Days before 2026-11-23 as YYYY-MM-DD. */
const daysAgo = (n: number) => new Date(Date.UTC(2026, 10, 23 - n)).toISOString().slice(0, 10);

beforeEach(() => {
  t = openTestLedger();
  dispatch = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser' });
  zhou = createMember(t.ledger, { staffId: t.staffId, phone: '13900000001', name: '周一' });
  wu = createMember(t.ledger, { staffId: t.staffId, phone: '13900000002', name: '吴二' });
  zheng = createMember(t.ledger, { staffId: t.staffId, phone: '13900000003', name: '郑三' });
});
afterEach(() => t.dispose());

/** 周 came every week for 8 weeks, last 35 days ago (lapsed); 吴 every week until 3 days ago; 郑 once. */
function historyFile(): string {
  const rows: Array<Array<string | number>> = [['会员卡号', '手机', '消费时间', '实收金额', '备注']];
  for (let i = 7; i >= 0; i--) rows.push(['', '139 0000 0001', `${daysAgo(35 + i * 7)} 09:15`, '32.00', '']);
  for (let i = 5; i >= 0; i--) rows.push([wu.code, '', daysAgo(3 + i * 7), '18.5', '会员卡']);
  rows.push(['', '13900000003', daysAgo(200), '99', '']);
  return csv(rows);
}

describe('visit history', () => {
  it('becomes imported bills; the members\' figures, the lapsed list and the segments follow at once', async () => {
    const p = await preview(t.ledger, 'visits', historyFile());
    expect(p.mapping).toEqual({ code: 0, phone: 1, date: 2, amount: 3, note: 4 });
    expect([p.totalRows, p.goodRows, p.rejectedRows]).toEqual([15, 15, 0]);
    expect(p.sample[0]!.visit).toMatchObject({ memberId: zhou.id, memberName: '周一', date: daysAgo(84), time: '09:15', amountMinor: 3_200 });
    expect(p.totals.visitsMinor).toBe(8 * 3_200 + 6 * 1_850 + 9_900);

    const result = await commit(t.ledger, t.staffId, 'visits', historyFile(), { mapping: p.mapping, reason: '旧系统消费记录' });
    expect(result.importedRows).toBe(15);
    expect(result.batch).toMatchObject({ kind: 'visits', rowsImported: 15, visitsMinor: 8 * 3_200 + 6 * 1_850 + 9_900 });
    expectSound(t.ledger);

    // The bills: marked with the batch, one line and one `imported` payment, no points, numbered by row.
    const bills = t.ledger.sqlite
      .prepare("select b.bill_no, b.business_date, b.total_minor, b.points_earned, b.import_batch_id, p.method, l.name from bills b join payments p on p.bill_id = b.id join bill_lines l on l.bill_id = b.id where b.member_id = ? order by b.created_at")
      .all(zhou.id) as Array<Record<string, unknown>>;
    expect(bills).toHaveLength(8);
    expect(bills[0]).toEqual({ bill_no: 'IMP1-00002', business_date: daysAgo(84), total_minor: 3_200, points_earned: 0, import_batch_id: result.batch!.id, method: 'imported', name: '历史消费（导入）' });
    expect(t.ledger.sqlite.prepare('select count(*) n from wallet_entries union all select count(*) from points_entries').all()).toEqual([{ n: 0 }, { n: 0 }]);
    expect(listBillsOfDay(t.ledger, { businessDate: daysAgo(35) }).map((b) => [b.billNo, b.memberName])).toEqual([['IMP1-00009', '周一']]);

    // Figures as the lapsed rule reads them.
    const z = getMember(t.ledger, zhou.id);
    expect([z.visitCount, z.visitDays, z.firstVisitDate, z.lastVisitDate, z.totalSpentMinor]).toEqual([8, 8, daysAgo(84), daysAgo(35), 25_600]);
    const facts = { visitDays: 8, firstVisitDate: daysAgo(84), lastVisitDate: daysAgo(35), totalSpentMinor: 25_600 };
    expect(lapsedFromDate(facts, DEFAULT_SETTINGS.retention)! <= TODAY).toBe(true);

    const lapsed = await ok<LapsedPage>('retention.lapsed', { asOfDate: TODAY });
    expect(lapsed.rows.map((r) => r.name)).toEqual(['周一']);
    expect(lapsed.total).toBe(1);
    expect(lapsed.valueAtRiskMinor).toBe(monthlySpendMinor(facts));
    expect(lapsed.rows[0]).toMatchObject({ daysAbsent: 35, visitDays: 8, usualIntervalDays: 7 });

    const segments = await ok<SegmentSummary>('retention.segments', { asOfDate: TODAY });
    expect(segments.members).toBe(3);
    expect(segments.revenueMinor).toBe(8 * 3_200 + 6 * 1_850 + 9_900);
    expect(segments.segments.reduce((n, s) => n + s.members, 0)).toBe(3);

    await expectIdempotent(t.ledger, t.staffId, 'visits', historyFile(), p.mapping);
  });

  it('past visits before and after what the till recorded: figures counted from all bills', async () => {
    // 吴 bought something today at the till; the old system knew three earlier visits.
    checkout(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberId: wu.id, lines: [{ name: '拿铁', amountMinor: 2_000 }], payments: [{ method: 'cash', amountMinor: 2_000 }] });
    const base64 = csv([
      ['phone', 'date', 'time', 'amount'],
      ['13900000002', daysAgo(30), '10:00', '10'],
      ['13900000002', daysAgo(20), '', '10'],
      ['13900000002', daysAgo(20), '', '10'],
    ]);
    const result = await commit(t.ledger, t.staffId, 'visits', base64);
    expect(result.importedRows).toBe(3);
    const w = getMember(t.ledger, wu.id);
    // Two visits on one day are one visit day; the till's own sale stays the last visit.
    expect([w.visitCount, w.visitDays, w.firstVisitDate, w.lastVisitDate, w.totalSpentMinor]).toEqual([4, 3, daysAgo(30), TODAY, 5_000]);
    expect(w.lastVisitAt).toBe(new Date(2026, 10, 23, 12, 0).toISOString());
    expectSound(t.ledger);
  });

  it('rejects unknown members, bad and future dates, amounts that are not positive, archived members', async () => {
    const archived = createMember(t.ledger, { staffId: t.staffId, phone: '13900000009', name: '停用' });
    await ok('members.archive', { memberId: archived.id, staffId: t.staffId });
    const base64 = csv([
      ['手机', '卡号', '日期', '金额'],
      ['13900000001', '', '2026-11-01', '20'],
      ['13811111111', '', '2026-11-01', '20'],
      ['', '999999', '2026-11-01', '20'],
      ['13900000001', '', '2026-11-24', '20'],
      ['13900000001', '', '11/01/2026', '20'],
      ['13900000001', '', '', '20'],
      ['13900000001', '', '2026-11-01', '0'],
      ['13900000001', '', '2026-11-01', '-5'],
      ['13900000001', '', '2026-11-01', 'twenty'],
      ['', '', '2026-11-01', '20'],
      ['12345', '', '2026-11-01', '20'],
      ['13900000009', '', '2026-11-01', '20'],
      ['', zheng.code, '2026-11-02', '20'],
    ]);
    const result = await commit(t.ledger, t.staffId, 'visits', base64);
    expect(reasons(result.rejected)).toEqual({
      3: 'member_unknown/phone',
      4: 'member_unknown/code',
      5: 'future/date',
      6: 'invalid/date',
      7: 'missing/date',
      8: 'not_positive/amount',
      9: 'not_positive/amount',
      10: 'invalid/amount',
      11: 'missing/phone',
      12: 'invalid/phone',
      13: 'member_archived/phone',
    });
    expect(result.importedRows).toBe(2);
    expect(getMember(t.ledger, zheng.id).lastVisitDate).toBe('2026-11-02');
    expectSound(t.ledger);
  });

  it('a later export that overlaps an earlier one adds only the visits not yet imported', async () => {
    const first = csv([
      ['手机', '日期', '金额'],
      ['13900000001', '2026-10-01', '20'],
      ['13900000001', '2026-10-08', '20'],
      ['13900000001', '2026-10-08', '20'],
    ]);
    await commit(t.ledger, t.staffId, 'visits', first);
    const later = csv([
      ['手机', '日期', '金额', '备注'],
      ['13900000001', '2026-10-01', '20', ''],
      ['13900000001', '2026-10-08', '20', ''],
      ['13900000001', '2026-10-08', '20', ''],
      ['13900000001', '2026-10-08', '20', '同一天第三次'],
      ['13900000001', '2026-10-15', '20', ''],
    ]);
    const result = await commit(t.ledger, t.staffId, 'visits', later);
    expect(result.importedRows).toBe(2);
    expect(result.alreadyImported).toBe(false);
    expect(reasons(result.rejected)).toEqual({ 2: 'visit_already_imported/date', 3: 'visit_already_imported/date', 4: 'visit_already_imported/date' });
    expect(getMember(t.ledger, zhou.id)).toMatchObject({ visitCount: 5, visitDays: 3, totalSpentMinor: 10_000 });
    expectSound(t.ledger);
  });

  it('an imported visit cannot be refunded: the till never took that money', async () => {
    await commit(t.ledger, t.staffId, 'visits', csv([['手机', '日期', '金额'], ['13900000001', '2026-10-01', '20']]));
    const billId = (t.ledger.sqlite.prepare('select id from bills').get() as { id: string }).id;
    expectRefusedUnchanged(t.ledger, () => refundBill(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, billId, reason: '退' }), 'IMPORTED_BILL_NOT_REFUNDABLE');
  });
});
