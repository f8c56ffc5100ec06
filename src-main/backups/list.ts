/**
 * The backups in a folder, newest first, and the rotation of the automatic ones. Only files whose names
 * are ours count (names.ts); anything else in the folder is left alone, and rotation removes nothing
 * but automatic backups beyond the newest N (with their sidecars).
 */
import fs from 'node:fs';
import path from 'node:path';
import { autoBackupDay, isPartialName, parseBackupName } from './names.ts';
import { readSidecar, sidecarPath } from './sidecar.ts';
import type { BackupEntry } from './types.ts';

function namesIn(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

export function listBackups(folder: string): BackupEntry[] {
  const entries: BackupEntry[] = [];
  for (const name of namesIn(folder)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    if (!stat.isFile()) continue;
    const sidecar = readSidecar(file);
    entries.push({ file, name, kind: parsed.kind, takenAt: sidecar?.takenAt ?? parsed.takenAt, sizeBytes: stat.size, facts: sidecar?.facts ?? null });
  }
  return entries.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

/** Whether the folder already has an automatic backup taken on this shop-local day (YYYY-MM-DD). */
export function hasAutoBackupOn(folder: string, day: string): boolean {
  return namesIn(folder).some((name) => autoBackupDay(name) === day);
}

/** Remove automatic backups beyond the newest `keep`; answers the files removed. */
export function rotateAutoBackups(folder: string, keep: number): string[] {
  const autos = listBackups(folder).filter((e) => e.kind === 'auto');
  const removed: string[] = [];
  for (const old of autos.slice(keep)) {
    fs.rmSync(old.file, { force: true });
    fs.rmSync(sidecarPath(old.file), { force: true });
    removed.push(old.file);
  }
  return removed;
}

/**
 * Remove what a backup interrupted by a crash or power cut left behind (hidden `.partial` files) once
 * it is a day old — never younger, as another shop's app may be writing to the same folder right now.
 */
export function removeStalePartials(folder: string, now: Date): string[] {
  const removed: string[] = [];
  for (const name of namesIn(folder)) {
    if (!isPartialName(name)) continue;
    const file = path.join(folder, name);
    try {
      if (now.getTime() - fs.statSync(file).mtimeMs < 24 * 3_600_000) continue;
      fs.rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
