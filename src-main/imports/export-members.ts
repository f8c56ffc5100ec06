/**
 * Members and their balances as a file the owner takes elsewhere (an accountant, another system):
 * CSV (UTF-8 with a byte-order mark, so Excel on a Chinese Windows reads it as UTF-8) or XLSX. Money
 * stays integer fen until this boundary: CSV writes it as typed text ("1280.50"), XLSX as a number of
 * yuan formatted #,##0.00. The headers are the import's own words, so an exported file imports back.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { minorDigits, minorToInput } from '../api/money-format.ts';
import { formatPhone } from '../api/phone-format.ts';
import type { Ledger } from '../ledger/db.ts';
import { getSettings } from '../ledger/settings.ts';
import { businessDate } from '../ledger/time.ts';
import type { FileDownload } from '../print/types.ts';
import { EXPORT_HEADERS } from './fields.ts';

export interface ExportedMember {
  code: string;
  name: string;
  /** As the screens show it ("138 1234 5678"). */
  phone: string;
  tier: string;
  balanceMinor: number;
  bonusMinor: number;
  points: number;
  /** YYYY-MM-DD, MM-DD without a year, or ''. */
  birthday: string;
  /** Shop-local YYYY-MM-DD. */
  joined: string;
  lastVisit: string;
  visitDays: number;
  totalSpentMinor: number;
  note: string;
  archived: boolean;
}

type Column = keyof typeof EXPORT_HEADERS.en;
const COLUMNS: readonly Column[] = ['code', 'name', 'phone', 'tier', 'balance', 'bonus', 'points', 'birthday', 'joined', 'lastVisit', 'visitDays', 'totalSpent', 'note', 'archived'];
const MONEY_COLUMNS = new Set<Column>(['balance', 'bonus', 'totalSpent']);

const pad = (n: number) => String(n).padStart(2, '0');

/** Every member in member-number order (archived ones too: they may still hold a balance). */
export function exportedMembers(ledger: Ledger, includeArchived: boolean): ExportedMember[] {
  const rows = ledger.sqlite
    .prepare(
      `select m.code, m.name, m.phone, t.name tier, m.balance_principal_minor, m.balance_bonus_minor, m.points, m.birth_year, m.birth_month, m.birth_day,
              m.created_at, m.last_visit_date, m.visit_days, m.total_spent_minor, m.note, m.archived_at
       from members m join tiers t on t.id = m.tier_id
       ${includeArchived ? '' : 'where m.archived_at is null'}
       order by length(m.code), m.code`,
    )
    .all() as Array<{
    code: string;
    name: string;
    phone: string;
    tier: string;
    balance_principal_minor: number;
    balance_bonus_minor: number;
    points: number;
    birth_year: number | null;
    birth_month: number | null;
    birth_day: number | null;
    created_at: string;
    last_visit_date: string | null;
    visit_days: number;
    total_spent_minor: number;
    note: string;
    archived_at: string | null;
  }>;
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    phone: formatPhone(r.phone),
    tier: r.tier,
    balanceMinor: r.balance_principal_minor,
    bonusMinor: r.balance_bonus_minor,
    points: r.points,
    birthday: r.birth_month && r.birth_day ? `${r.birth_year ? `${r.birth_year}-` : ''}${pad(r.birth_month)}-${pad(r.birth_day)}` : '',
    joined: businessDate(new Date(r.created_at)),
    lastVisit: r.last_visit_date ?? '',
    visitDays: r.visit_days,
    totalSpentMinor: r.total_spent_minor,
    note: r.note,
    archived: r.archived_at !== null,
  }));
}

function cellsOf(m: ExportedMember, yes: string): Record<Column, string | number> {
  return {
    code: m.code,
    name: m.name,
    phone: m.phone,
    tier: m.tier,
    balance: m.balanceMinor,
    bonus: m.bonusMinor,
    points: m.points,
    birthday: m.birthday,
    joined: m.joined,
    lastVisit: m.lastVisit,
    visitDays: m.visitDays,
    totalSpent: m.totalSpentMinor,
    note: m.note,
    archived: m.archived ? yes : '',
  };
}

/**
 * A text cell Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe, the way Excel
 * marks text itself; the import takes it off again.
 */
const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export async function exportMembers(ledger: Ledger, input: { format: 'csv' | 'xlsx'; includeArchived: boolean }): Promise<FileDownload & { count: number }> {
  const settings = getSettings(ledger);
  const headers = EXPORT_HEADERS[settings.locale];
  const yes = settings.locale === 'zh-CN' ? '是' : 'yes';
  const members = exportedMembers(ledger, input.includeArchived);
  const day = businessDate(ledger.clock()).replace(/-/g, '');
  const baseName = `${settings.locale === 'zh-CN' ? '会员' : 'members'}-${day}`;

  if (input.format === 'csv') {
    const data = members.map((m) => {
      const cells = cellsOf(m, yes);
      return COLUMNS.map((c) => {
        const value = cells[c];
        if (MONEY_COLUMNS.has(c)) return minorToInput(value as number, settings.currency);
        return typeof value === 'number' ? String(value) : defused(value);
      });
    });
    const csv = '\uFEFF' + Papa.unparse({ fields: COLUMNS.map((c) => headers[c]), data }, { newline: '\r\n' });
    return { fileName: `${baseName}.csv`, mimeType: 'text/csv;charset=utf-8', base64: Buffer.from(csv, 'utf8').toString('base64'), count: members.length };
  }

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(settings.locale === 'zh-CN' ? '会员' : 'Members');
  const digits = minorDigits(settings.currency);
  const moneyFormat = digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
  sheet.columns = COLUMNS.map((c) => ({ header: headers[c], key: c, width: c === 'name' || c === 'note' ? 18 : 14, style: MONEY_COLUMNS.has(c) ? { numFmt: moneyFormat } : {} }));
  for (const m of members) {
    const cells = cellsOf(m, yes);
    // Integer fen → yuan only here, for the spreadsheet's own arithmetic; the division of an integer
    // below 2^53 by 100 is the closest double to the exact amount.
    for (const c of MONEY_COLUMNS) cells[c] = (cells[c] as number) / 10 ** digits;
    sheet.addRow(cells);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${baseName}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
    count: members.length,
  };
}
