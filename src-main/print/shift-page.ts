/**
 * A `shift_report` print job as paper: the shift's Z report from the committed rows, as ESC/POS bytes for
 * a thermal printer or as the same drawing in an HTML page for a system printer (as receipts are).
 */
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { tills } from '../ledger/schema.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { isoTime } from '../ledger/time.ts';
import { shiftOfPrintJob } from '../shifts/print.ts';
import { shiftReportLabels } from '../shifts/report-labels.ts';
import { shiftReport } from '../shifts/shifts.ts';
import { escposBytes, svgOf } from './escpos/encode.ts';
import { paperWidthOf } from './escpos/paper.ts';
import { shiftReportMarkup, type ShiftReportDocument } from './escpos/shift-markup.ts';
import { page } from './html-receipt.ts';

export interface ShiftReportPage {
  /** No drawer kick: the drawer was counted before the close, and printing needs no cash. */
  escpos: () => Buffer;
  html: () => string;
}

export function shiftReportDocument(ledger: Ledger, shiftId: string, settings: Settings): ShiftReportDocument {
  const report = shiftReport(ledger, shiftId);
  const till = ledger.db.select({ name: tills.name }).from(tills).where(eq(tills.id, report.tillId)).get();
  return { report, shopName: settings.shopName, tillName: till?.name ?? report.tillId, currency: settings.currency, locale: settings.locale, printedAt: isoTime(ledger.clock()) };
}

export function shiftReportPage(ledger: Ledger, jobId: string, settings: Settings): ShiftReportPage {
  const doc = shiftReportDocument(ledger, shiftOfPrintJob(ledger, jobId), settings);
  const width = paperWidthOf(settings.printing.paperWidth);
  const markup = shiftReportMarkup(doc, width);
  const words = shiftReportLabels(doc.locale);
  return {
    escpos: () => escposBytes(markup, width, false),
    html: () => page(`${doc.report.close ? words.title : words.titleOpen} ${doc.report.staffName}`, svgOf(markup, width), settings.printing.paperWidth, doc.locale),
  };
}
