/** The API methods of the back office's reports: spread into the one contract (contract.ts). */
import type { FileDownload } from '../print/types.ts';
import * as reportCmd from '../reports/commands.ts';
import type * as Rp from '../reports/types.ts';
import { method } from './method.ts';

export const reportMethods = {
  'reports.sales': method<Rp.SalesReport>()(reportCmd.groupedRange),
  'reports.topups': method<Rp.TopupsReport>()(reportCmd.groupedRange),
  'reports.liability': method<Rp.LiabilityReport>()(reportCmd.liabilityQuery),
  'reports.customers': method<Rp.CustomersReport>()(reportCmd.groupedRange),
  'reports.topMembers': method<Rp.TopMembersReport>()(reportCmd.topMembersQuery),
  'reports.member': method<Rp.MemberReport>()(reportCmd.memberReportQuery),
  'reports.export': method<FileDownload>()(reportCmd.reportExport),
} as const;
