/** The handlers of the reports methods (report-contract.ts). */
import type { Handlers } from './handlers.ts';
import type { reportMethods } from './report-contract.ts';

type ReportMethod = keyof typeof reportMethods;

export const reportHandlers: Pick<Handlers, ReportMethod> = {};
