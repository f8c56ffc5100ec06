/** The API methods of the back office's shifts: spread into the one contract (contract.ts). */
import * as cmd from '../ledger/commands.ts';
import type { PrintJob } from '../print/types.ts';
import * as shiftCmd from '../shifts/commands.ts';
import type { Shift, ShiftReport, ShiftResult } from '../shifts/types.ts';
import { method } from './method.ts';

export const shiftMethods = {
  /** The open shift on this till with its running figures, or null. */
  'shifts.current': method<ShiftReport | null>()(cmd.empty),
  'shifts.open': method<ShiftResult>()(shiftCmd.shiftOpen),
  /** Counted cash as a total or note by note; the Z report is frozen with the close. */
  'shifts.close': method<ShiftResult>()(shiftCmd.shiftClose),
  'shifts.report': method<ShiftReport>()(shiftCmd.shiftRef),
  /** Shifts opened on these business days, newest first. */
  'shifts.list': method<Shift[]>()(shiftCmd.shiftList),
  /** The Z report on this till's receipt printer, through the print queue (refused when no printer is set). */
  'shifts.print': method<PrintJob>()(shiftCmd.shiftPrint),
} as const;
