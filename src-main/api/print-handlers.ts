/**
 * The handlers of receipts, printing and PDFs. Printing goes through the spooler (a job row, printed
 * after the commit); previews and PDFs are rendered from committed rows on request.
 */
import { requireStaff } from '../ledger/catalog.ts';
import { fail } from '../ledger/errors.ts';
import { getSettings } from '../ledger/settings.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { checkPrinter } from '../print/check.ts';
import { refOf } from '../print/commands.ts';
import { receiptSvg } from '../print/escpos/encode.ts';
import { receiptHtml } from '../print/html-receipt.ts';
import { getPrintJob, queuePrintJob } from '../print/jobs.ts';
import { billPdf } from '../print/pdf/bill-pdf.ts';
import { statementPdf } from '../print/pdf/statement-pdf.ts';
import type { FileDownload, PrintJob } from '../print/types.ts';
import { loadReceipt, type ReceiptRef } from '../receipts/load.ts';
import { requireReceiptSource } from '../receipts/receipt-rows.ts';
import { receiptLogo, setReceiptLogo } from '../receipts/shop.ts';
import { memberStatement } from '../receipts/statement.ts';
import type { HandlerContext, PrintingContext } from './handler-context.ts';
import type { Handler } from './handlers.ts';
import { paperWidthOf } from '../print/escpos/paper.ts';

type PrintMethod =
  | 'receipts.get'
  | 'receipts.statement'
  | 'print.receipt'
  | 'print.job'
  | 'print.test'
  | 'print.check'
  | 'print.preview'
  | 'print.systemPrinters'
  | 'print.logo'
  | 'print.setLogo'
  | 'pdf.bill'
  | 'pdf.statement';

/** The spooler, when this till can print the way the settings say; else the reason it cannot. */
export function printingFor(ctx: HandlerContext): PrintingContext {
  const { connection } = getSettings(ctx.ledger).printing;
  if (connection === 'none' || !ctx.printing) fail('PRINTER_NOT_SET');
  if (connection === 'system' && !ctx.printing.systemPrinter) fail('PRINTER_SYSTEM_UNAVAILABLE');
  return ctx.printing;
}

/** Queue a job (staff checked in the same transaction), start printing it, and say where it stands. */
function queue(ctx: HandlerContext, staffId: string, ref: ReceiptRef | null): PrintJob {
  const printing = printingFor(ctx);
  const jobId = inTransaction(ctx.ledger, () => {
    requireStaff(ctx.ledger, staffId);
    if (ref) requireReceiptSource(ctx.ledger, ref);
    return queuePrintJob(ctx.ledger, { purpose: ref ? 'receipt' : 'test', ref, staffId });
  });
  printing.spooler.wake();
  return getPrintJob(ctx.ledger, jobId);
}

function pdfFile(fileName: string, bytes: Buffer): FileDownload {
  return { fileName, mimeType: 'application/pdf', base64: bytes.toString('base64') };
}

/** "20261123-0042.pdf": what a member sees as the attachment's name; no characters a file system refuses. */
const safeName = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '_');

export const printHandlers: { [M in PrintMethod]: Handler<M> } = {
  'receipts.get': ({ ledger }, input) => loadReceipt(ledger, refOf(input)),
  'receipts.statement': ({ ledger }, input) => memberStatement(ledger, input),
  'print.receipt': (ctx, input) => queue(ctx, input.staffId, refOf(input)),
  'print.test': (ctx, input) => queue(ctx, input.staffId, null),
  'print.job': (ctx, input) => (ctx.printing ? ctx.printing.spooler.waitFor(input.jobId, input.waitMs) : getPrintJob(ctx.ledger, input.jobId)),
  'print.check': (ctx) => checkPrinter(getSettings(ctx.ledger).printing, ctx.printing?.systemPrinter ?? null),
  'print.preview': ({ ledger }, input) => {
    const receipt = loadReceipt(ledger, refOf(input));
    const { paperWidth } = getSettings(ledger).printing;
    return { svg: receiptSvg(receipt, { paperWidth: paperWidthOf(paperWidth) }), html: receiptHtml(receipt, { paperWidth }) };
  },
  'print.systemPrinters': async (ctx) => (ctx.printing?.systemPrinter ? ctx.printing.systemPrinter.list() : []),
  'print.logo': ({ ledger }) => ({ logoPng: receiptLogo(ledger) }),
  'print.setLogo': ({ ledger }, input) => setReceiptLogo(ledger, input.png),
  'pdf.bill': async ({ ledger }, input) => {
    const receipt = loadReceipt(ledger, refOf(input));
    return pdfFile(`${safeName(receipt.number)}.pdf`, await billPdf(receipt));
  },
  'pdf.statement': async ({ ledger }, input) => {
    const statement = memberStatement(ledger, input);
    return pdfFile(`${safeName(`${statement.member.code}_${statement.from}_${statement.to}`)}.pdf`, await statementPdf(statement));
  },
};
