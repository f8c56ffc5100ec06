/**
 * A report as a CSV file: UTF-8 with a byte-order mark (so Excel on a Chinese Windows reads 中文
 * rather than mojibake), CRLF line ends, each sheet as a block — its title and period, the column
 * headings, the rows — with a blank line between blocks. Money is written as a plain decimal in the
 * currency's unit ("1234.50"), converted from integer minor units by string arithmetic.
 */
import Papa from 'papaparse';
import { minorToInput } from '../api/money-format.ts';
import type { Cell, ColumnKind, ReportSheet } from './tables.ts';

const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @ first) is written with a leading
 * apostrophe, as OWASP advises: member names and notes are typed by people. Only text is guarded;
 * a negative amount is a number and stays one.
 */
function guardText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** 1234 basis points → "12.34%". */
export function rateText(bp: number): string {
  return `${minorToInput(bp, 'CNY')}%`;
}

function cellText(cell: Cell, kind: ColumnKind, currency: string): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return guardText(cell);
  if (kind === 'money') return minorToInput(cell, currency);
  if (kind === 'rate') return rateText(cell);
  return String(cell);
}

export function csvFile(sheets: readonly ReportSheet[], currency: string): Buffer {
  const lines: string[][] = [];
  sheets.forEach((sheet, i) => {
    if (i > 0) lines.push([]);
    lines.push([guardText(sheet.title), sheet.period]);
    lines.push(sheet.columns.map((c) => guardText(c.label)));
    for (const row of sheet.rows) lines.push(row.map((cell, j) => cellText(cell, sheet.columns[j]?.kind ?? 'text', currency)));
  });
  return Buffer.from(BOM + Papa.unparse(lines, { newline: '\r\n' }) + '\r\n', 'utf8');
}
