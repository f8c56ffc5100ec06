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
import { startBackground, type Background } from './background.ts';
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
}

export interface Runtime {
  ledger: Ledger;
  dispatch: Dispatch;
  dataFile: string;
  background: Background;
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
  const background = startBackground({
    ledger,
    secretBox,
    ...(options.logError ? { logError: (error: unknown) => options.logError!('background', error) } : {}),
    ...(options.smsTimeoutMs ? { smsTimeoutMs: options.smsTimeoutMs } : {}),
    ...(options.printerTimeoutMs ? { printerTimeoutMs: options.printerTimeoutMs } : {}),
    systemPrinter: options.systemPrinter ?? null,
  });
  const dispatch = createDispatch(
    {
      ledger,
      version: options.version,
      dataFile,
      shell: options.shell,
      messaging: { secretBox, wake: () => background.sender.wake() },
      printing: { spooler: background.spooler, systemPrinter: options.systemPrinter ?? null },
      ...(options.logError ? { logError: (error: unknown) => options.logError!('receipt', error) } : {}),
    },
    options.logError ? { logError: options.logError } : {},
  );
  return {
    ledger,
    dispatch,
    dataFile,
    background,
    close: async () => {
      await background.stop();
      closeLedger(ledger);
      release();
    },
  };
}
