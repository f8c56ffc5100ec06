/** Print jobs as the screens see them. Plain types, shared with the renderer through the API contract. */
import type { ErrorCode } from '../ledger/errors.ts';
import type { PRINT_JOB_PURPOSES, PRINT_JOB_STATUSES } from '../ledger/vocabulary.ts';

export type PrintJobPurpose = (typeof PRINT_JOB_PURPOSES)[number];
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];

/** Why a print did not happen; each has a localized message for the cashier (api/error-messages.ts). */
export type PrinterErrorCode = Extract<ErrorCode, `PRINTER_${string}`>;

export interface PrintJob {
  id: string;
  purpose: PrintJobPurpose;
  billId: string | null;
  topupId: string | null;
  status: PrintJobStatus;
  /** Shown to the cashier in their language through the shared error messages. */
  errorCode: PrinterErrorCode | null;
  warning: 'paper_near_end' | null;
  target: string;
  createdAt: string;
  finishedAt: string | null;
}

/** What happened to a sale's receipt: the auto-print job and the e-bill, if any. */
export interface ReceiptDelivery {
  printJob: PrintJob | null;
  /** The e-bill SMS written for it (its outbox id and state), or null when none is due. */
  ebill: { messageId: string; status: string } | null;
}

export type PrinterCheck = { ok: true; status: 'ok' | 'paper_near_end' | 'unknown'; target: string } | { ok: false; code: PrinterErrorCode; target: string };

/** A file for the renderer to save or open (PDF bills and statements). */
export interface FileDownload {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** A receipt as the paper will show it, for the screen and for the browser's own print. */
export interface ReceiptPreview {
  svg: string;
  html: string;
}
