/**
 * The swap at the heart of a restore, synchronous from start to end so that nothing can commit in the
 * middle: a copy of the data as it stands (kept, `-pre-restore`), the connection closed, the backup
 * copied over the data file (stale -wal/-shm removed, so SQLite cannot replay the old file's log into
 * the new one), and the file opened again with openLedger (which upgrades an older backup). The new
 * connection goes into the same Ledger object every part of the app holds, so handlers, the SMS sender
 * and the print spooler all use the restored data without being told. If the restored file cannot be
 * opened, the pre-restore copy goes back in its place.
 */
import fs from 'node:fs';
import { closeLedger, openLedger, type Ledger } from '../ledger/db.ts';
import { LedgerError } from '../ledger/errors.ts';
import { errorDetail } from './check.ts';
import { snapshotNow, type BackupTarget } from './take.ts';
import type { BackupEntry } from './types.ts';

export interface SwapOptions {
  /** The Ledger object the app shares; its connection is replaced in place. */
  ledger: Ledger;
  dataFile: string;
  /** The backup to restore (already previewed: whole, not newer). */
  source: string;
  migrationsFolder: string;
  /** Where and how the copy of the current data is kept. */
  preRestore: Omit<BackupTarget, 'kind'>;
}

/** Copy `source` over the (closed) data file: beside it first, flushed, then renamed into place. */
function placeDataFile(source: string, dataFile: string): void {
  const incoming = `${dataFile}.restoring`;
  fs.copyFileSync(source, incoming);
  const fd = fs.openSync(incoming, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const stale of [`${dataFile}-wal`, `${dataFile}-shm`, `${dataFile}-journal`]) fs.rmSync(stale, { force: true });
  fs.renameSync(incoming, dataFile);
}

function reopenInPlace(ledger: Ledger, dataFile: string, migrationsFolder: string): void {
  const fresh = openLedger(dataFile, { migrationsFolder, clock: ledger.clock });
  ledger.db = fresh.db;
  ledger.sqlite = fresh.sqlite;
  ledger.tillId = fresh.tillId;
}

export function swapDataFile(options: SwapOptions): BackupEntry {
  const { ledger, dataFile, migrationsFolder } = options;
  const preRestore = snapshotNow(ledger.sqlite, { ...options.preRestore, kind: 'pre-restore' });
  closeLedger(ledger);
  try {
    placeDataFile(options.source, dataFile);
    reopenInPlace(ledger, dataFile, migrationsFolder);
  } catch (error) {
    // Put the data back as it was; if even that fails, the pre-restore copy is still in the folder.
    placeDataFile(preRestore.file, dataFile);
    reopenInPlace(ledger, dataFile, migrationsFolder);
    throw new LedgerError('RESTORE_FAILED', { detail: errorDetail(error).slice(0, 200) });
  }
  return preRestore;
}
