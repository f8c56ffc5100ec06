/**
 * What a committed sale, refund or top-up owes the member besides the money: the e-bill SMS and the
 * printed receipt. Both are rows written inside the same transaction as the bill (so a sale that rolls
 * back sends and prints nothing, and a crash after the commit loses neither), and delivered after it.
 * A failure here is caught at a savepoint: a broken template or printer setting never undoes a sale.
 */
import type { Ledger } from '../ledger/db.ts';
import { getSettings } from '../ledger/settings.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { latestJobFor, queuePrintJob } from '../print/jobs.ts';
import { ebillOf, queueEbill } from '../sms/ebill.ts';
import type { ReceiptRef } from './load.ts';

export interface IssueOptions {
  staffId: string;
  /**
   * What this shell can print to by itself: 'any' (desktop: thermal and system printers), 'raw' (the
   * browser shell: thermal printers only — the browser prints system receipts itself), 'none' (no spooler).
   */
  printer: 'any' | 'raw' | 'none';
  onError?: (error: unknown) => void;
}

/** Inside the bill's transaction: queue the e-bill and, when auto-print is on, the receipt. */
export function issueReceipt(ledger: Ledger, ref: ReceiptRef, options: IssueOptions): void {
  const settings = getSettings(ledger);
  attempt(ledger, options, () => queueEbill(ledger, ref, settings));
  const { printing } = settings;
  const canPrint = printing.connection === 'system' ? options.printer === 'any' : options.printer !== 'none';
  if (printing.autoPrint && printing.connection !== 'none' && canPrint) {
    attempt(ledger, options, () => queuePrintJob(ledger, { purpose: 'receipt', ref, staffId: options.staffId }));
  }
}

function attempt(ledger: Ledger, options: IssueOptions, write: () => unknown): void {
  try {
    inTransaction(ledger, write);
  } catch (error) {
    options.onError?.(error);
  }
}

/** What became of a bill's receipt so far (also for a replayed request: the same rows). */
export function deliveryOf(ledger: Ledger, ref: ReceiptRef) {
  const ebill = ebillOf(ledger, ref);
  return { printJob: latestJobFor(ledger, ref), ebill: ebill ? { messageId: ebill.id, status: ebill.status } : null };
}
