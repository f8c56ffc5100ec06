/**
 * The report of rejected rows as a CSV the owner opens in Excel, fixes and imports again: the file's own
 * columns as they were, with the row number first and the reasons last (UTF-8 with a BOM, like the
 * member export).
 */
import type { TFunction } from 'i18next';
import Papa from 'papaparse';
import type { ImportRow } from '../../../../src-main/imports/types.ts';
import type { FileDownload } from '../../../../src-main/print/types.ts';
import { problemsText } from './problem-text.ts';

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // In slices: String.fromCharCode with a whole large file as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function rejectedRowsFile(t: TFunction, headers: readonly string[], rows: readonly ImportRow[], sourceName: string): FileDownload {
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length));
  const pad = (cells: readonly string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const csv = Papa.unparse(
    {
      fields: [t('importExport.rejectedCsv.line'), ...pad(headers), t('importExport.rejectedCsv.reasons')],
      data: rows.map((r) => [String(r.line), ...pad(r.cells), problemsText(t, r.problems)]),
    },
    { newline: '\r\n' },
  );
  const stem = sourceName.replace(/\.[^.]+$/, '') || 'import';
  return { fileName: `${stem}-${t('importExport.rejectedCsv.fileName')}.csv`, mimeType: 'text/csv;charset=utf-8', base64: base64Utf8('\uFEFF' + csv) };
}
