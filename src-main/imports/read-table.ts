/**
 * An import file as a table of text cells: CSV (any delimiter papaparse recognises: comma, tab,
 * semicolon) or the first sheet of an XLSX workbook. Each row keeps its number as a spreadsheet shows
 * it, so a report can say "row 17" and the owner finds it. The header row is the first of the first
 * few rows that names two or more known fields (some exports put a title line above it).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { fail } from '../ledger/errors.ts';
import { decodeText, detectEncoding, isSpreadsheet } from './decode.ts';
import { headerScore, type ImportKind } from './fields.ts';
import type { ImportEncoding, TextEncoding } from './types.ts';

export interface TableRow {
  /** 1-based, as the spreadsheet or text editor numbers it. */
  line: number;
  cells: string[];
}

export interface ImportTable {
  encoding: ImportEncoding;
  headers: string[];
  headerLine: number;
  rows: TableRow[];
}

/** More rows than any small shop's history; a larger file is refused rather than half-read. */
export const MAX_IMPORT_ROWS = 100_000;
const HEADER_SEARCH_ROWS = 10;

export async function readTable(kind: ImportKind, bytes: Uint8Array, encoding?: TextEncoding): Promise<ImportTable> {
  if (isSpreadsheet(bytes)) return toTable(kind, 'xlsx', await spreadsheetRows(bytes));
  const used = encoding ?? detectEncoding(bytes);
  return toTable(kind, used, textRows(decodeText(bytes, used)));
}

function textRows(text: string): TableRow[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  // A leading apostrophe before = + - @ is how a CSV keeps Excel from running a cell as a formula (our export writes it).
  return parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => String(c ?? '').trim().replace(/^'(?=[=+\-@])/, '')) }));
}

async function spreadsheetRows(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as unknown as ArrayBuffer);
  } catch {
    fail('IMPORT_FILE_UNREADABLE');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) fail('IMPORT_FILE_EMPTY');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (rows.length > MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS) return;
    const values = row.values as unknown[];
    // exceljs rows are 1-based: values[0] is always empty.
    rows.push({ line, cells: values.slice(1).map(cellText) });
  });
  return rows;
}

/** A cell as the text a person sees: dates as YYYY-MM-DD (with the time if it has one), numbers without float noise. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateCellText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}

/** Spreadsheet dates carry no zone: exceljs hands them over as that wall-clock time in UTC. */
function dateCellText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

function toTable(kind: ImportKind, encoding: ImportEncoding, all: TableRow[]): ImportTable {
  const nonEmpty = all.filter((r) => r.cells.some((c) => c !== ''));
  if (nonEmpty.length === 0) fail('IMPORT_FILE_EMPTY');
  const candidates = nonEmpty.slice(0, HEADER_SEARCH_ROWS);
  const header = candidates.find((r) => headerScore(kind, r.cells) >= 2) ?? candidates[0]!;
  const rows = nonEmpty.filter((r) => r.line > header.line);
  if (rows.length > MAX_IMPORT_ROWS) fail('IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });
  return { encoding, headers: header.cells, headerLine: header.line, rows };
}
