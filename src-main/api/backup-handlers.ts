/** The handlers of the backups methods (backup-contract.ts). */
import type { Handlers } from './handlers.ts';
import type { backupMethods } from './backup-contract.ts';

type BackupMethod = keyof typeof backupMethods;

export const backupHandlers: Pick<Handlers, BackupMethod> = {};
