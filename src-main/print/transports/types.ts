import type { PrinterErrorCode as AnyPrinterErrorCode } from '../types.ts';

/**
 * What a transport reports back: a receipt sent (perhaps with a paper warning), or why not, as one of
 * the PRINTER_* codes the cashier gets a localized message for (api/error-messages.ts). The detail is
 * English for logs and support, never shown as the message.
 */
/** The codes a transport can give: every printer code but the ones about settings and shells. */
export type PrinterErrorCode = Exclude<AnyPrinterErrorCode, 'PRINTER_NOT_SET' | 'PRINTER_SYSTEM_UNAVAILABLE'>;

export type PrintFailure = { ok: false; code: PrinterErrorCode; detail: string };

export type PrintOutcome = { ok: true; bytesSent: number; warning?: 'paper_near_end' } | PrintFailure;

/**
 * "Check printer": reachable, and what it says about itself. 'unknown' is a printer that answers no
 * status queries (many cheap ones), which will still be printed to.
 */
export type StatusOutcome = { ok: true; status: 'ok' | 'paper_near_end' | 'unknown' } | PrintFailure;

export function failure(code: PrinterErrorCode, detail: string): PrintFailure {
  return { ok: false, code, detail };
}
