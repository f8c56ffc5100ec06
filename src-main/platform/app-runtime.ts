/**
 * Start the main-process core, the same for Electron and for `npm run serve`: lock the data file,
 * open (and migrate) the ledger, and build the API dispatcher. The shells only add their transport.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDispatch, type Dispatch, type DispatchOptions } from '../api/dispatch.ts';
import type { AppInfo } from '../api/contract.ts';
import { closeLedger, DB_FILE_NAME, openLedger, type Clock, type Ledger } from '../ledger/db.ts';
import type { SystemPrinter } from '../print/system-printer.ts';
import { keyFileSecretBox, type SecretBox } from '../sms/secrets.ts';
import { TillSession } from '../staff/session.ts';
import { BackupService } from '../backups/service.ts';
import { startBackground, type Background, type BackgroundOptions } from './background.ts';
import { acquireInstanceLock } from './instance-lock.ts';

/** Beside the data file, never inside it: a copy of the data file alone does not reveal provider secrets. */
export const SECRET_KEY_FILE = 'regulars.key';

export interface RuntimeOptions {
  dataDir: string;
  migrationsFolder: string;
  version: string;
  shell: AppInfo['shell'];
  clock?: Clock;
  logError?: DispatchOptions['logError'];
  /** Electron passes one backed by safeStorage; otherwise a key file beside the data file. */
  secretBox?: SecretBox;
  /** Tests: a shorter SMS timeout. */
  smsTimeoutMs?: number;
  /** Electron passes the system's printers; `npm run serve` has none (the browser prints itself). */
  systemPrinter?: SystemPrinter | null;
  /** Tests: a shorter network printer timeout. */
  printerTimeoutMs?: number;
  /** Electron passes its folder chooser (backups); a browser types the path. */
  pickFolder?: (() => Promise<string | null>) | null;
}

export interface Runtime {
  ledger: Ledger;
  /** For trusted in-process callers only (the demo phone and printer, tests): no sign-in, no permission checks. */
  dispatch: Dispatch;
  /**
   * What the shells expose to the page (Electron IPC, the loopback bridge): every call is checked against
   * the person signed in at this till (`session`) and the permissions.
   */
  tillDispatch: Dispatch;
  session: TillSession;
  dataFile: string;
  background: Background;
  backups: BackupService;
  /** Stops the background work (an SMS in flight is sent again at the next start) and closes the file. */
  close: () => Promise<void>;
}

export function startRuntime(options: RuntimeOptions): Runtime {
  const dataFile = path.join(options.dataDir, DB_FILE_NAME);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const release = acquireInstanceLock(dataFile);
  let ledger: Ledger;
  try {
    ledger = openLedger(dataFile, { migrationsFolder: options.migrationsFolder, ...(options.clock ? { clock: options.clock } : {}) });
  } catch (error) {
    release();
    throw error;
  }
  const secretBox = options.secretBox ?? keyFileSecretBox(path.join(options.dataDir, SECRET_KEY_FILE));
  const backgroundOptions: BackgroundOptions = {
    ledger,
    secretBox,
    dailyBackup: () => backups.runDaily(),
    ...(options.logError ? { logError: (error: unknown) => options.logError!('background', error) } : {}),
    ...(options.smsTimeoutMs ? { smsTimeoutMs: options.smsTimeoutMs } : {}),
    ...(options.printerTimeoutMs ? { printerTimeoutMs: options.printerTimeoutMs } : {}),
    systemPrinter: options.systemPrinter ?? null,
  };
  let background = startBackground(backgroundOptions);
  // A restore swaps the data file under the running app: the background work stops for the swap and
  // starts again on the restored file (restore.ts gives the Ledger object everyone holds the new connection).
  const backups = new BackupService({
    ledger,
    dataFile,
    migrationsFolder: options.migrationsFolder,
    appVersion: options.version,
    pickFolder: options.pickFolder ?? null,
    pauseBackground: async (swap) => {
      await background.stop();
      try {
        return swap();
      } finally {
        background = startBackground(backgroundOptions);
        handlerContext.printing.spooler = background.spooler;
      }
    },
    ...(options.logError ? { logError: (error: unknown) => options.logError!('backups', error) } : {}),
  });
  const handlerContext = {
    ledger,
    version: options.version,
    dataFile,
    shell: options.shell,
    messaging: { secretBox, wake: () => background.sender.wake() },
    printing: { spooler: background.spooler, systemPrinter: options.systemPrinter ?? null },
    ...(options.logError ? { logError: (error: unknown) => options.logError!('receipt', error) } : {}),
    backups,
  };
  const dispatchOptions = options.logError ? { logError: options.logError } : {};
  const dispatch = createDispatch(handlerContext, dispatchOptions);
  // One person at a time at a till: the session lives here, so a reload of the page keeps it.
  const session = new TillSession();
  const tillDispatch = createDispatch({ ...handlerContext, session }, dispatchOptions);
  return {
    ledger,
    dispatch,
    tillDispatch,
    session,
    dataFile,
    get background() {
      return background;
    },
    backups,
    close: async () => {
      await backups.stop();
      await background.stop();
      closeLedger(ledger);
      release();
    },
  };
}
