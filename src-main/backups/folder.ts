/**
 * Where backups go: the owner's chosen folder, else `<data dir>/backups` (where ledger/db.ts also puts
 * its pre-migration copies). A folder is usable when it exists or can be created, and can be written to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../ledger/errors.ts';
import type { Settings } from '../ledger/settings-schema.ts';

export function defaultBackupFolder(dataFile: string): string {
  return path.join(path.dirname(dataFile), 'backups');
}

export function backupFolderOf(setting: Settings['backups'], dataFile: string): string {
  return setting.folder ? path.resolve(setting.folder) : defaultBackupFolder(dataFile);
}

function writable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Whether backups could go to `folder` now, without creating anything (for the screen). */
export function folderUsable(folder: string): boolean {
  if (!path.isAbsolute(folder)) return false;
  // A folder not made yet is fine when the nearest folder that exists can be written to.
  let dir = folder;
  while (!fs.existsSync(dir)) {
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
  return writable(dir);
}

/** Create the folder if needed and make sure it can be written to; else BACKUP_FOLDER_UNUSABLE. */
export function ensureUsableFolder(folder: string): string {
  if (!path.isAbsolute(folder)) fail('BACKUP_FOLDER_UNUSABLE', { folder });
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch {
    fail('BACKUP_FOLDER_UNUSABLE', { folder });
  }
  if (!writable(folder)) fail('BACKUP_FOLDER_UNUSABLE', { folder });
  return folder;
}

/** A file-system error that means "this folder cannot be written to" rather than a broken copy. */
export function isFolderError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ['EACCES', 'EPERM', 'ENOENT', 'EROFS', 'ENOSPC', 'ENOTDIR', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_FULL'].includes(code);
}
