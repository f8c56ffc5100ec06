/**
 * The two use cases of an import: preview (check every row, write nothing) and commit (check again and
 * write every good row in ONE transaction: members with their opening balances and points, or past
 * visits as imported bills, the batch row and the audit row — all or nothing). Running the same file
 * again writes nothing: its members are already members (same phone) and its visits are already
 * imported (same member, day and amount); the answer says so and names the earlier import.
 */
import { appendAudit } from '../audit/log.ts';
import { requireStaff } from '../ledger/catalog.ts';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { insertBatch, previousBatches } from './batches.ts';
import { checkFile, type CheckedFile, type CheckedRow, type FileInput } from './check-file.ts';
import { settleMemberRows } from './member-rows.ts';
import { progressReporter, yieldToEventLoop } from './progress.ts';
import { PREVIEW_REJECTED_LIMIT, PREVIEW_SAMPLE_ROWS, type ImportPreview, type ImportResult, type ImportRow, type ImportTotals } from './types.ts';
import { settleVisitRows } from './visit-rows.ts';
import { writeMembers } from './write-members.ts';
import { writeVisits } from './write-visits.ts';

/** The checks against the ledger as it is now (phones already members, visits already imported). */
function settle(ledger: Ledger, file: CheckedFile): void {
  if (file.missing.length > 0) return;
  if (file.kind === 'members') settleMemberRows(ledger, file.rows);
  else settleVisitRows(ledger, file.rows);
}

const isGood = (row: ImportRow) => row.problems.length === 0 && (row.member !== undefined || row.visit !== undefined);

/** What a row shows and reports: without the visit's working notes. */
const shown = ({ draft: _draft, ...row }: CheckedRow): ImportRow => row;

function totalsOf(rows: readonly ImportRow[]): ImportTotals {
  const totals: ImportTotals = { openingPrincipalMinor: 0, openingBonusMinor: 0, openingPoints: 0, visitsMinor: 0 };
  for (const row of rows) {
    if (row.member) {
      totals.openingPrincipalMinor += row.member.balancePrincipalMinor;
      totals.openingBonusMinor += row.member.balanceBonusMinor;
      totals.openingPoints += row.member.points;
    }
    if (row.visit) totals.visitsMinor += row.visit.amountMinor;
  }
  return totals;
}

export async function previewImport(ledger: Ledger, input: FileInput & { progressKey?: string | undefined }): Promise<ImportPreview> {
  const progress = progressReporter(input.progressKey);
  try {
    const file = await checkFile(ledger, input, progress);
    settle(ledger, file);
    const rows = file.rows.map(shown);
    const checked = file.missing.length === 0;
    const good = checked ? rows.filter(isGood) : [];
    const rejected = checked ? rows.filter((r) => !isGood(r)) : [];
    return {
      kind: file.kind,
      fileName: file.fileName,
      fileHash: file.fileHash,
      encoding: file.encoding,
      headers: file.headers,
      headerLine: file.headerLine,
      mapping: file.mapping,
      missing: file.missing,
      totalRows: rows.length,
      goodRows: good.length,
      rejectedRows: rejected.length,
      sample: rows.slice(0, PREVIEW_SAMPLE_ROWS),
      rejected: rejected.slice(0, PREVIEW_REJECTED_LIMIT),
      totals: totalsOf(good),
      previous: previousBatches(ledger, file),
    };
  } finally {
    progress.finish();
  }
}

export interface CommitInput extends FileInput {
  mapping: NonNullable<FileInput['mapping']>;
  reason: string;
  staffId: string;
  progressKey?: string | undefined;
  /** Whose PIN approved it, for the audit row. */
  approvedByStaffId?: string | null;
}

export async function commitImport(ledger: Ledger, input: CommitInput): Promise<ImportResult> {
  const progress = progressReporter(input.progressKey);
  try {
    requireStaff(ledger, input.staffId);
    const file = await checkFile(ledger, input, progress);
    if (file.missing.length > 0) fail('IMPORT_MAPPING_INCOMPLETE', { fields: file.missing.join(', ') });
    progress.report('write', 0, file.rows.length);
    // One turn of the event loop, so a progress question already asked hears "writing" before the
    // transaction holds the process.
    await yieldToEventLoop();
    return inTransaction(ledger, () => {
      // Checked again against the ledger as it is inside this transaction: another till or a cashier
      // may have added a member since the preview.
      settle(ledger, file);
      const rows = file.rows.map(shown);
      const good = rows.filter(isGood);
      const rejected = rows.filter((r) => !isGood(r));
      const previous = previousBatches(ledger, file);
      const answer = { totalRows: rows.length, rejected, headers: file.headers, previous };
      if (good.length === 0) return { ...answer, batch: null, importedRows: 0, alreadyImported: previous.length > 0 };

      const totals = totalsOf(good);
      const batch = insertBatch(ledger, file, { reason: input.reason, staffId: input.staffId, imported: good.length, rejected, totals });
      const written =
        file.kind === 'members'
          ? writeMembers(ledger, { id: batch.id, reason: input.reason, staffId: input.staffId }, good)
          : writeVisits(ledger, { id: batch.id, batchNo: batch.batchNo, staffId: input.staffId }, good);
      if (written !== good.length) throw new Error(`import wrote ${written} of ${good.length} rows`);
      appendAudit(ledger, {
        staffId: input.staffId,
        approvedByStaffId: input.approvedByStaffId ?? null,
        action: 'imports.commit',
        subject: { kind: 'importBatch', id: batch.id, label: `#${batch.batchNo} ${file.fileName}`.trim() },
        after: { kind: file.kind, fileName: file.fileName, fileHash: file.fileHash, rowsTotal: rows.length, imported: good.length, rejected: rejected.length, ...totals },
      });
      const summary = previousBatches(ledger, file).find((b) => b.id === batch.id)!;
      return { ...answer, previous: previous, batch: summary, importedRows: good.length, alreadyImported: false };
    });
  } finally {
    progress.finish();
  }
}
