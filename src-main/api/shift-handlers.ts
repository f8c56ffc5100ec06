/** The handlers of the shifts methods (shift-contract.ts). */
import { getPrintJob } from '../print/jobs.ts';
import { queueShiftReport } from '../shifts/print.ts';
import { closeShift, currentShift, listShifts, openShift, shiftReport } from '../shifts/shifts.ts';
import type { Handlers } from './handlers.ts';
import { printingFor } from './print-handlers.ts';
import type { shiftMethods } from './shift-contract.ts';

type ShiftMethod = keyof typeof shiftMethods;

export const shiftHandlers: Pick<Handlers, ShiftMethod> = {
  'shifts.current': ({ ledger }) => currentShift(ledger),
  'shifts.open': ({ ledger }, input) => openShift(ledger, input),
  'shifts.close': ({ ledger }, input) => closeShift(ledger, input),
  'shifts.report': ({ ledger }, input) => shiftReport(ledger, input.shiftId),
  'shifts.list': ({ ledger }, input) => listShifts(ledger, input),
  'shifts.print': (ctx, input) => {
    // Refused before anything is written when this till has no printer it can reach.
    const printing = printingFor(ctx);
    const jobId = queueShiftReport(ctx.ledger, input.shiftId, input.staffId);
    printing.spooler.wake();
    return getPrintJob(ctx.ledger, jobId);
  },
};
