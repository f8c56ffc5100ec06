/** The API methods of the back office's imports and exports: spread into the one contract (contract.ts). */
import * as importCmd from '../imports/commands.ts';
import type * as I from '../imports/types.ts';
import type { FileDownload } from '../print/types.ts';
import { method } from './method.ts';

export const importMethods = {
  /** Read a CSV/XLSX file (base64), guess or take the column mapping, check every row; nothing written. */
  'imports.preview': method<I.ImportPreview>()(importCmd.importPreview),
  /** Check again and write every good row in one transaction (members with opening balances, or past visits). */
  'imports.commit': method<I.ImportResult>()(importCmd.importCommit),
  /** How far the preview or import started with this progress key has got (null: unknown key). */
  'imports.progress': method<I.ImportProgress | null>()(importCmd.importProgressQuery),
  'imports.batches': method<I.ImportBatchSummary[]>()(importCmd.importBatchList),
  /** One past import with its rejected rows (the report, again). */
  'imports.batch': method<I.ImportBatchSummary & { headers: string[]; rejected: I.ImportRow[] }>()(importCmd.importBatchRef),
  /** Every member with balances, points and visit figures, as CSV (UTF-8 BOM) or XLSX. */
  'exports.members': method<FileDownload>()(importCmd.exportMembers),
} as const;
