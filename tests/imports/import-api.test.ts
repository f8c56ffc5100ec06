/**
 * Imports through the API's door: the mapping checked per kind, a commit without a reason or mapping
 * refused in words with nothing written, the progress of a running check answered while it runs, and
 * past imports listed with their rejected rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import type { ImportBatchSummary, ImportPreview, ImportProgress, ImportResult, ImportRow } from '../../src-main/imports/types.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { csv } from './import-helpers.ts';

let t: TestLedger;
let dispatch: Dispatch;
beforeEach(() => {
  t = openTestLedger();
  dispatch = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser' });
});
afterEach(() => t.dispose());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const res = await dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

const FILE = csv([
  ['姓名', '手机', '余额'],
  ['甲', '13300000001', '10'],
  ['乙', 'bad', '10'],
]);

describe('imports through the API', () => {
  it('refuses in words, and writes nothing: no reason, no mapping, a field of the other kind', async () => {
    const before = fingerprint(t.ledger);
    const cases: Array<[unknown, string]> = [
      [{ kind: 'members', base64: FILE, mapping: { name: 0, phone: 1 }, staffId: t.staffId, reason: '' }, 'reason'],
      [{ kind: 'members', base64: FILE, staffId: t.staffId, reason: '迁移' }, 'mapping'],
      [{ kind: 'members', base64: FILE, mapping: { name: 0, phone: 1, amount: 2 }, staffId: t.staffId, reason: '迁移' }, 'mapping'],
      [{ kind: 'visits', base64: FILE, mapping: { name: 0 }, staffId: t.staffId, reason: '迁移' }, 'mapping'],
      [{ kind: 'members', base64: '', mapping: { name: 0, phone: 1 }, staffId: t.staffId, reason: '迁移' }, 'base64'],
    ];
    for (const [input, field] of cases) {
      const res = await dispatch('imports.commit', input, 'en');
      expect(res.ok, field).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('VALIDATION');
        expect(res.error.params?.['field']).toMatch(new RegExp(`^${field}`));
      }
    }
    const incomplete = await dispatch('imports.commit', { kind: 'members', base64: FILE, mapping: { name: 0 }, staffId: t.staffId, reason: '迁移' }, 'zh-CN');
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'IMPORT_MAPPING_INCOMPLETE', message: '还有必填的列没有对应：phone' } });
    expect(fingerprint(t.ledger)).toEqual(before);
  });

  it('preview, import, then the batch list and its rejected rows', async () => {
    const preview = await ok<ImportPreview>('imports.preview', { kind: 'members', fileName: '会员.csv', base64: FILE });
    expect([preview.goodRows, preview.rejectedRows]).toEqual([1, 1]);
    const result = await ok<ImportResult>('imports.commit', { kind: 'members', fileName: '会员.csv', base64: FILE, mapping: preview.mapping, staffId: t.staffId, reason: '迁移' });
    expect(result.importedRows).toBe(1);
    const batches = await ok<ImportBatchSummary[]>('imports.batches', {});
    expect(batches.map((b) => [b.batchNo, b.fileName, b.rowsImported, b.rowsRejected, b.openingPrincipalMinor, b.reason])).toEqual([[1, '会员.csv', 1, 1, 1_000, '迁移']]);
    const batch = await ok<ImportBatchSummary & { headers: string[]; rejected: ImportRow[] }>('imports.batch', { batchId: batches[0]!.id });
    expect(batch.headers).toEqual(['姓名', '手机', '余额']);
    expect(batch.rejected).toEqual([{ line: 3, cells: ['乙', 'bad', '10'], problems: [{ code: 'invalid', field: 'phone' }] }]);
    const again = await ok<ImportPreview>('imports.preview', { kind: 'members', fileName: '会员.csv', base64: FILE });
    expect(again.previous.map((b) => b.id)).toEqual([batches[0]!.id]);
    expect(again.goodRows).toBe(0);
    const missing = await dispatch('imports.batch', { batchId: 'nope' }, 'en');
    expect(missing).toMatchObject({ ok: false, error: { code: 'IMPORT_BATCH_NOT_FOUND', message: 'That import was not found' } });
  });

  it('the progress of a running check is answered while it runs, and ends done', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => [`会员${i}`, `133${String(i).padStart(8, '0')}`, '1']);
    const base64 = csv([['姓名', '手机', '余额'], ...rows]);
    const progressKey = 'progress-test-1';
    let settled = false;
    const running = ok<ImportPreview>('imports.preview', { kind: 'members', base64, progressKey }).finally(() => {
      settled = true;
    });
    const seen: ImportProgress[] = [];
    while (!settled) {
      const p = await ok<ImportProgress | null>('imports.progress', { progressKey });
      if (p) seen.push(p);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const preview = await running;
    expect(preview.totalRows).toBe(3_000);
    const checking = seen.filter((p) => p.phase === 'check');
    expect(checking.length).toBeGreaterThan(1);
    expect(checking.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    expect(checking.every((p) => p.total === 3_000)).toBe(true);
    // Never backwards.
    for (let i = 1; i < checking.length; i++) expect(checking[i]!.done).toBeGreaterThanOrEqual(checking[i - 1]!.done);
    expect(await ok<ImportProgress | null>('imports.progress', { progressKey })).toEqual({ phase: 'done', done: 3_000, total: 3_000 });
    expect(await ok<ImportProgress | null>('imports.progress', { progressKey: 'never-started' })).toBeNull();
  });
});
