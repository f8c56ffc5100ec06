/**
 * Any report as a file to save: the report computed exactly as the screen shows it, laid out as
 * sheets (tables.ts) in the reader's language (the shop's unless asked), written as CSV or XLSX.
 */
import type { z } from 'zod';
import type { Ledger } from '../ledger/db.ts';
import { getSettings } from '../ledger/settings.ts';
import type { FileDownload } from '../print/types.ts';
import * as cmd from './commands.ts';
import { csvFile } from './csv-file.ts';
import { customersReport } from './customers.ts';
import { reportLabels } from './labels.ts';
import { liabilityReport } from './liability.ts';
import { memberReport } from './member-report.ts';
import { salesReport } from './sales.ts';
import * as tables from './tables.ts';
import { topMembersReport } from './top-members.ts';
import { topupsReport } from './topups.ts';
import { xlsxFile } from './xlsx-file.ts';

type ExportRequest = z.output<typeof cmd.reportExport>;

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The sheets of the asked report; the period part of the file name. */
function sheetsOf(ledger: Ledger, request: ExportRequest, context: tables.SheetContext): { sheets: tables.ReportSheet[]; period: string } {
  switch (request.report) {
    case 'sales':
      return { sheets: tables.salesSheets(salesReport(ledger, request), context), period: `${request.from}_${request.to}` };
    case 'topups':
      return { sheets: tables.topupsSheets(topupsReport(ledger, request), context), period: `${request.from}_${request.to}` };
    case 'customers':
      return { sheets: tables.customersSheets(customersReport(ledger, request), context), period: `${request.from}_${request.to}` };
    case 'liability': {
      const report = liabilityReport(ledger, request.asOf ? { asOf: request.asOf } : {});
      return { sheets: tables.liabilitySheets(report, context), period: report.asOf };
    }
    case 'topMembers':
      return { sheets: tables.topMembersSheets(topMembersReport(ledger, request), context), period: `${request.from}_${request.to}` };
    case 'member': {
      const report = memberReport(ledger, request);
      return { sheets: tables.memberSheets(report, context), period: `${report.member.code}_${request.from}_${request.to}` };
    }
  }
}

/** "销售报表_2026-11-01_2026-11-30.xlsx": no characters a file system refuses. */
const safeFileName = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '_');

export async function exportReport(ledger: Ledger, input: z.input<typeof cmd.reportExport>): Promise<FileDownload> {
  const request = cmd.reportExport.parse(input);
  const settings = getSettings(ledger);
  const context: tables.SheetContext = { locale: request.locale ?? settings.locale, currency: settings.currency };
  const { sheets, period } = sheetsOf(ledger, request, context);
  const bytes = request.format === 'csv' ? csvFile(sheets, context.currency) : await xlsxFile(sheets, context.currency, ledger.clock());
  return {
    fileName: safeFileName(`${reportLabels(context.locale).titles[request.report]}_${period}.${request.format}`),
    mimeType: MIME[request.format],
    base64: bytes.toString('base64'),
  };
}
