/**
 * Print one claimed job on this till's printer as the settings say: render the receipt from committed
 * rows and hand the bytes (or the HTML) to the transport. Never throws: every failure is an outcome
 * the cashier can read, and nothing here touches the bill.
 */
import type { Ledger } from '../ledger/db.ts';
import type { printJobs } from '../ledger/schema.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { getSettings } from '../ledger/settings.ts';
import { loadReceipt, type ReceiptRef } from '../receipts/load.ts';
import { encodeReceipt, testPageBytes } from './escpos/encode.ts';
import { receiptHtml, testPageHtml } from './html-receipt.ts';
import { wasPrinted, type JobOutcome } from './jobs.ts';
import type { SystemPrinter } from './system-printer.ts';
import { printToDevice } from './transports/device.ts';
import { printOverNetwork } from './transports/network.ts';
import { paperWidthOf } from './escpos/paper.ts';
import { shiftReportPage } from './shift-page.ts';

type JobRow = typeof printJobs.$inferSelect;

export interface SendDeps {
  systemPrinter: SystemPrinter | null;
  /** Tests: a shorter network timeout. */
  networkTimeoutMs?: number;
}

export function describeTarget(printing: Settings['printing']): string {
  switch (printing.connection) {
    case 'network':
      return `network ${printing.host}:${printing.port}`;
    case 'device':
      return `device ${printing.devicePath}`;
    case 'system':
      return `system ${printing.systemPrinterName || 'default'}`;
    default:
      return 'none';
  }
}

function refOf(job: JobRow): ReceiptRef | null {
  if (job.billId) return { billId: job.billId };
  if (job.topupId) return { topupId: job.topupId };
  return null;
}

export async function sendJob(ledger: Ledger, job: JobRow, deps: SendDeps): Promise<JobOutcome> {
  const settings = getSettings(ledger);
  const { printing } = settings;
  const target = describeTarget(printing);
  try {
    const ref = refOf(job);
    const receipt = ref ? loadReceipt(ledger, ref, { settings, reprint: wasPrinted(ledger, ref, job.id) }) : null;
    // A shift's Z report is a page of its own, printed like the test page (shifts/print.ts queues it).
    const shiftPage = job.purpose === 'shift_report' ? shiftReportPage(ledger, job.id, settings) : null;
    const paperWidth = printing.paperWidth;
    if (printing.connection === 'network' || printing.connection === 'device') {
      const width = paperWidthOf(paperWidth);
      const bytes = shiftPage
        ? shiftPage.escpos()
        : receipt
        ? encodeReceipt(receipt, { paperWidth: width, openDrawer: printing.openDrawerOnCash })
        : testPageBytes({ paperWidth: width, shopName: settings.shopName, locale: settings.messaging.language, openDrawer: printing.openDrawerOnCash });
      const outcome =
        printing.connection === 'network'
          ? await printOverNetwork({ host: printing.host, port: printing.port }, bytes, deps.networkTimeoutMs ? { timeoutMs: deps.networkTimeoutMs } : {})
          : await printToDevice(printing.devicePath, bytes);
      return outcome.ok ? { ok: true, target, ...(outcome.warning ? { warning: outcome.warning } : {}) } : { ok: false, target, code: outcome.code, detail: outcome.detail };
    }
    if (printing.connection === 'system') {
      if (!deps.systemPrinter) return { ok: false, target, code: 'PRINTER_SYSTEM_UNAVAILABLE', detail: 'no system printer in this shell' };
      const html = shiftPage ? shiftPage.html() : receipt ? receiptHtml(receipt, { paperWidth }) : testPageHtml({ paperWidth, shopName: settings.shopName, locale: settings.messaging.language });
      const outcome = await deps.systemPrinter.print(html, { printerName: printing.systemPrinterName, silent: printing.systemSilent, paperWidth });
      return outcome.ok ? { ok: true, target } : { ok: false, target, code: 'PRINTER_UNREACHABLE', detail: outcome.detail };
    }
    return { ok: false, target, code: 'PRINTER_NOT_SET', detail: 'no printer configured' };
  } catch (error) {
    return { ok: false, target, code: 'PRINTER_UNREACHABLE', detail: error instanceof Error ? error.message : String(error) };
  }
}
