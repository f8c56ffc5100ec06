/**
 * The few figures that tell one data file from another (members, bills, the last bill) and its schema
 * against this app's migrations: the same, older (upgraded when restored), or newer (refused, since this
 * app would not understand it).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupFacts, SchemaStatus } from './types.ts';

interface JournalEntry {
  when: number;
}

export interface AppSchema {
  version: number;
  lastWhen: number;
}

/** This app's schema: how many migrations it ships and when the last was made (drizzle's journal). */
export function appSchema(migrationsFolder: string): AppSchema {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return { version: journal.entries.length, lastWhen: Math.max(0, ...journal.entries.map((e) => e.when)) };
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
}

/** Whether the file has the tables every Regulars data file has. */
export function isRegularsFile(sqlite: Database.Database): boolean {
  return ['members', 'bills', '__drizzle_migrations'].every((name) => hasTable(sqlite, name));
}

export function readFacts(sqlite: Database.Database): BackupFacts {
  const row = sqlite
    .prepare('select (select count(*) from members) members, (select count(*) from bills) bills, (select max(created_at) from bills) last, (select count(*) from __drizzle_migrations) version')
    .get() as { members: number; bills: number; last: string | null; version: number };
  return { memberCount: row.members, billCount: row.bills, lastBillAt: row.last, schemaVersion: row.version };
}

/** The file's migrations against the app's, compared the way ledger/db.ts decides what is pending. */
export function schemaStatus(sqlite: Database.Database, app: AppSchema): SchemaStatus {
  const row = sqlite.prepare('select count(*) n, max(created_at) last from __drizzle_migrations').get() as { n: number; last: number | null };
  if ((row.last ?? 0) > app.lastWhen || row.n > app.version) return 'newer';
  if ((row.last ?? 0) < app.lastWhen) return 'older';
  return 'same';
}
