/**
 * The demo shop file: `npm run demo` writes it, `npm run serve -- --demo` creates it on first use.
 * It is generated into a temporary file beside the target and renamed into place only when complete
 * and checked, so a crash or Ctrl-C never leaves a half-written demo behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeLedger, DB_FILE_NAME, openLedger } from '../ledger/db.ts';
import { withIdSource } from '../ledger/ids.ts';
import { acquireInstanceLock } from '../platform/instance-lock.ts';
import { DEFAULT_DEMO_OPTIONS, demoIdSource, demoStartTime, generateDemoShop, type DemoOptions, type DemoSummary } from './generate.ts';

export { DEFAULT_DEMO_OPTIONS, generateDemoShop, type DemoOptions, type DemoSummary } from './generate.ts';

export interface WriteDemoResult {
  file: string;
  summary: DemoSummary;
  milliseconds: number;
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Generate the demo shop into `dataDir/regulars.sqlite`, replacing any file there. Holds the data
 * file's instance lock meanwhile, so a running Regulars on the same folder is never overwritten.
 */
export function writeDemoShop(dataDir: string, migrationsFolder: string, options: DemoOptions = DEFAULT_DEMO_OPTIONS): WriteDemoResult {
  return writeLocked(dataDir, migrationsFolder, options, true)!;
}

function writeLocked(dataDir: string, migrationsFolder: string, options: DemoOptions, replace: boolean): WriteDemoResult | null {
  const started = performance.now();
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE_NAME);
  const release = acquireInstanceLock(file);
  if (!replace && fs.existsSync(file)) {
    release();
    return null;
  }
  const temp = path.join(dataDir, `${DB_FILE_NAME}.${process.pid}.tmp`);
  try {
    // Leftovers of an earlier run that was killed (we hold the lock, so none is in progress).
    const stale = new RegExp(`^${DB_FILE_NAME.replace(/\./g, '\\.')}\\.\\d+\\.tmp(-wal|-shm|-journal)?$`);
    for (const name of fs.readdirSync(dataDir)) if (stale.test(name)) fs.rmSync(path.join(dataDir, name), { force: true });
    const start = demoStartTime(options).getTime();
    // The rows every file starts with (till, default tier, owner) get reproducible ids too.
    const ledger = withIdSource(demoIdSource(options.seed ^ 0x7111, () => start), () =>
      openLedger(temp, { migrationsFolder, clock: () => new Date(start), backupDir: path.join(dataDir, 'backups') }),
    );
    let summary: DemoSummary;
    try {
      summary = generateDemoShop(ledger, options);
      // One self-contained file: fold the WAL back in (the app turns WAL on again when it opens it).
      ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      ledger.sqlite.pragma('journal_mode = DELETE');
    } finally {
      closeLedger(ledger);
    }
    // A stale WAL beside the old file must not be replayed onto the new one.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    fs.renameSync(temp, file);
    return { file, summary, milliseconds: performance.now() - started };
  } catch (error) {
    removeDatabaseFiles(temp);
    throw error;
  } finally {
    release();
  }
}

/** Create the demo shop in `dataDir` unless a data file is already there. */
export function ensureDemoShop(dataDir: string, migrationsFolder: string): { created: boolean } {
  if (fs.existsSync(path.join(dataDir, DB_FILE_NAME))) return { created: false };
  return { created: writeLocked(dataDir, migrationsFolder, DEFAULT_DEMO_OPTIONS, false) !== null };
}
