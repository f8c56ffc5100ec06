/**
 * Opening the data file: pragmas that make "paid" on screen mean "on disk", migrations (with a copy of
 * the file set aside first), and the rows every shop starts with.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';
import { ensureMemberFigures } from './member-figures.ts';
import { seedDefaults } from './seed.ts';
import { getSettings } from './settings.ts';

export type Db = BetterSQLite3Database<typeof schema>;

export type Clock = () => Date;

/** Everything a use case needs: the database, which till is writing, and what time it is. */
export interface Ledger {
  db: Db;
  sqlite: Database.Database;
  tillId: string;
  clock: Clock;
}

export interface OpenOptions {
  /** Folder of the drizzle migrations (migrations/ in the repo, resources/migrations when packaged). */
  migrationsFolder: string;
  clock?: Clock;
  /** Where the pre-migration copy goes; defaults to <data dir>/backups. */
  backupDir?: string;
}

export const DB_FILE_NAME = 'regulars.sqlite';

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is fsynced before better-sqlite3 returns, so a bill shown as paid survives power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 32 MiB of page cache instead of SQLite's 2 MiB: the member indexes and the recent bills of a
  // 100,000-member shop stay in memory (measured by npm run bench, scale suite; the main process stays
  // well under its 300 MB budget).
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

const PAGE_CACHE_KIB = 32 * 1024;

interface JournalEntry {
  tag: string;
  when: number;
}

function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return journal.entries;
  const last = sqlite.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null };
  return journal.entries.filter((e) => last.at === null || e.when > last.at);
}

/** Copy the live file aside (online backup API, consistent even in WAL mode) before changing its schema. */
function backupBeforeMigration(sqlite: Database.Database, backupDir: string, now: Date): string {
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(backupDir, `pre-migration-${stamp}.sqlite`);
  sqlite.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
  return target;
}

export function openLedger(file: string, options: OpenOptions): Ledger {
  const clock = options.clock ?? (() => new Date());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    applyPragmas(sqlite);
    const pending = pendingMigrations(sqlite, options.migrationsFolder);
    const hasData = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'members'").get();
    if (pending.length > 0 && hasData && file !== ':memory:') {
      backupBeforeMigration(sqlite, options.backupDir ?? path.join(path.dirname(file), 'backups'), clock());
    }
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: options.migrationsFolder });
    const tillId = seedDefaults(db, clock);
    ensureMemberFigures({ db, sqlite }, getSettings({ db }).retention);
    refreshStatistics(sqlite, 0x10002);
    return { db, sqlite, tillId, clock };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * The planner's statistics, kept fresh the way SQLite advises (PRAGMA optimize at open for a long-lived
 * connection and at close), with a bounded sample so a large file does not delay either. Without them
 * SQLite guesses, and picked a partial phone index to read every member (twice as slow at 100,000).
 */
function refreshStatistics(sqlite: Database.Database, mask: number): void {
  sqlite.pragma('analysis_limit = 400');
  sqlite.pragma(`optimize = ${mask}`);
}

export function closeLedger(ledger: Ledger): void {
  if (!ledger.sqlite.open) return;
  try {
    refreshStatistics(ledger.sqlite, 0xfffe);
  } finally {
    ledger.sqlite.close();
  }
}
