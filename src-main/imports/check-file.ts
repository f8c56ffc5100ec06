/**
 * The part of a preview and an import that needs no transaction: read the file, settle the mapping,
 * and check each row on its own (phones, money, dates), yielding to the event loop every few hundred
 * rows so the progress bar moves. What depends on the ledger (who is already a member, which visits
 * an earlier import brought) is settled afterwards by the caller — the import does it inside its write
 * transaction.
 */
import { createHash } from 'node:crypto';
import { defaultTier, listTiers } from '../ledger/catalog.ts';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { getSettings } from '../ledger/settings.ts';
import { businessDate } from '../ledger/time.ts';
import { decodeBase64 } from './decode.ts';
import { guessMapping, missingFields, type ColumnMapping, type ImportField, type ImportKind, type MemberField, type VisitField } from './fields.ts';
import { draftMember, tierKey } from './member-rows.ts';
import { CHECK_CHUNK_ROWS, yieldToEventLoop, type ProgressReporter } from './progress.ts';
import { readTable } from './read-table.ts';
import type { ImportEncoding, ImportRow, TextEncoding } from './types.ts';
import { draftVisit, type VisitCells } from './visit-rows.ts';

export interface FileInput {
  kind: ImportKind;
  fileName: string;
  base64: string;
  encoding?: TextEncoding | undefined;
  mapping?: ColumnMapping | undefined;
}

/** A row checked on its own; visit rows keep what they say until the ledger tells whose visit it is. */
export type CheckedRow = ImportRow & { draft?: VisitCells };

export interface CheckedFile {
  kind: ImportKind;
  fileName: string;
  fileHash: string;
  /** SHA-256 of the mapping and the encoding the file was read in: with the file hash, "the same import". */
  mappingHash: string;
  encoding: ImportEncoding;
  headers: string[];
  headerLine: number;
  mapping: ColumnMapping;
  missing: ImportField[];
  rows: CheckedRow[];
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Field order never changes the hash: {phone: 1, name: 0} and {name: 0, phone: 1} are one mapping. */
function mappingHashOf(mapping: ColumnMapping, encoding: ImportEncoding): string {
  const entries = Object.entries(mapping).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256(JSON.stringify({ encoding, mapping: entries }));
}

export async function checkFile(ledger: Ledger, input: FileInput, progress: ProgressReporter): Promise<CheckedFile> {
  progress.report('read', 0, 1);
  const bytes = decodeBase64(input.base64);
  const table = await readTable(input.kind, bytes, input.encoding);
  const width = Math.max(table.headers.length, ...table.rows.slice(0, 1000).map((r) => r.cells.length));
  const mapping = input.mapping ?? guessMapping(input.kind, table.headers);
  if (Object.values(mapping).some((column) => column === undefined || column >= width)) fail('VALIDATION', { field: 'mapping' });
  const missing = missingFields(input.kind, mapping);
  const rows: CheckedRow[] = table.rows.map((r) => ({ line: r.line, cells: r.cells, problems: [] }));
  const file: CheckedFile = {
    kind: input.kind,
    fileName: input.fileName,
    fileHash: sha256(bytes),
    mappingHash: mappingHashOf(mapping, table.encoding),
    encoding: table.encoding,
    headers: table.headers,
    headerLine: table.headerLine,
    mapping,
    missing,
    rows,
  };
  // Without the fields every row needs, each row would only say the same thing again.
  if (missing.length > 0) return file;

  const checkRow = rowChecker(ledger, input.kind, mapping);
  for (let i = 0; i < rows.length; i++) {
    if (i % CHECK_CHUNK_ROWS === 0) {
      progress.report('check', i, rows.length);
      await yieldToEventLoop();
    }
    checkRow(rows[i]!);
  }
  progress.report('check', rows.length, rows.length);
  return file;
}

function rowChecker(ledger: Ledger, kind: ImportKind, mapping: ColumnMapping): (row: CheckedRow) => void {
  const settings = getSettings(ledger);
  const today = businessDate(ledger.clock());
  if (kind === 'visits') {
    const ctx = { currency: settings.currency, today };
    return (row) => {
      const { problems, cells } = draftVisit(row.cells, mapping as ColumnMapping<VisitField>, ctx);
      row.problems = problems;
      if (cells) row.draft = cells;
    };
  }
  const fallback = defaultTier(ledger);
  const ctx = {
    currency: settings.currency,
    today,
    tiers: new Map(listTiers(ledger).map((t) => [tierKey(t.name), { id: t.id, name: t.name }])),
    defaultTier: { id: fallback.id, name: fallback.name },
  };
  return (row) => {
    const { problems, member } = draftMember(row.cells, mapping as ColumnMapping<MemberField>, ctx);
    row.problems = problems;
    if (member) row.member = member;
  };
}
