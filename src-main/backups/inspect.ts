/**
 * Looking into a backup file without changing it: opened read-only, it answers its figures, its schema
 * against this app's, and whether it is whole (SQLite's integrity check, and the checksum its sidecar
 * recorded when it was taken). The preview a restore is confirmed from, and the reasons it is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fail } from '../ledger/errors.ts';
import { errorDetail, findProblems, type Findings } from './check.ts';
import { isRegularsFile, readFacts, schemaStatus, type AppSchema } from './facts.ts';
import { parseBackupName } from './names.ts';
import { readSidecar, sha256File } from './sidecar.ts';
import type { BackupPreview } from './types.ts';

/** The file's size and time; BACKUP_FILE_NOT_FOUND when there is no such file. */
export function statBackupFile(file: string): fs.Stats {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    // Falls through to the refusal below.
  }
  if (!stat?.isFile()) fail('BACKUP_FILE_NOT_FOUND', { file });
  return stat;
}

export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** Whether the file still has the checksum written when it was taken (true when it has no sidecar). */
function unchangedSinceTaken(file: string): boolean {
  const sidecar = readSidecar(file);
  return sidecar === null || sha256File(file) === sidecar.sha256;
}

export function previewBackup(file: string, app: AppSchema): BackupPreview {
  const stat = statBackupFile(file);
  const name = path.basename(file);
  const sidecar = readSidecar(file);
  const parsed = parseBackupName(name);
  const preview: BackupPreview = {
    file,
    name,
    kind: sidecar?.kind ?? parsed?.kind ?? null,
    sizeBytes: stat.size,
    takenAt: sidecar?.takenAt ?? parsed?.takenAt ?? stat.mtime.toISOString(),
    facts: null,
    appSchemaVersion: app.version,
    schema: null,
    integrityOk: false,
    problem: null,
  };
  let sqlite: Database.Database;
  try {
    sqlite = openReadOnly(file);
  } catch {
    return { ...preview, problem: 'BACKUP_NOT_REGULARS' };
  }
  try {
    const lines = sqlite.pragma('integrity_check(1)') as Array<{ integrity_check: string }>;
    const whole = lines.length === 1 && lines[0]!.integrity_check === 'ok';
    preview.integrityOk = whole && unchangedSinceTaken(file);
    if (!preview.integrityOk) return { ...preview, problem: 'BACKUP_CORRUPT' };
    if (!isRegularsFile(sqlite)) return { ...preview, problem: 'BACKUP_NOT_REGULARS' };
    preview.facts = readFacts(sqlite);
    preview.schema = schemaStatus(sqlite, app);
    return { ...preview, problem: preview.schema === 'newer' ? 'BACKUP_NEWER_SCHEMA' : null };
  } catch (error) {
    // "file is not a database" (not SQLite at all) versus a database SQLite cannot read through.
    const code = (error as { code?: unknown }).code;
    return { ...preview, integrityOk: false, problem: code === 'SQLITE_NOTADB' ? 'BACKUP_NOT_REGULARS' : 'BACKUP_CORRUPT' };
  } finally {
    sqlite.close();
  }
}

/** The full integrity check of a backup file: its checksum, then everything findProblems checks. */
export function checkBackupFile(file: string): Findings {
  statBackupFile(file);
  const checksum: Findings['problems'] = unchangedSinceTaken(file) ? [] : [{ kind: 'checksum' }];
  let sqlite: Database.Database;
  try {
    sqlite = openReadOnly(file);
  } catch (error) {
    return { problems: [...checksum, { kind: 'unreadable', detail: errorDetail(error) }], truncated: false };
  }
  try {
    const found = findProblems(sqlite);
    return { problems: [...checksum, ...found.problems], truncated: found.truncated };
  } finally {
    sqlite.close();
  }
}
