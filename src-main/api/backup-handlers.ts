/**
 * The handlers of the backups methods (backup-contract.ts). They audit themselves ('self' in the audit
 * rules): a backup and a restore take time (no transaction can span them), and a restore's row belongs
 * in the restored data, written after the swap.
 */
import { appendAudit } from '../audit/log.ts';
import { BackupService } from '../backups/service.ts';
import type { Ledger } from '../ledger/db.ts';
import { getSettings } from '../ledger/settings.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { MIGRATIONS_DIR } from '../platform/project-paths.ts';
import type { backupMethods } from './backup-contract.ts';
import type { HandlerContext } from './handler-context.ts';
import type { Handlers } from './handlers.ts';

type BackupMethod = keyof typeof backupMethods;

/** In-process callers without a running app (tests): one service per ledger, migrations from the repository. */
const standalone = new WeakMap<Ledger, BackupService>();

function backupsOf(ctx: HandlerContext): BackupService {
  if (ctx.backups) return ctx.backups;
  let service = standalone.get(ctx.ledger);
  if (!service) {
    service = new BackupService({ ledger: ctx.ledger, dataFile: ctx.dataFile, migrationsFolder: MIGRATIONS_DIR, appVersion: ctx.version });
    standalone.set(ctx.ledger, service);
  }
  return service;
}

/** A staff id as the (possibly just restored) data knows it: someone added after the backup is not in it. */
function known(ctx: HandlerContext, staffId: string | null | undefined): string | null {
  if (!staffId) return null;
  return ctx.ledger.sqlite.prepare('select 1 from staff where id = ?').get(staffId) ? staffId : null;
}

function audit(ctx: HandlerContext, action: BackupMethod, label: string, after: unknown): void {
  try {
    appendAudit(ctx.ledger, {
      staffId: known(ctx, ctx.actor?.staffId),
      approvedByStaffId: known(ctx, ctx.actor?.approvedByStaffId),
      action,
      subject: { kind: 'backup', id: null, label },
      after,
    });
  } catch (error) {
    // The backup or restore is done; a log row that could not be written must not say otherwise.
    ctx.logError?.(error);
  }
}

export const backupHandlers: Pick<Handlers, BackupMethod> = {
  'backups.list': (ctx) => backupsOf(ctx).list(),
  'backups.create': async (ctx) => {
    const entry = await backupsOf(ctx).create('manual');
    audit(ctx, 'backups.create', entry.name, { file: entry.file, sizeBytes: entry.sizeBytes, facts: entry.facts });
    return entry;
  },
  'backups.configure': (ctx, input) =>
    inTransaction(ctx.ledger, () => {
      const before = getSettings(ctx.ledger).backups;
      const after = backupsOf(ctx).configure(input);
      appendAudit(ctx.ledger, { staffId: ctx.actor?.staffId ?? null, approvedByStaffId: ctx.actor?.approvedByStaffId ?? null, action: 'backups.configure', subject: { kind: 'settings', id: 'backups', label: null }, before, after });
      return after;
    }),
  'backups.pickFolder': async (ctx) => ({ folder: await backupsOf(ctx).pickFolder() }),
  'backups.preview': (ctx, input) => backupsOf(ctx).preview(input.file),
  'backups.restore': async (ctx, input) => {
    const result = await backupsOf(ctx).restore(input.file);
    // In the restored data: the log then says when and from what it was restored.
    audit(ctx, 'backups.restore', result.restoredFrom, { preRestore: result.preRestore.file, facts: result.facts, migrated: result.migrated });
    return result;
  },
  'backups.check': (ctx, input) => backupsOf(ctx).check(input.file),
};
