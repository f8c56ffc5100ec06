/**
 * What the backups API answers: backup files and what is known about them, a restore's preview and
 * result, and the integrity check's findings. Plain types (no Node imports): the screen reads them too.
 */
import type { ErrorCode } from '../ledger/errors.ts';

/**
 * Who made a backup: the owner (manual), the daily job (auto, rotated), a restore (the data as it was
 * just before it), or the app before a schema upgrade (ledger/db.ts). Only `auto` files are ever removed.
 */
export const BACKUP_KINDS = ['manual', 'auto', 'pre-restore', 'pre-migration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** Quick figures of a data file, enough to recognise it. */
export interface BackupFacts {
  memberCount: number;
  billCount: number;
  /** The newest bill's time (ISO), null without bills. */
  lastBillAt: string | null;
  /** How many of the app's migrations the file has. */
  schemaVersion: number;
}

export interface BackupEntry {
  /** Absolute path: what preview, check and restore take. */
  file: string;
  name: string;
  kind: BackupKind;
  /** When it was taken (ISO): from its name, else the file's time. */
  takenAt: string;
  sizeBytes: number;
  /** From the file's sidecar (written with the backup); null for a file without one. */
  facts: BackupFacts | null;
}

/** A backup or restore under way, for the screen's progress bar. */
export interface BackupProgress {
  kind: 'manual' | 'auto' | 'restore';
  startedAt: string;
  /** Pages copied so far of all pages (0 of 0 until the first step has counted them). */
  donePages: number;
  totalPages: number;
}

/** How the last automatic backup went (since the app started). */
export type AutoBackupOutcome = { ok: true; at: string; file: string } | { ok: false; at: string; code: ErrorCode };

export interface BackupList {
  /** The folder backups go to now (the setting, or the default). */
  folder: string;
  /** <data dir>/backups: where backups go when no folder is chosen, and where pre-migration copies go. */
  defaultFolder: string;
  /** Why backups cannot go to the folder now, if they cannot. */
  folderProblem: ErrorCode | null;
  /** The desktop app can open a folder chooser; a browser types the path. */
  canPickFolder: boolean;
  running: BackupProgress | null;
  lastAuto: AutoBackupOutcome | null;
  /** Newest first: the backups in the folder, and in the default folder when another is chosen. */
  entries: BackupEntry[];
}

/** A data file's schema against this app's migrations: the same, older (migrated on restore), or newer (refused). */
export type SchemaStatus = 'same' | 'older' | 'newer';

export interface BackupPreview {
  file: string;
  name: string;
  kind: BackupKind | null;
  sizeBytes: number;
  /** When it was taken (from the sidecar or the name), else the file's modification time. */
  takenAt: string;
  /** Null when the file could not be read as a Regulars data file. */
  facts: BackupFacts | null;
  appSchemaVersion: number;
  schema: SchemaStatus | null;
  /** SQLite's integrity check passed (and the file is unchanged since the backup, when its checksum is known). */
  integrityOk: boolean;
  /** Why it cannot be restored (null: it can). */
  problem: Extract<ErrorCode, 'BACKUP_CORRUPT' | 'BACKUP_NOT_REGULARS' | 'BACKUP_NEWER_SCHEMA'> | null;
}

/** The ledger rules of ledger/invariants.ts, named so the screen can word them. */
export const INVARIANT_RULES = [
  'memberBalance',
  'memberPoints',
  'nothingNegative',
  'runningBalances',
  'billPayments',
  'billLines',
  'refundLines',
  'refundPayments',
  'refundBills',
  'billStoredValue',
  'billPoints',
  'topups',
  'topupRefunds',
  'memberTotals',
  'memberVisitDays',
  'memberFigures',
  'importOpenings',
  'importVisits',
  'importBatches',
  'other',
] as const;
export type InvariantRule = (typeof INVARIANT_RULES)[number];

/** One finding of the integrity check. */
export type IntegrityProblem =
  /** The file could not be opened or read through (SQLite's own words). */
  | { kind: 'unreadable'; detail: string }
  /** The file opens, but is not a Regulars data file. */
  | { kind: 'notRegulars' }
  /** The file differs from the checksum written when the backup was taken. */
  | { kind: 'checksum' }
  /** A line of SQLite's PRAGMA integrity_check (its own words). */
  | { kind: 'sqlite'; detail: string }
  /** A row pointing at a row that is not there (PRAGMA foreign_key_check). */
  | { kind: 'foreignKey'; table: string; rowid: number | null; parent: string }
  /** A ledger rule broken by some rows (up to 5 of them, by id). */
  | { kind: 'invariant'; rule: InvariantRule; ruleText: string; examples: string[] };

export interface IntegrityReport {
  /** The live data file, or a backup file. */
  target: 'live' | 'file';
  file: string;
  checkedAt: string;
  ok: boolean;
  problems: IntegrityProblem[];
  /** More problems were found than are listed. */
  truncated: boolean;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The data as it was just before the restore, kept in the backup folder. */
  preRestore: BackupEntry;
  /** The restored data, as now open. */
  facts: BackupFacts;
  /** The backup was made by an older version and was upgraded as it was opened. */
  migrated: boolean;
}
