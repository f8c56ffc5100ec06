/** What a caller may ask of the reports, as zod schemas (plain zod, no Node imports: the screens share them). */
import { z } from 'zod';
import { id } from '../ledger/commands.ts';
import { LOCALES } from '../ledger/settings-schema.ts';
import { EXPORT_FORMATS, GROUP_BYS } from './types.ts';

/** A business day that exists on the calendar (2026-02-30 is refused, not rolled over). */
export const reportDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'not a calendar day');

/** Inclusive business days; that `from` is not after `to` and the span is checked by the reports (REPORT_RANGE_*). */
const range = { from: reportDate, to: reportDate };

export const groupedRange = z.object({ ...range, groupBy: z.enum(GROUP_BYS).default('day') });
/** Without `asOf`: the end of today at the shop. */
export const liabilityQuery = z.object({ asOf: reportDate.optional() });
export const topMembersQuery = z.object({ ...range, limit: z.number().int().min(1).max(500).default(20) });
export const memberReportQuery = z.object({ ...range, memberId: id });

/** Any report, as a CSV or XLSX file; `locale` words the file (default: the shop's). */
const fileOptions = { format: z.enum(EXPORT_FORMATS), locale: z.enum(LOCALES).optional() };
export const reportExport = z.discriminatedUnion('report', [
  groupedRange.extend({ report: z.literal('sales'), ...fileOptions }),
  groupedRange.extend({ report: z.literal('topups'), ...fileOptions }),
  groupedRange.extend({ report: z.literal('customers'), ...fileOptions }),
  liabilityQuery.extend({ report: z.literal('liability'), ...fileOptions }),
  topMembersQuery.extend({ report: z.literal('topMembers'), ...fileOptions }),
  memberReportQuery.extend({ report: z.literal('member'), ...fileOptions }),
]);

export type GroupedRangeInput = z.input<typeof groupedRange>;
export type ReportExportInput = z.input<typeof reportExport>;
