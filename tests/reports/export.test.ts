/**
 * Reports as files, read back the way a person's spreadsheet reads them: the CSV parsed (UTF-8 BOM,
 * headings in the asked language, money as plain decimals, text that looks like a formula defused),
 * the XLSX opened with exceljs (one worksheet per table, money as numbers in yuan formatted
 * #,##0.00, rates as percentages). Then the API: validation, localized refusals, the download, and
 * who may call what.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import { checkout } from '../../src-main/ledger/bills.ts';
import { createMember } from '../../src-main/ledger/members.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import type { FileDownload } from '../../src-main/print/types.ts';
import { exportReport } from '../../src-main/reports/export.ts';
import { REPORT_KINDS, type ReportKind } from '../../src-main/reports/types.ts';
import { PERMISSIONS } from '../../src-main/staff/permissions.ts';
import { newKey, type TestLedger } from '../helpers/ledger.ts';
import { fixedHistory } from './history.ts';

let t: TestLedger;
let A: Member;
let dispatch: Dispatch;
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' } as const;

beforeAll(async () => {
  const history = await fixedHistory();
  t = history.t;
  A = history.members.A;
  dispatch = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser' });
});
afterAll(() => t.dispose());

const bytesOf = (file: FileDownload) => Buffer.from(file.base64, 'base64');
/** The CSV as rows of cells, BOM checked and removed. */
function csvRows(file: FileDownload): string[][] {
  const text = bytesOf(file).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain('\r\n');
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: false }).data.filter((row) => !(row.length === 1 && row[0] === ''));
}
async function workbook(file: FileDownload): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
  return wb;
}

describe('CSV', () => {
  it('writes the sales report with a BOM, Chinese headings, money in yuan and both tables', async () => {
    const file = await exportReport(t.ledger, { report: 'sales', ...NOVEMBER, groupBy: 'week', format: 'csv' });
    expect(file.fileName).toBe('销售报表_2026-11-01_2026-11-30.csv');
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    const rows = csvRows(file);
    expect(rows[0]).toEqual(['销售报表 · 销售', '期间 2026-11-01 – 2026-11-30']);
    expect(rows[1]).toEqual(['开始日期', '结束日期', '销售单数', '销售额', '退款单数', '退款额', '净销售额', '会员折扣', '发放积分']);
    expect(rows[3]).toEqual(['2026-11-02', '2026-11-08', '6', '245.00', '0', '0.00', '245.00', '10.00', '255']);
    expect(rows[4]).toEqual(['2026-11-09', '2026-11-15', '1', '10.00', '1', '95.00', '-85.00', '-5.00', '-180']);
    expect(rows[8]).toEqual(['合计', '', '7', '255.00', '1', '95.00', '160.00', '5.00', '75']);
    expect(rows[9]).toEqual(['销售报表 · 付款方式', '期间 2026-11-01 – 2026-11-30']);
    expect(rows.slice(11)).toEqual([
      ['储值', '储值（充值时已收款）', '50.00', '0.00', '50.00'],
      ['现金', '新收款', '45.00', '0.00', '45.00'],
      ['微信支付', '新收款', '95.00', '95.00', '0.00'],
      ['支付宝', '新收款', '15.00', '0.00', '15.00'],
      ['银行卡', '新收款', '50.00', '0.00', '50.00'],
      ['合计', '', '255.00', '95.00', '160.00'],
      ['新收款', '新收款', '', '', '110.00'],
    ]);
  });

  it('words the file in English when asked, and writes rates as percentages', async () => {
    const rows = csvRows(await exportReport(t.ledger, { report: 'customers', ...NOVEMBER, groupBy: 'month', format: 'csv', locale: 'en' }));
    expect(rows[0]).toEqual(['Customers · Customers', 'Period 2026-11-01 – 2026-11-30']);
    expect(rows.at(-2)).toEqual(['Members who came', 'Came back', 'Repeat rate']);
    expect(rows.at(-1)).toEqual(['3', '1', '33.33%']);
  });

  it('defuses member names a spreadsheet would run as a formula, and keeps negative amounts numbers', async () => {
    t.clock.set(new Date(2026, 11, 2, 10));
    const prankster: Member = createMember(t.ledger, { staffId: t.staffId, phone: '13800138009', name: '=HYPERLINK("x")' });
    checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: prankster.id, lines: [{ name: '咖啡', amountMinor: 100 }], payments: [{ method: 'cash', amountMinor: 100 }] });
    const rows = csvRows(await exportReport(t.ledger, { report: 'topMembers', from: '2026-12-02', to: '2026-12-02', format: 'csv' }));
    expect(rows[2]?.[2]).toBe(`'=HYPERLINK("x")`);
    expect(rows[2]?.[5]).toBe('1.00');
    const sales = csvRows(await exportReport(t.ledger, { report: 'sales', from: '2026-11-09', to: '2026-11-09', format: 'csv' }));
    expect(sales[2]?.[6]).toBe('-85.00');
  });
});

describe('XLSX', () => {
  it('has a worksheet per table, headings in the language asked, money as numbers formatted #,##0.00', async () => {
    const file = await exportReport(t.ledger, { report: 'sales', ...NOVEMBER, groupBy: 'week', format: 'xlsx', locale: 'en' });
    expect(file.fileName).toBe('Sales_2026-11-01_2026-11-30.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sales', 'Payment methods']);
    const sales = wb.getWorksheet('Sales')!;
    expect(sales.getRow(1).values).toEqual([undefined, 'Sales · Sales', 'Period 2026-11-01 – 2026-11-30']);
    expect(sales.getRow(2).values).toEqual([undefined, 'From', 'To', 'Sales', 'Sales amount', 'Refunds', 'Refunded', 'Net sales', 'Member discounts', 'Points given']);
    const total = sales.getRow(9);
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(7).value).toBe(160);
    expect(total.getCell(7).numFmt).toBe('#,##0.00');
    expect(sales.getRow(4).getCell(4).value).toBe(245);
    expect(sales.getRow(5).getCell(7).value).toBe(-85);
    expect(total.getCell(3).value).toBe(7);
  });

  it('writes the liability with its ages and points, and a member’s drill-down with both tables', async () => {
    const liability = await workbook(await exportReport(t.ledger, { report: 'liability', asOf: '2026-11-30', format: 'xlsx' }));
    const aging = liability.getWorksheet('储值账龄')!;
    expect(aging.getRow(1).values).toEqual([undefined, '储值与积分负债 · 储值账龄', '截至 2026-11-30']);
    expect(aging.getRow(3).values).toEqual([undefined, '0–30 天', 2, 505.96, 79.04, 585]);
    expect(aging.getRow(9).values).toEqual([undefined, '合计', 3, 505.96, 89.04, 595]);
    expect(liability.getWorksheet('积分')!.getRow(3).values).toEqual([undefined, 75, 0.75, 100]);

    const member = await workbook(await exportReport(t.ledger, { report: 'member', memberId: A.id, ...NOVEMBER, format: 'xlsx' }));
    expect(member.worksheets.map((w) => w.name)).toEqual(['账单', '储值与积分流水']);
    const bills = member.getWorksheet('账单')!;
    expect(bills.getRow(3).values).toEqual([undefined, '2026-11-02', expect.stringMatching(/^20261102-\d{4}$/), '消费', 30, '储值 ¥30.00', '']);
    expect(bills.getRow(5).getCell(6).value).toBe('是');
    const ledger = member.getWorksheet('储值与积分流水')!;
    expect(ledger.getRow(3).getCell(1).value).toBe('期初');
    expect(ledger.lastRow?.getCell(7).value).toBe(550);
  });

  it('exports every report in both formats', async () => {
    const params: Record<ReportKind, object> = {
      sales: NOVEMBER,
      topups: NOVEMBER,
      customers: NOVEMBER,
      liability: {},
      topMembers: NOVEMBER,
      member: { memberId: A.id, ...NOVEMBER },
    };
    for (const report of REPORT_KINDS) {
      for (const format of ['csv', 'xlsx'] as const) {
        const file = await exportReport(t.ledger, { report, format, ...params[report] } as Parameters<typeof exportReport>[1]);
        expect(bytesOf(file).length).toBeGreaterThan(100);
        expect(file.fileName.endsWith(`.${format}`)).toBe(true);
      }
    }
  });
});

describe('the API', () => {
  it('answers a report, refuses a day that does not exist and a backwards range in the caller’s language', async () => {
    const ok = await dispatch('reports.sales', { ...NOVEMBER, groupBy: 'month' });
    expect(ok.ok && (ok.value as { totals: { netMinor: number } }).totals.netMinor).toBe(16_000);
    const badDay = await dispatch('reports.sales', { from: '2026-11-31', to: '2026-12-01' });
    expect(badDay.ok ? null : badDay.error.code).toBe('VALIDATION');
    const backwards = await dispatch('reports.topups', { from: '2026-11-30', to: '2026-11-01' }, 'zh-CN');
    expect(backwards.ok ? null : [backwards.error.code, backwards.error.message]).toEqual(['REPORT_RANGE_INVALID', '开始日期不能晚于结束日期']);
    const tooLong = await dispatch('reports.customers', { from: '2000-01-01', to: '2026-11-30' }, 'en');
    expect(tooLong.ok ? null : tooLong.error.message).toBe('The date range is too long: at most 3660 days at a time');
    const unknown = await dispatch('reports.export', { report: 'nonsense', format: 'csv' });
    expect(unknown.ok ? null : unknown.error.code).toBe('VALIDATION');
  });

  it('hands over an export as a file download', async () => {
    const res = await dispatch('reports.export', { report: 'liability', asOf: '2026-11-30', format: 'csv' });
    if (!res.ok) throw new Error(res.error.message);
    const file = res.value as FileDownload;
    expect(file.fileName).toBe('储值与积分负债_2026-11-30.csv');
    expect(csvRows(file).at(-1)).toEqual(['75', '0.75', '100']);
  });

  it('lets managers read reports and only owners export them', () => {
    const views = ['reports.sales', 'reports.topups', 'reports.liability', 'reports.customers', 'reports.topMembers', 'reports.member'] as const;
    expect(views.map((m) => PERMISSIONS[m])).toEqual(views.map(() => 'manager'));
    expect(PERMISSIONS['reports.export']).toBe('owner');
  });
});
