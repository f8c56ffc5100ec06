/**
 * The backups methods through the API's one door (dispatch): what each answers, their refusals with a
 * code and words in both languages, one backup at a time, the folder setting (checked before it is
 * saved), the desktop folder chooser, the audit rows, the owner-only permissions, and that every
 * invariant rule has words on the screen in both languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import type { ApiResult, OutputOf } from '../../src-main/api/contract.ts';
import { BackupService } from '../../src-main/backups/service.ts';
import { INVARIANT_RULES } from '../../src-main/backups/types.ts';
import { getSettings } from '../../src-main/ledger/settings.ts';
import { MIGRATIONS_DIR, PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';
import { PERMISSIONS } from '../../src-main/staff/permissions.ts';
import { backupsText } from '../../src-renderer/screens/office/backups/text.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop } from '../helpers/shop.ts';

let t: TestLedger;
let dispatch: Dispatch;
beforeEach(() => {
  t = openTestLedger();
  seedShop(t.ledger, t.staffId, 4);
  dispatch = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser' });
});
afterEach(() => t.dispose());

async function ok<M extends keyof typeof PERMISSIONS>(method: M, input: unknown): Promise<OutputOf<M>> {
  const res = await dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as OutputOf<M>;
}

async function refused(method: string, input: unknown, locale = 'zh-CN'): Promise<Extract<ApiResult<unknown>, { ok: false }>['error']> {
  const res = await dispatch(method, input, locale);
  expect(res.ok, `${method} should be refused`).toBe(false);
  return (res as Extract<ApiResult<unknown>, { ok: false }>).error;
}

describe('backups over the API', () => {
  it('lists, backs up, previews and checks', async () => {
    const empty = await ok('backups.list', {});
    expect(empty).toMatchObject({ folder: path.join(t.dir, 'backups'), defaultFolder: path.join(t.dir, 'backups'), folderProblem: null, canPickFolder: false, running: null, lastAuto: null, entries: [] });

    const entry = await ok('backups.create', {});
    expect(entry).toMatchObject({ kind: 'manual', facts: { memberCount: 4, billCount: 0, lastBillAt: null } });
    expect(entry.sizeBytes).toBe(fs.statSync(entry.file).size);
    expect((await ok('backups.list', {})).entries).toEqual([entry]);

    const preview = await ok('backups.preview', { file: entry.file });
    expect(preview).toMatchObject({ file: entry.file, name: entry.name, kind: 'manual', takenAt: entry.takenAt, integrityOk: true, schema: 'same', problem: null, facts: entry.facts });
    expect(preview.appSchemaVersion).toBe(entry.facts!.schemaVersion);

    expect(await ok('backups.check', {})).toMatchObject({ target: 'live', ok: true, problems: [] });
    expect(await ok('backups.check', { file: entry.file })).toMatchObject({ target: 'file', file: entry.file, ok: true, problems: [] });

    // The owner's backup is in the audit log.
    expect(t.ledger.sqlite.prepare("select action, subject_label from audit_log where action like 'backups.%'").all()).toEqual([{ action: 'backups.create', subject_label: entry.name }]);
  });

  it('takes one backup at a time', async () => {
    const first = dispatch('backups.create', {});
    const second = await dispatch('backups.create', {});
    expect(second).toMatchObject({ ok: false, error: { code: 'BACKUP_BUSY' } });
    expect((await first).ok).toBe(true);
    // …and the next one after it is fine (with a name of its own, even within the same second).
    const third = await ok('backups.create', {});
    expect((await ok('backups.list', {})).entries.map((e) => e.name)).toContain(third.name);
    expect(new Set((await ok('backups.list', {})).entries.map((e) => e.name)).size).toBe(2);
  });

  it("waits for a daily backup under way when the owner asks for one, rather than refusing", async () => {
    const service = new BackupService({ ledger: t.ledger, dataFile: t.file, migrationsFolder: MIGRATIONS_DIR, appVersion: 'test' });
    const own = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser', backups: service });
    const daily = service.create('auto');
    const manual = await own('backups.create', {});
    expect(manual).toMatchObject({ ok: true, value: { kind: 'manual' } });
    expect((await daily).kind).toBe('auto');
    expect((await service.list()).entries.map((e) => e.kind).sort()).toEqual(['auto', 'manual']);
  });

  it('keeps the folder setting only when the folder can be used, and lists both folders', async () => {
    const stick = path.join(t.dir, 'usb', 'regulars');
    const saved = await ok('backups.configure', { folder: stick, daily: false, keep: 14 });
    expect(saved).toEqual({ folder: stick, daily: false, keep: 14 });
    expect(getSettings(t.ledger).backups).toEqual(saved);
    expect(fs.statSync(stick).isDirectory()).toBe(true);
    const atDefault = (await dispatch('backups.create', {})).ok;
    expect(atDefault).toBe(true);
    const list = await ok('backups.list', {});
    expect(list.folder).toBe(stick);
    expect(list.entries.map((e) => path.dirname(e.file))).toEqual([stick]);

    // A folder that cannot be made: refused in words, nothing saved.
    const blocker = path.join(t.dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    const before = fingerprint(t.ledger);
    const zh = await refused('backups.configure', { folder: path.join(blocker, 'sub') });
    expect(zh.code).toBe('BACKUP_FOLDER_UNUSABLE');
    expect(zh.message).toContain('无法使用备份文件夹');
    expect((await refused('backups.configure', { folder: 'relative/folder' }, 'en')).message).toContain('cannot be used');
    expect(fingerprint(t.ledger)).toEqual(before);
    // Bad numbers never reach the service.
    expect((await refused('backups.configure', { keep: 0 })).code).toBe('VALIDATION');

    // Back to the default ('' is stored), and the default folder's backups are listed beside the chosen one's.
    expect(await ok('backups.configure', { folder: '' })).toMatchObject({ folder: '' });
    await ok('backups.create', {});
    await ok('backups.configure', { folder: stick });
    expect(new Set((await ok('backups.list', {})).entries.map((e) => path.dirname(e.file)))).toEqual(new Set([stick, path.join(t.dir, 'backups')]));
    expect(t.ledger.sqlite.prepare("select count(*) n from audit_log where action = 'backups.configure'").get()).toEqual({ n: 3 });
  });

  it('refuses what it cannot do, in both languages', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const missing = await refused('backups.preview', { file: path.join(t.dir, 'nope.sqlite') }, locale);
      expect(missing.code).toBe('BACKUP_FILE_NOT_FOUND');
      expect(missing.message).toContain('nope.sqlite');
      expect((await refused('backups.restore', { file: t.file }, locale)).code).toBe('BACKUP_IS_DATA_FILE');
      const picker = await refused('backups.pickFolder', {}, locale);
      expect(picker.code).toBe('BACKUP_PICKER_UNAVAILABLE');
      expect(picker.message).toMatch(locale === 'en' ? /type the folder path/ : /输入文件夹路径/);
    }
    expect((await refused('backups.preview', {})).code).toBe('VALIDATION');
  });

  it('opens the desktop folder chooser when the shell has one', async () => {
    const chosen = path.join(t.dir, 'chosen');
    const backups = new BackupService({ ledger: t.ledger, dataFile: t.file, migrationsFolder: MIGRATIONS_DIR, appVersion: 'test', pickFolder: async () => chosen });
    const desktop = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'electron', backups });
    expect(await desktop('backups.pickFolder', {})).toEqual({ ok: true, value: { folder: chosen } });
    expect(await desktop('backups.list', {})).toMatchObject({ ok: true, value: { canPickFolder: true } });
  });

  it('is for the owner only', () => {
    const methods = Object.keys(PERMISSIONS).filter((m) => m.startsWith('backups.'));
    expect(methods.sort()).toEqual(['backups.check', 'backups.configure', 'backups.create', 'backups.list', 'backups.pickFolder', 'backups.preview', 'backups.restore']);
    for (const m of methods) expect(PERMISSIONS[m as keyof typeof PERMISSIONS], m).toBe('owner');
  });
});

describe('the words for the integrity check', () => {
  it('name every ledger rule of invariants.ts, in both languages', () => {
    // The rules as invariants.ts writes them: each must map to a named rule with words on the screen.
    const source = fs.readFileSync(path.join(PROJECT_ROOT, 'src-main', 'ledger', 'invariants.ts'), 'utf8');
    const ruleTexts = [...source.matchAll(/^ {2}'([^']+)': `/gm), ...source.matchAll(/rule: '([^']+)'/g)].map((m) => m[1]!);
    expect(ruleTexts.length).toBeGreaterThan(10);
    for (const rule of INVARIANT_RULES) {
      expect(backupsText.zhCN.check.rule[rule], rule).toBeTruthy();
      expect(backupsText.en.check.rule[rule], rule).toBeTruthy();
    }
    return import('../../src-main/backups/check.ts').then(({ invariantRuleOf }) => {
      for (const text of ruleTexts) expect(invariantRuleOf(text), text).not.toBe('other');
    });
  });
});
