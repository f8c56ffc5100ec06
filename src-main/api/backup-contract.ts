/** The API methods of the back office's backups: spread into the one contract (contract.ts). */
import * as backupCmd from '../backups/commands.ts';
import type * as B from '../backups/types.ts';
import { empty } from '../ledger/commands.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { method } from './method.ts';

export const backupMethods = {
  /** The folder, the backups in it (newest first), the one under way with its progress, the last automatic one. */
  'backups.list': method<B.BackupList>()(empty),
  /** Back up now (SQLite's online backup: the till keeps working); answers the checked backup. */
  'backups.create': method<B.BackupEntry>()(empty),
  /** Where backups go and the daily automatic backup (how many are kept). */
  'backups.configure': method<Settings['backups']>()(backupCmd.backupConfigure),
  /** The desktop app's folder chooser (null: cancelled); refused in a browser. */
  'backups.pickFolder': method<{ folder: string | null }>()(empty),
  /** A backup file's figures, schema and integrity, read-only; `problem` says why it cannot be restored. */
  'backups.preview': method<B.BackupPreview>()(backupCmd.backupFile),
  /** Replace the data with a backup, after keeping a copy of the data as it stands. */
  'backups.restore': method<B.RestoreResult>()(backupCmd.backupFile),
  /** SQLite's integrity and foreign-key checks and the ledger's rules, on the live data or a backup file. */
  'backups.check': method<B.IntegrityReport>()(backupCmd.backupCheck),
} as const;
