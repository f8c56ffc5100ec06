/**
 * A report as an Excel workbook: one worksheet per sheet, its title and period on the first row, the
 * column headings (bold, kept in view when scrolling) on the second, then the rows. Money becomes a
 * number in the currency's unit formatted `#,##0.00` — the one place integer minor units become a
 * fraction, because a spreadsheet adds numbers, not text; rates become percentages.
 */
import ExcelJS from 'exceljs';
import { minorDigits } from '../api/money-format.ts';
import type { Cell, ColumnKind, ReportSheet } from './tables.ts';

/** Worksheet names: at most 31 characters, none of : \ / ? * [ ], and unique in the workbook. */
function worksheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base.slice(0, 28)} ${n}`;
  taken.add(candidate);
  return candidate;
}

function numberFormat(kind: ColumnKind, digits: number): string | undefined {
  if (kind === 'money') return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
  if (kind === 'rate') return '0.00%';
  if (kind === 'count') return '#,##0';
  return undefined;
}

function cellValue(cell: Cell, kind: ColumnKind, digits: number): string | number | null {
  if (cell === null || typeof cell === 'string') return cell;
  if (kind === 'money') return cell / 10 ** digits;
  if (kind === 'rate') return cell / 10_000;
  return cell;
}

export async function xlsxFile(sheets: readonly ReportSheet[], currency: string, created: Date): Promise<Buffer> {
  const digits = minorDigits(currency);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Regulars';
  workbook.created = created;
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(worksheetName(sheet.name, taken), { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.addRow([sheet.title, sheet.period]).font = { bold: true };
    ws.addRow(sheet.columns.map((c) => c.label)).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((cell, j) => cellValue(cell, sheet.columns[j]?.kind ?? 'text', digits)));
    sheet.columns.forEach((c, j) => {
      const column = ws.getColumn(j + 1);
      const format = numberFormat(c.kind, digits);
      if (format) column.numFmt = format;
      column.width = Math.max(10, Math.min(40, [...c.label].length * 2 + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
