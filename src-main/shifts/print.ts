/**
 * Printing a shift's Z report goes through the till's print queue like a receipt: a print job (purpose
 * `shift_report`) and a link naming the shift, written in one transaction; the spooler prints it after
 * the commit (print/shift-page.ts renders it), so a Z report never interleaves with a receipt on paper.
 */
import { eq } from 'drizzle-orm';
import { requireStaff } from '../ledger/catalog.ts';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { queuePrintJob } from '../print/jobs.ts';
import { shiftPrintJobs, shifts } from './schema.ts';

/** Queue the report of `shiftId` (open or closed); the job's id. */
export function queueShiftReport(ledger: Ledger, shiftId: string, staffId: string): string {
  return inTransaction(ledger, () => {
    requireStaff(ledger, staffId);
    if (!ledger.db.select({ id: shifts.id }).from(shifts).where(eq(shifts.id, shiftId)).get()) fail('SHIFT_NOT_FOUND');
    const jobId = queuePrintJob(ledger, { purpose: 'shift_report', ref: null, staffId });
    ledger.db.insert(shiftPrintJobs).values({ printJobId: jobId, shiftId }).run();
    return jobId;
  });
}

/** The shift a `shift_report` job prints. */
export function shiftOfPrintJob(ledger: Ledger, jobId: string): string {
  const row = ledger.db.select({ shiftId: shiftPrintJobs.shiftId }).from(shiftPrintJobs).where(eq(shiftPrintJobs.printJobId, jobId)).get();
  if (!row) fail('SHIFT_NOT_FOUND');
  return row.shiftId;
}
