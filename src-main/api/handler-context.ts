/** What every handler gets from the running app besides its input. */
import type { Ledger } from '../ledger/db.ts';
import type { PrintSpooler } from '../print/spooler.ts';
import type { SystemPrinter } from '../print/system-printer.ts';
import type { SecretBox } from '../sms/secrets.ts';
import type { AppInfo } from './contract.ts';

/** What the SMS side needs from the running app: where secrets are kept, and a nudge for the sender. */
export interface MessagingContext {
  secretBox: SecretBox;
  /** Messages were just written: deliver them now rather than at the sender's next tick. */
  wake: () => void;
}

/** This till's printing: the spooler that prints queued jobs, and the system's printers when the shell has them. */
export interface PrintingContext {
  spooler: PrintSpooler;
  systemPrinter: SystemPrinter | null;
}

export interface HandlerContext {
  ledger: Ledger;
  version: string;
  dataFile: string;
  shell: AppInfo['shell'];
  /** Absent where no sender runs (some tests): provider settings are then refused. */
  messaging?: MessagingContext;
  /** Absent where no spooler runs (some tests): printing is then refused, receipts still render. */
  printing?: PrintingContext;
  /** Where a failure that must not fail the request goes (a receipt that could not be queued). */
  logError?: (error: unknown) => void;
}
