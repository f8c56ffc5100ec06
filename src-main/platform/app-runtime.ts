/**
 * Start the main-process core, the same for Electron and for `npm run serve`: lock the data file,
 * open (and migrate) the ledger, and build the API dispatcher. The shells only add their transport.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDispatch, type Dispatch, type DispatchOptions } from '../api/dispatch.ts';
import type { AppInfo } from '../api/contract.ts';
import { closeLedger, DB_FILE_NAME, openLedger, type Clock, type Ledger } from '../ledger/db.ts';
import { acquireInstanceLock } from './instance-lock.ts';

export interface RuntimeOptions {
  dataDir: string;
  migrationsFolder: string;
  version: string;
  shell: AppInfo['shell'];
  clock?: Clock;
  logError?: DispatchOptions['logError'];
}

export interface Runtime {
  ledger: Ledger;
  dispatch: Dispatch;
  dataFile: string;
  close: () => void;
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
  const dispatch = createDispatch(
    { ledger, version: options.version, dataFile, shell: options.shell },
    options.logError ? { logError: options.logError } : {},
  );
  return {
    ledger,
    dispatch,
    dataFile,
    close: () => {
      closeLedger(ledger);
      release();
    },
  };
}
