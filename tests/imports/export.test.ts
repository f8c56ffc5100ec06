/**
 * Exporting members and their balances: the CSV (UTF-8 with BOM) and the XLSX (money as yuan numbers,
 * #,##0.00) read back to exactly the members in the ledger, and an exported file imports into another
 * shop as the same members with the same balances.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { listAudit } from '../../src-main/audit/log.ts';
import { checkout } from '../../src-main/ledger/bills.ts';
import { upsertTier } from '../../src-main/ledger/catalog.ts';
import { archiveMember, createMember, getMember } from '../../src-main/ledger/members.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import { EXPORT_HEADERS } from '../../src-main/imports/fields.ts';
import { exportMembers } from '../../src-main/imports/export-members.ts';
import type { FileDownload } from '../../src-main/print/types.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { commit, csv, expectSound } from './import-helpers.ts';

let t: TestLedger;
let members: Member[];

beforeEach(async () => {
  t = openTestLedger();
  upsertTier(t.ledger, { name: '金卡', discountBp: 1000, pointsPerUnit: 2 });
  await commit(t.ledger, t.staffId, 'members', csv([
    ['卡号', '姓名', '手机', '余额', '赠送余额', '积分', '生日', '等级', '开卡日期', '备注'],
    ['800001', '张三', '13812345678', '1280.50', '100', '300', '1990-05-12', '金卡', '2023-03-01', '老顾客'],
    ['800002', '=HYPERLINK("x")', '13812345679', '0.01', '0', '0', '02-29', '', '2024-02-29', '-5 折'],
  ]));
  const walkIn = createMember(t.ledger, { staffId: t.staffId, phone: '+44 20 7946 0958', name: 'Anna Müller' });
  topUp(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberId: walkIn.id, principalMinor: 5_000, method: 'cash' });
  checkout(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberId: walkIn.id, lines: [{ name: '拿铁', amountMinor: 1_999 }], payments: [{ method: 'stored_value', amountMinor: 1_999 }] });
  const gone = createMember(t.ledger, { staffId: t.staffId, phone: '13900000000', name: '已停用' });
  archiveMember(t.ledger, { memberId: gone.id, staffId: t.staffId });
  members = t.ledger.sqlite.prepare('select id from members order by length(code), code').all().map((r) => getMember(t.ledger, (r as { id: string }).id));
});
afterEach(() => t.dispose());

const text = (file: FileDownload) => Buffer.from(file.base64, 'base64').toString('utf8');
const yuan = (minor: number) => (minor / 100).toFixed(2);

describe('member export', () => {
  it('CSV: UTF-8 with BOM, the import\'s own headers, every member with balances as typed text', async () => {
    const file = await exportMembers(t.ledger, { format: 'csv', includeArchived: true });
    expect(file.fileName).toBe('会员-20261123.csv');
    expect(file.count).toBe(4);
    const body = text(file);
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(body.slice(1), { header: true, skipEmptyLines: true });
    const h = EXPORT_HEADERS['zh-CN'];
    expect(parsed.meta.fields).toEqual([h.code, h.name, h.phone, h.tier, h.balance, h.bonus, h.points, h.birthday, h.joined, h.lastVisit, h.visitDays, h.totalSpent, h.note, h.archived]);
    expect(parsed.data).toHaveLength(members.length);
    parsed.data.forEach((row, i) => {
      const m = members[i]!;
      expect(row[h.code]).toBe(m.code);
      // A cell Excel would run as a formula is defused with an apostrophe.
      expect(row[h.name]!.replace(/^'(?=[=+\-@])/, '')).toBe(m.name);
      expect(row[h.tier]).toBe(m.tierName);
      expect(row[h.balance]).toBe(yuan(m.balancePrincipalMinor));
      expect(row[h.bonus]).toBe(yuan(m.balanceBonusMinor));
      expect(row[h.points]).toBe(String(m.points));
      expect(row[h.totalSpent]).toBe(yuan(m.totalSpentMinor));
      expect(row[h.lastVisit]).toBe(m.lastVisitDate ?? '');
      expect(row[h.visitDays]).toBe(String(m.visitDays));
      expect(row[h.archived]).toBe(m.archivedAt ? '是' : '');
    });
    const byCode = (code: string) => parsed.data.find((r) => r[h.code] === code)!;
    const zhang = byCode('800001');
    expect([zhang[h.phone], zhang[h.balance], zhang[h.birthday], zhang[h.joined], zhang[h.note]]).toEqual(['138 1234 5678', '1280.50', '1990-05-12', '2023-03-01', '老顾客']);
    expect(byCode('800002')[h.name]).toBe('\'=HYPERLINK("x")');
    expect(byCode('800002')[h.birthday]).toBe('02-29');
    expect(byCode('800002')[h.note]).toBe("'-5 折");
    const anna = parsed.data.find((r) => r[h.name] === 'Anna Müller')!;
    // A number another country's: E.164, and a + Excel would read as a formula is defused too.
    expect([anna[h.phone], anna[h.balance], anna[h.totalSpent], anna[h.visitDays], anna[h.joined]]).toEqual(["'+442079460958", '30.01', '19.99', '1', '2026-11-23']);
  });

  it('XLSX: money as numbers of yuan formatted #,##0.00, text as text', async () => {
    const file = await exportMembers(t.ledger, { format: 'xlsx', includeArchived: false });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 3);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const h = EXPORT_HEADERS['zh-CN'];
    const rowOf = (code: string) => [2, 3, 4].map((r) => sheet.getRow(r)).find((r) => r.getCell(col(h.code)).value === code)!;
    const zhang = rowOf('800001');
    expect(zhang.getCell(col(h.phone)).value).toBe('138 1234 5678');
    expect(zhang.getCell(col(h.balance)).value).toBe(1280.5);
    expect(zhang.getCell(col(h.balance)).numFmt).toBe('#,##0.00');
    expect(zhang.getCell(col(h.bonus)).value).toBe(100);
    expect(zhang.getCell(col(h.points)).value).toBe(300);
    // Unlike CSV, a spreadsheet cell holds text as text: no apostrophe needed.
    expect(rowOf('800002').getCell(col(h.name)).value).toBe('=HYPERLINK("x")');
    expect(rowOf('800002').getCell(col(h.balance)).value).toBe(0.01);
    expect(rowOf('100001').getCell(col(h.totalSpent)).value).toBe(19.99);
    const names = [2, 3, 4].map((r) => sheet.getRow(r).getCell(col(h.name)).value);
    expect(names).not.toContain('已停用');
  });

  it('an exported file imports into another shop as the same members with the same balances', async () => {
    const file = await exportMembers(t.ledger, { format: 'csv', includeArchived: false });
    const other = openTestLedger();
    try {
      upsertTier(other.ledger, { name: '金卡', discountBp: 1000, pointsPerUnit: 2 });
      const result = await commit(other.ledger, other.staffId, 'members', file.base64);
      expect(result.rejected).toEqual([]);
      expect(result.importedRows).toBe(3);
      const view = (m: Member) => [m.code, m.name, m.phone, m.tierName, m.balancePrincipalMinor, m.balanceBonusMinor, m.points, m.birthYear, m.birthMonth, m.birthDay, m.note];
      const imported = other.ledger.sqlite.prepare('select id from members order by length(code), code').all().map((r) => getMember(other.ledger, (r as { id: string }).id));
      expect(imported.map(view)).toEqual(members.filter((m) => !m.archivedAt).map(view));
      expect(imported.map((m) => m.createdAt.slice(0, 10))).toEqual(members.filter((m) => !m.archivedAt).map((m) => m.createdAt.slice(0, 10)));
      expectSound(other.ledger);
    } finally {
      other.dispose();
    }
  });

  it('through the API: an owner\'s download, recorded in the audit log', async () => {
    const dispatch = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser' });
    const res = await dispatch('exports.members', { format: 'xlsx' });
    expect(res.ok).toBe(true);
    const file = (res as { value: FileDownload }).value;
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Object.keys(file).sort()).toEqual(['base64', 'fileName', 'mimeType']);
    const audit = listAudit(t.ledger, { kind: 'data', offset: 0, limit: 10 });
    expect(audit.rows.map((r) => [r.action, r.after])).toContainEqual(['exports.members', { format: 'xlsx', members: 4, includeArchived: true }]);
  });
});
