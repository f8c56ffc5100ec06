/** The handlers of the imports and exports methods (import-contract.ts). */
import { appendAudit } from '../audit/log.ts';
import { getBatch, listBatches } from '../imports/batches.ts';
import { exportMembers } from '../imports/export-members.ts';
import { commitImport, previewImport } from '../imports/import.ts';
import { progressOf } from '../imports/progress.ts';
import type { Handlers } from './handlers.ts';
import type { importMethods } from './import-contract.ts';

type ImportMethod = keyof typeof importMethods;

export const importHandlers: Pick<Handlers, ImportMethod> = {
  'imports.preview': ({ ledger }, input) => previewImport(ledger, input),
  'imports.commit': ({ ledger, actor }, input) => commitImport(ledger, { ...input, approvedByStaffId: actor?.approvedByStaffId ?? null }),
  'imports.progress': (_ctx, input) => progressOf(input.progressKey),
  'imports.batches': ({ ledger }, input) => listBatches(ledger, input.limit),
  'imports.batch': ({ ledger }, input) => getBatch(ledger, input.batchId),
  'exports.members': async ({ ledger, actor }, input) => {
    const { count, ...file } = await exportMembers(ledger, input);
    // Personal data leaving the shop: who took it, and how much.
    appendAudit(ledger, {
      staffId: actor?.staffId ?? null,
      approvedByStaffId: actor?.approvedByStaffId ?? null,
      action: 'exports.members',
      subject: { kind: 'export', id: null, label: file.fileName },
      after: { format: input.format, members: count, includeArchived: input.includeArchived },
    });
    return file;
  },
};
