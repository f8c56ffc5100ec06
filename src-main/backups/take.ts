/**
 * Taking a backup. `takeBackup` uses SQLite's online backup API (better-sqlite3's `backup`): it copies a
 * few pages per step and yields between steps, so the till keeps committing while it runs; a commit made
 * meanwhile through the same connection (the app has one) is carried into the copy by SQLite itself, so
 * the copy is the file as it stands when the last step ends. `snapshotNow` is the synchronous variant
 * (VACUUM INTO) a restore uses, so nothing can commit between the copy and the swap.
 *
 * Either way the copy is written under a hidden `.partial` name, switched to a single self-contained file
 * (rollback journal, no -wal beside it), checked (integrity_check, figures), given its sidecar, and only
 * then renamed to its real name: a half-written or damaged copy never looks like a backup.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fail, LedgerError } from '../ledger/errors.ts';
import { errorDetail } from './check.ts';
import { readFacts } from './facts.ts';
import { ensureUsableFolder, isFolderError } from './folder.ts';
import { backupName, partialName, type NamedKind } from './names.ts';
import { sha256File, sidecarPath, writeSidecarFile } from './sidecar.ts';
import type { BackupEntry } from './types.ts';

export interface BackupTarget {
  folder: string;
  kind: NamedKind;
  /** When it is taken (its name is this time on the shop's clock). */
  now: Date;
  appVersion: string;
}

export interface StepOptions {
  /** Pages copied per step (default 100, i.e. 400 KB between chances for the till to commit). */
  pagesPerStep?: number;
  onProgress?: (donePages: number, totalPages: number) => void;
  /** Asked between steps: true abandons the copy (the app is closing). */
  cancelled?: () => boolean;
}

const DEFAULT_PAGES_PER_STEP = 100;

class Cancelled extends Error {}

/** A name not yet used in the folder: the second's stamp, then -2, -3… */
function freeName(folder: string, kind: NamedKind, now: Date): string {
  for (let n = 1; ; n++) {
    const name = backupName(kind, now, n);
    if (!fs.existsSync(path.join(folder, name)) && !fs.existsSync(sidecarPath(path.join(folder, name)))) return name;
  }
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

/** Check the copy written at `partial`, give it its sidecar and its real name. */
function finish(partial: string, target: BackupTarget, name: string): BackupEntry {
  const copy = new Database(partial, { fileMustExist: true });
  let facts;
  try {
    // One self-contained file: a backup is copied around (USB sticks), a -wal beside it would be lost.
    copy.pragma('journal_mode = DELETE');
    const lines = copy.pragma('integrity_check(1)') as Array<{ integrity_check: string }>;
    if (lines.length !== 1 || lines[0]!.integrity_check !== 'ok') fail('BACKUP_COPY_FAILED', { detail: lines[0]?.integrity_check ?? 'integrity_check' });
    facts = readFacts(copy);
  } finally {
    copy.close();
  }
  const file = path.join(target.folder, name);
  const sizeBytes = fs.statSync(partial).size;
  const partialSidecar = `${partial}.json`;
  writeSidecarFile(partialSidecar, { format: 1, kind: target.kind, takenAt: target.now.toISOString(), appVersion: target.appVersion, sha256: sha256File(partial), sizeBytes, facts });
  // The sidecar first: the backup's own name appearing is what makes it a backup.
  fs.renameSync(partialSidecar, sidecarPath(file));
  fs.renameSync(partial, file);
  return { file, name, kind: target.kind, takenAt: target.now.toISOString(), sizeBytes, facts };
}

function failure(error: unknown, folder: string): LedgerError {
  if (error instanceof LedgerError) return error;
  if (error instanceof Cancelled) return new LedgerError('BACKUP_COPY_FAILED', { detail: 'cancelled' });
  if (isFolderError(error)) return new LedgerError('BACKUP_FOLDER_UNUSABLE', { folder });
  return new LedgerError('BACKUP_COPY_FAILED', { detail: errorDetail(error).slice(0, 200) });
}

/** An online backup of the open data file into `target.folder`, step by step while the till works. */
export async function takeBackup(sqlite: Database.Database, target: BackupTarget, steps: StepOptions = {}): Promise<BackupEntry> {
  ensureUsableFolder(target.folder);
  const name = freeName(target.folder, target.kind, target.now);
  const partial = path.join(target.folder, partialName(name, randomBytes(4).toString('hex')));
  const pages = steps.pagesPerStep ?? DEFAULT_PAGES_PER_STEP;
  try {
    await sqlite.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        if (steps.cancelled?.()) throw new Cancelled();
        steps.onProgress?.(totalPages - remainingPages, totalPages);
        return pages;
      },
    });
    return finish(partial, target, name);
  } catch (error) {
    removeQuietly(partial);
    fs.rmSync(`${partial}.json`, { force: true });
    throw failure(error, target.folder);
  }
}

/** The same, at once (VACUUM INTO): nothing else runs until it is done. */
export function snapshotNow(sqlite: Database.Database, target: BackupTarget): BackupEntry {
  ensureUsableFolder(target.folder);
  const name = freeName(target.folder, target.kind, target.now);
  const partial = path.join(target.folder, partialName(name, randomBytes(4).toString('hex')));
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    return finish(partial, target, name);
  } catch (error) {
    removeQuietly(partial);
    fs.rmSync(`${partial}.json`, { force: true });
    throw failure(error, target.folder);
  }
}
