/** Small helpers for the import tests: files as base64, and one call to preview or commit. */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { LedgerError, type ErrorCode } from '../../src-main/ledger/errors.ts';
import type { Ledger } from '../../src-main/ledger/db.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import type { ColumnMapping, ImportKind } from '../../src-main/imports/fields.ts';
import { commitImport, previewImport } from '../../src-main/imports/import.ts';
import type { ImportResult, ImportRow } from '../../src-main/imports/types.ts';
import { auditLedger } from '../helpers/audit.ts';
import { fingerprint } from '../helpers/fingerprint.ts';

export const csv = (rows: ReadonlyArray<ReadonlyArray<string | number>>) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8').toString('base64');

export async function xlsx(rows: ReadonlyArray<ReadonlyArray<unknown>>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('会员');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

export function preview(ledger: Ledger, kind: ImportKind, base64: string, mapping?: ColumnMapping) {
  return previewImport(ledger, { kind, fileName: `${kind}.csv`, base64, mapping });
}

export async function commit(ledger: Ledger, staffId: string, kind: ImportKind, base64: string, options: { mapping?: ColumnMapping; reason?: string } = {}): Promise<ImportResult> {
  const mapping = options.mapping ?? (await preview(ledger, kind, base64)).mapping;
  return commitImport(ledger, { kind, fileName: `${kind}.csv`, base64, mapping, reason: options.reason ?? '从旧系统迁移', staffId });
}

/** Rejected rows as "line: code/field, …" for readable expectations. */
export const reasons = (rows: readonly ImportRow[]) => Object.fromEntries(rows.map((r) => [r.line, r.problems.map((p) => `${p.code}/${p.field}`).join(', ')]));

export function expectSound(ledger: Ledger): void {
  expect(checkLedgerInvariants(ledger)).toEqual([]);
  expect(auditLedger(ledger)).toEqual([]);
}

/** The same file again: nothing at all changes in the data file, and the answer says it was imported already. */
export async function expectIdempotent(ledger: Ledger, staffId: string, kind: ImportKind, base64: string, mapping: ColumnMapping): Promise<ImportResult> {
  const before = fingerprint(ledger);
  const again = await commit(ledger, staffId, kind, base64, { mapping });
  expect(again.importedRows).toBe(0);
  expect(again.batch).toBeNull();
  expect(again.alreadyImported).toBe(true);
  expect(again.rejected.length).toBe(again.totalRows);
  expect(fingerprint(ledger)).toEqual(before);
  return again;
}

export async function expectRefused(ledger: Ledger, run: () => Promise<unknown>, code: ErrorCode): Promise<void> {
  const before = fingerprint(ledger);
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  expect((error as LedgerError).code).toBe(code);
  expect(fingerprint(ledger)).toEqual(before);
}
