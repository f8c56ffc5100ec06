/** The handlers of the reports methods (report-contract.ts): reads only, each one report function. */
import { customersReport } from '../reports/customers.ts';
import { exportReport } from '../reports/export.ts';
import { liabilityReport } from '../reports/liability.ts';
import { memberReport } from '../reports/member-report.ts';
import { salesReport } from '../reports/sales.ts';
import { topMembersReport } from '../reports/top-members.ts';
import { topupsReport } from '../reports/topups.ts';
import type { Handlers } from './handlers.ts';
import type { reportMethods } from './report-contract.ts';

type ReportMethod = keyof typeof reportMethods;

export const reportHandlers: Pick<Handlers, ReportMethod> = {
  'reports.sales': ({ ledger }, input) => salesReport(ledger, input),
  'reports.topups': ({ ledger }, input) => topupsReport(ledger, input),
  'reports.liability': ({ ledger }, input) => liabilityReport(ledger, input),
  'reports.customers': ({ ledger }, input) => customersReport(ledger, input),
  'reports.topMembers': ({ ledger }, input) => topMembersReport(ledger, input),
  'reports.member': ({ ledger }, input) => memberReport(ledger, input),
  'reports.export': ({ ledger }, input) => exportReport(ledger, input),
};
