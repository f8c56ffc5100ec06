/**
 * The print queue in the data file: a job is written by the transaction that makes the receipt (or by
 * the cashier's Print), claimed by the spooler after the commit, and finished with how it went.
 */
import { and, asc, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { perConnection } from '../ledger/prepared.ts';
import { fail } from '../ledger/errors.ts';
import { newId } from '../ledger/ids.ts';
import { printJobs } from '../ledger/schema.ts';
import { isoTime } from '../ledger/time.ts';
import { inTransaction } from '../ledger/transaction.ts';
import type { ReceiptRef } from '../receipts/load.ts';
import type { PrintJob, PrintJobPurpose, PrinterErrorCode } from './types.ts';

type JobRow = typeof printJobs.$inferSelect;

/** A job still waiting at start-up older than this is dropped, not printed: the customer has left. */
export const STALE_JOB_MS = 5 * 60_000;

export function toPrintJob(row: JobRow): PrintJob {
  return {
    id: row.id,
    purpose: row.purpose,
    billId: row.billId,
    topupId: row.topupId,
    status: row.status,
    errorCode: row.errorCode as PrinterErrorCode | null,
    warning: row.warning === 'paper_near_end' ? 'paper_near_end' : null,
    target: row.target,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

/** Inside the caller's transaction: a receipt (or test page, with no ref) to print. */
export function queuePrintJob(ledger: Ledger, job: { purpose: PrintJobPurpose; ref: ReceiptRef | null; staffId: string | null }): string {
  const id = newId();
  ledger.db
    .insert(printJobs)
    .values({
      id,
      tillId: ledger.tillId,
      purpose: job.purpose,
      billId: job.ref && 'billId' in job.ref ? job.ref.billId : null,
      topupId: job.ref && 'topupId' in job.ref ? job.ref.topupId : null,
      status: 'pending',
      staffId: job.staffId,
      createdAt: isoTime(ledger.clock()),
    })
    .run();
  return id;
}

export function getPrintJob(ledger: Ledger, jobId: string): PrintJob {
  const row = ledger.db.select().from(printJobs).where(eq(printJobs.id, jobId)).get();
  if (!row) fail('PRINT_JOB_NOT_FOUND');
  return toPrintJob(row);
}

/** The newest job for a bill or top-up (what its done screen shows). */
export function latestJobFor(ledger: Ledger, ref: ReceiptRef): PrintJob | null {
  const row = 'billId' in ref ? latestJobOfBill(ledger.db).get({ id: ref.billId }) : latestJobOfTopup(ledger.db).get({ id: ref.topupId });
  return row ? toPrintJob(row) : null;
}

// Read back after every checkout (the answer says what became of the receipt): built once per connection.
const latestJobOfBill = perConnection((db) =>
  db.select().from(printJobs).where(eq(printJobs.billId, sql.placeholder('id'))).orderBy(desc(printJobs.createdAt), desc(printJobs.id)).limit(1).prepare(),
);
const latestJobOfTopup = perConnection((db) =>
  db.select().from(printJobs).where(eq(printJobs.topupId, sql.placeholder('id'))).orderBy(desc(printJobs.createdAt), desc(printJobs.id)).limit(1).prepare(),
);

/** A receipt printed before for this bill or top-up: the next copy says REPRINT. */
export function wasPrinted(ledger: Ledger, ref: ReceiptRef, exceptJobId: string): boolean {
  const where = 'billId' in ref ? eq(printJobs.billId, ref.billId) : eq(printJobs.topupId, ref.topupId);
  const rows = ledger.db.select({ id: printJobs.id }).from(printJobs).where(and(where, eq(printJobs.status, 'printed'))).all();
  return rows.some((r) => r.id !== exceptJobId);
}

/** Take the oldest waiting job and mark it printing; null when there is none. */
export function claimNextPrintJob(ledger: Ledger): JobRow | null {
  return inTransaction(ledger, () => {
    const row = ledger.db.select().from(printJobs).where(and(eq(printJobs.tillId, ledger.tillId), eq(printJobs.status, 'pending'))).orderBy(asc(printJobs.createdAt), asc(printJobs.id)).limit(1).get();
    if (!row) return null;
    ledger.db.update(printJobs).set({ status: 'printing' }).where(eq(printJobs.id, row.id)).run();
    return { ...row, status: 'printing' as const };
  });
}

export type JobOutcome = { ok: true; target: string; warning?: 'paper_near_end' } | { ok: false; target: string; code: PrinterErrorCode; detail: string };

export function finishPrintJob(ledger: Ledger, jobId: string, outcome: JobOutcome): void {
  inTransaction(ledger, () => {
    ledger.db
      .update(printJobs)
      .set(
        outcome.ok
          ? { status: 'printed', target: outcome.target, warning: outcome.warning ?? null, finishedAt: isoTime(ledger.clock()) }
          : { status: 'failed', target: outcome.target, errorCode: outcome.code, errorDetail: outcome.detail.slice(0, 500), finishedAt: isoTime(ledger.clock()) },
      )
      .where(eq(printJobs.id, jobId))
      .run();
  });
}

/**
 * At start: a job a crash or quit left `printing` may have printed half a receipt, and one left
 * waiting for minutes belongs to a customer who has gone. Neither is printed on its own; the cashier
 * sees "interrupted" in the bill history and can print again.
 */
export function failInterruptedJobs(ledger: Ledger): number {
  const staleBefore = isoTime(new Date(ledger.clock().getTime() - STALE_JOB_MS));
  return inTransaction(ledger, () =>
    ledger.db
      .update(printJobs)
      .set({ status: 'failed', errorCode: 'PRINTER_INTERRUPTED', errorDetail: 'interrupted', finishedAt: isoTime(ledger.clock()) })
      .where(and(eq(printJobs.tillId, ledger.tillId), or(eq(printJobs.status, 'printing'), and(eq(printJobs.status, 'pending'), lt(printJobs.createdAt, staleBefore)))))
      .run().changes,
  );
}
