/** What every handler gets from the running app besides its input. */
import type { BackupService } from '../backups/service.ts';
import type { Ledger } from '../ledger/db.ts';
import type { PrintSpooler } from '../print/spooler.ts';
import type { Role } from '../staff/permissions.ts';
import type { TillSession } from '../staff/session.ts';
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
  /** What handlers use of the spooler (dispatch holds back `wake` until an audited call has committed). */
  spooler: Pick<PrintSpooler, 'wake' | 'waitFor'>;
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
  /**
   * Who is signed in at this till (the shells' dispatch: Electron IPC and the loopback bridge). With a
   * session, dispatch checks every call against src-main/staff/permissions.ts; without one (tests, the
   * demo, in-process callers) the caller is trusted and nothing is checked.
   */
  session?: TillSession;
  /** Set by dispatch for each call: who acts, and whose PIN approved it. Handlers that audit themselves read it. */
  actor?: Actor;
  /** Backups, restore and the integrity check of the running app (absent in some tests: one is made per ledger). */
  backups?: BackupService;
}

export interface Actor {
  /** The signed-in person; for a trusted caller, the input's `staffId` if any. */
  staffId: string | null;
  /** The higher of the signed-in person's role and the approver's (a trusted caller: owner). */
  role: Role;
  approvedByStaffId: string | null;
}
