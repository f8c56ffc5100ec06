/** Import batches: the row each committed import leaves, and how screens read them back. */
import { and, desc, eq } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { newId } from '../ledger/ids.ts';
import { prepared } from '../ledger/prepared.ts';
import { staff } from '../ledger/schema.ts';
import { isoTime } from '../ledger/time.ts';
import type { CheckedFile } from './check-file.ts';
import { importBatches } from './schema.ts';
import type { ImportBatchSummary, ImportRow, ImportTotals } from './types.ts';

type BatchRow = typeof importBatches.$inferSelect;

function summaryOf(row: BatchRow, staffName: string): ImportBatchSummary {
  return {
    id: row.id,
    batchNo: row.batchNo,
    kind: row.kind,
    fileName: row.fileName,
    encoding: row.encoding as ImportBatchSummary['encoding'],
    reason: row.reason,
    rowsTotal: row.rowsTotal,
    rowsImported: row.rowsImported,
    rowsRejected: row.rowsRejected,
    openingPrincipalMinor: row.openingPrincipalMinor,
    openingBonusMinor: row.openingBonusMinor,
    openingPoints: row.openingPoints,
    visitsMinor: row.visitsMinor,
    staffName,
    createdAt: row.createdAt,
  };
}

const withStaff = (ledger: Ledger) => ledger.db.select({ batch: importBatches, staffName: staff.name }).from(importBatches).innerJoin(staff, eq(importBatches.staffId, staff.id));

export function listBatches(ledger: Ledger, limit: number): ImportBatchSummary[] {
  return withStaff(ledger)
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(limit)
    .all()
    .map((r) => summaryOf(r.batch, r.staffName));
}

/** The report a batch keeps: the file's headers and each rejected row with its reasons. */
export interface RejectedReport {
  headers: string[];
  rejected: ImportRow[];
}

export function getBatch(ledger: Ledger, batchId: string): ImportBatchSummary & RejectedReport {
  const found = withStaff(ledger).where(eq(importBatches.id, batchId)).get();
  if (!found) fail('IMPORT_BATCH_NOT_FOUND');
  const report = JSON.parse(found.batch.rejectedJson) as RejectedReport;
  return { ...summaryOf(found.batch, found.staffName), headers: report.headers, rejected: report.rejected };
}

/** Earlier imports of this same file read with this same mapping, newest first. */
export function previousBatches(ledger: Ledger, file: Pick<CheckedFile, 'kind' | 'fileHash' | 'mappingHash'>): ImportBatchSummary[] {
  return withStaff(ledger)
    .where(and(eq(importBatches.kind, file.kind), eq(importBatches.fileHash, file.fileHash), eq(importBatches.mappingHash, file.mappingHash)))
    .orderBy(desc(importBatches.createdAt))
    .all()
    .map((r) => summaryOf(r.batch, r.staffName));
}

/** The next batch number of this till (imported bills are numbered with it). */
function nextBatchNo(ledger: Ledger): number {
  return prepared<{ value: number }>(ledger.sqlite, 'insert into counters(name, value) values (?, 1) on conflict(name) do update set value = value + 1 returning value').get(
    `import_batch:${ledger.tillId}`,
  )!.value;
}

/** Write the batch row (before the rows that point at it), inside the import's transaction. */
export function insertBatch(
  ledger: Ledger,
  file: CheckedFile,
  outcome: { reason: string; staffId: string; imported: number; rejected: ImportRow[]; totals: ImportTotals },
): { id: string; batchNo: number } {
  const id = newId();
  const batchNo = nextBatchNo(ledger);
  ledger.db
    .insert(importBatches)
    .values({
      id,
      tillId: ledger.tillId,
      batchNo,
      kind: file.kind,
      fileName: file.fileName,
      fileHash: file.fileHash,
      mappingHash: file.mappingHash,
      mapping: JSON.stringify(file.mapping),
      encoding: file.encoding,
      reason: outcome.reason,
      rowsTotal: file.rows.length,
      rowsImported: outcome.imported,
      rowsRejected: outcome.rejected.length,
      openingPrincipalMinor: outcome.totals.openingPrincipalMinor,
      openingBonusMinor: outcome.totals.openingBonusMinor,
      openingPoints: outcome.totals.openingPoints,
      visitsMinor: outcome.totals.visitsMinor,
      rejectedJson: JSON.stringify({ headers: file.headers, rejected: outcome.rejected.map(({ line, cells, problems }) => ({ line, cells, problems })) } satisfies RejectedReport),
      staffId: outcome.staffId,
      createdAt: isoTime(ledger.clock()),
    })
    .run();
  return { id, batchNo };
}
