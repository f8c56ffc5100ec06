/**
 * The import tables (migration 0009_member_imports.sql). Bills and members written by an import carry
 * `import_batch_id` (declared with their tables in ledger/schema.ts).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { staff } from '../ledger/schema.ts';
import { IMPORT_KINDS } from './fields.ts';

/**
 * One committed import: which file (SHA-256 of its bytes) with which column mapping, what it wrote and
 * what it turned away (the file's headers and the rejected rows with their reasons, for the report). Only an import
 * that wrote at least one row leaves a batch; running the same file again finds its rows already here.
 */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    /** Human number per till: imported bills are numbered IMP<batch>-<row>. */
    batchNo: integer('batch_no').notNull(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    fileName: text('file_name').notNull().default(''),
    fileHash: text('file_hash').notNull(),
    mappingHash: text('mapping_hash').notNull(),
    /** JSON: field → column index. */
    mapping: text('mapping').notNull(),
    encoding: text('encoding').notNull(),
    /** Why, as the owner typed it; also the reason on every opening ledger entry. */
    reason: text('reason').notNull(),
    rowsTotal: integer('rows_total').notNull(),
    rowsImported: integer('rows_imported').notNull(),
    rowsRejected: integer('rows_rejected').notNull(),
    openingPrincipalMinor: integer('opening_principal_minor').notNull().default(0),
    openingBonusMinor: integer('opening_bonus_minor').notNull().default(0),
    openingPoints: integer('opening_points').notNull().default(0),
    visitsMinor: integer('visits_minor').notNull().default(0),
    /** JSON: { headers, rejected: [{ line, cells, problems }] }, the report of the rows not imported. */
    rejectedJson: text('rejected_json').notNull().default('{"headers":[],"rejected":[]}'),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('import_batches_till_no').on(t.tillId, t.batchNo),
    index('import_batches_file').on(t.kind, t.fileHash, t.mappingHash),
    index('import_batches_created').on(t.createdAt),
    check('import_batches_kind', sql`${t.kind} in ('members', 'visits')`),
    check(
      'import_batches_counts',
      sql`${t.rowsImported} > 0 and ${t.rowsRejected} >= 0 and ${t.rowsImported} + ${t.rowsRejected} = ${t.rowsTotal}`,
    ),
    check(
      'import_batches_amounts_nonneg',
      sql`${t.openingPrincipalMinor} >= 0 and ${t.openingBonusMinor} >= 0 and ${t.openingPoints} >= 0 and ${t.visitsMinor} >= 0`,
    ),
  ],
);
