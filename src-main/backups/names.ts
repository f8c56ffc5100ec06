/**
 * Backup file names: `regulars-YYYYMMDD-HHmmss.sqlite` in the shop's local time, `-auto` for the daily
 * ones and `-pre-restore` for the copy a restore keeps; `-2`, `-3`… when a name is taken within the same
 * second. The kind is in the name (not only in the sidecar) so that rotation can never mistake a manual
 * backup, or a file that is not ours, for an automatic one. A backup being written has a hidden
 * `.partial` name, so a half-written file never looks like a backup.
 */
import { format } from 'date-fns/format';
import type { BackupKind } from './types.ts';

const OURS = /^regulars-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?(?:-(auto|pre-restore))?\.sqlite$/;
/** The copy ledger/db.ts sets aside before a migration: `pre-migration-<ISO with : and . as ->.sqlite`. */
const PRE_MIGRATION = /^pre-migration-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

export const SIDECAR_SUFFIX = '.json';

export interface ParsedName {
  kind: BackupKind;
  /** When it was taken, from the name (ISO). */
  takenAt: string;
}

export type NamedKind = Exclude<BackupKind, 'pre-migration'>;

/** The name of a backup taken at `at` (the n-th with that second's stamp, from 1). */
export function backupName(kind: NamedKind, at: Date, n = 1): string {
  const suffix = `${n > 1 ? `-${n}` : ''}${kind === 'manual' ? '' : `-${kind}`}`;
  return `regulars-${format(at, 'yyyyMMdd-HHmmss')}${suffix}.sqlite`;
}

/** What a file name says about a backup; null for a file that is not one of ours. */
export function parseBackupName(name: string): ParsedName | null {
  const ours = OURS.exec(name);
  if (ours) {
    const [, y, mo, d, h, mi, s, , kind] = ours;
    const at = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    if (Number.isNaN(at.getTime())) return null;
    return { kind: kind === 'auto' ? 'auto' : kind === 'pre-restore' ? 'pre-restore' : 'manual', takenAt: at.toISOString() };
  }
  const pre = PRE_MIGRATION.exec(name);
  if (pre) {
    const [, day, h, mi, s, ms] = pre;
    const at = new Date(`${day}T${h}:${mi}:${s}.${ms}Z`);
    if (Number.isNaN(at.getTime())) return null;
    return { kind: 'pre-migration', takenAt: at.toISOString() };
  }
  return null;
}

/** The shop-local day (YYYY-MM-DD) an automatic backup's name carries, for "is there one today". */
export function autoBackupDay(name: string): string | null {
  const ours = OURS.exec(name);
  if (!ours || ours[8] !== 'auto') return null;
  return `${ours[1]}-${ours[2]}-${ours[3]}`;
}

/** The hidden name a backup is written under before it has been checked. */
export function partialName(finalName: string, unique: string): string {
  return `.${finalName}.${unique}.partial`;
}

/** A partial backup, its sidecar, or SQLite's journal files beside it (left by a crash mid-backup). */
export function isPartialName(name: string): boolean {
  return /^\.regulars-[^/\\]*\.partial(?:\.json|-journal|-wal|-shm)?$/.test(name);
}
