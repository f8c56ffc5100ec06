/**
 * The automatic daily backup and its rotation: one per shop day however often the daily check runs,
 * none when turned off, the newest N kept — and rotation never touches a manual backup, a pre-restore
 * or pre-migration copy, or any file that is not ours. A folder that cannot be written to is reported
 * (once a day in the log) and tried again later. What a crash mid-backup left behind is cleared once
 * a day old. In the running app, the background's daily check takes it. Names: what each kind is called and how a name is read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autoBackupDay, backupName, parseBackupName } from '../../src-main/backups/names.ts';
import { BackupService } from '../../src-main/backups/service.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import { DEFAULT_SETTINGS } from '../../src-main/ledger/settings-schema.ts';
import { startRuntime, type Runtime } from '../../src-main/platform/app-runtime.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { manualClock, openTestLedger, tempDir, type TestLedger } from '../helpers/ledger.ts';
import { seedShop } from '../helpers/shop.ts';

const DAY = 24 * 3_600_000;

let t: TestLedger | null = null;
let runtime: Runtime | null = null;
afterEach(async () => {
  t?.dispose();
  t = null;
  await runtime?.close();
  runtime = null;
});

describe('backup names', () => {
  it('say the kind and the shop-local time, and are read back', () => {
    const at = new Date(2026, 10, 23, 9, 5, 7);
    expect(backupName('manual', at)).toBe('regulars-20261123-090507.sqlite');
    expect(backupName('auto', at)).toBe('regulars-20261123-090507-auto.sqlite');
    expect(backupName('pre-restore', at, 2)).toBe('regulars-20261123-090507-2-pre-restore.sqlite');
    expect(parseBackupName('regulars-20261123-090507-auto.sqlite')).toEqual({ kind: 'auto', takenAt: at.toISOString() });
    expect(parseBackupName('regulars-20261123-090507-2-pre-restore.sqlite')).toEqual({ kind: 'pre-restore', takenAt: at.toISOString() });
    expect(parseBackupName('regulars-20261123-090507.sqlite')?.kind).toBe('manual');
    expect(parseBackupName('pre-migration-2026-11-23T01-02-03-004Z.sqlite')).toEqual({ kind: 'pre-migration', takenAt: '2026-11-23T01:02:03.004Z' });
    for (const foreign of ['regulars.sqlite', 'regulars-backup.sqlite', 'regulars-20261123-090507-auto.sqlite.json', '.regulars-20261123-090507.sqlite.ab12.partial', 'notes.txt']) {
      expect(parseBackupName(foreign), foreign).toBeNull();
    }
    expect(autoBackupDay('regulars-20261123-090507-auto.sqlite')).toBe('2026-11-23');
    expect(autoBackupDay('regulars-20261123-090507.sqlite')).toBeNull();
  });
});

describe('the daily automatic backup', () => {
  function setUp() {
    t = openTestLedger({ clock: manualClock(new Date(2026, 10, 1, 9, 0, 0)) });
    seedShop(t.ledger, t.staffId, 2);
    const logged: unknown[] = [];
    const service = new BackupService({ ledger: t.ledger, dataFile: t.file, migrationsFolder: MIGRATIONS_DIR, appVersion: 'test', logError: (e) => logged.push(e) });
    return { service, logged, folder: path.join(t.dir, 'backups') };
  }

  it('is taken once a day, and the newest N are kept; nothing else in the folder is touched', async () => {
    const { service, folder } = setUp();
    updateSettings(t!.ledger, { backups: { ...DEFAULT_SETTINGS.backups, keep: 3 } });
    // Files that must survive every rotation: the owner's, a restore's and a migration's copies, and strangers.
    const manual = await service.create('manual');
    const strangers = ['notes.txt', 'regulars-backup.sqlite', 'regulars-20200101-000000-auto.sqlite.bak', 'pre-migration-2026-10-01T00-00-00-000Z.sqlite'];
    for (const name of strangers) fs.writeFileSync(path.join(folder, name), 'keep me');
    fs.mkdirSync(path.join(folder, 'regulars-20200101-000000-auto.sqlite')); // a folder with an auto-like name

    const taken: string[] = [];
    for (let day = 0; day < 6; day++) {
      // The check runs many times a day (every 10 minutes): one backup per day.
      for (let tick = 0; tick < 3; tick++) {
        const entry = await service.runDaily();
        if (entry) taken.push(entry.name);
        t!.clock.advance(600_000);
      }
      t!.clock.advance(DAY - 3 * 600_000);
    }
    expect(taken).toHaveLength(6);
    expect(new Set(taken.map((n) => autoBackupDay(n))).size).toBe(6);
    const autos = service.list().entries.filter((e) => e.kind === 'auto').map((e) => e.name);
    expect(autos).toEqual(taken.slice(-3).reverse());
    for (const name of [manual.name, ...strangers, 'regulars-20200101-000000-auto.sqlite']) expect(fs.existsSync(path.join(folder, name)), name).toBe(true);
    // Each kept backup still has its sidecar; the removed ones took theirs along.
    for (const name of taken) expect(fs.existsSync(path.join(folder, `${name}.json`))).toBe(taken.slice(-3).includes(name));
    expect(service.list().lastAuto).toMatchObject({ ok: true, file: path.join(folder, taken.at(-1)!) });

    // Fewer kept from now on: applied at the next check (the next day's), and again at a check that takes none.
    updateSettings(t!.ledger, { backups: { ...DEFAULT_SETTINGS.backups, keep: 2 } });
    const next = await service.runDaily();
    expect(service.list().entries.filter((e) => e.kind === 'auto').map((e) => e.name)).toEqual([next!.name, taken.at(-1)]);
    updateSettings(t!.ledger, { backups: { ...DEFAULT_SETTINGS.backups, keep: 1 } });
    expect(await service.runDaily()).toBeNull();
    expect(service.list().entries.filter((e) => e.kind === 'auto').map((e) => e.name)).toEqual([next!.name]);
    expect(fs.existsSync(manual.file)).toBe(true);
  });

  it('clears what a backup interrupted by a crash left behind, once it is a day old', async () => {
    const { service, folder } = setUp();
    fs.mkdirSync(folder, { recursive: true });
    const now = t!.clock().getTime();
    const old = ['.regulars-20261030-090000-auto.sqlite.ab12cd34.partial', '.regulars-20261030-090000-auto.sqlite.ab12cd34.partial.json', '.regulars-20261030-090000-auto.sqlite.ab12cd34.partial-journal'];
    const fresh = '.regulars-20261101-085900.sqlite.ffee0011.partial';
    for (const name of [...old, fresh, '.hidden-notes']) fs.writeFileSync(path.join(folder, name), 'x');
    for (const name of [...old, '.hidden-notes']) fs.utimesSync(path.join(folder, name), new Date(now - 2 * DAY), new Date(now - 2 * DAY));
    fs.utimesSync(path.join(folder, fresh), new Date(now - 60_000), new Date(now - 60_000));
    await service.runDaily();
    const left = fs.readdirSync(folder).filter((n) => n.startsWith('.'));
    expect(left.sort()).toEqual(['.hidden-notes', fresh]);
  });

  it('is not taken when turned off', async () => {
    const { service, folder } = setUp();
    updateSettings(t!.ledger, { backups: { ...DEFAULT_SETTINGS.backups, daily: false } });
    expect(await service.runDaily()).toBeNull();
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('reports a folder it cannot write to, logs it once a day, and succeeds once the folder is usable', async () => {
    const { service, logged } = setUp();
    const blocker = path.join(t!.dir, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    updateSettings(t!.ledger, { backups: { ...DEFAULT_SETTINGS.backups, folder: path.join(blocker, 'backups') } });
    expect(await service.runDaily()).toBeNull();
    expect(await service.runDaily()).toBeNull();
    expect(service.list()).toMatchObject({ folderProblem: 'BACKUP_FOLDER_UNUSABLE', lastAuto: { ok: false, code: 'BACKUP_FOLDER_UNUSABLE' } });
    expect(logged).toHaveLength(1);
    updateSettings(t!.ledger, { backups: { ...DEFAULT_SETTINGS.backups, folder: path.join(t!.dir, 'usb-stick') } });
    const entry = await service.runDaily();
    expect(entry?.file).toBe(path.join(t!.dir, 'usb-stick', entry!.name));
    expect(service.list()).toMatchObject({ folderProblem: null, lastAuto: { ok: true } });
  });

  it('is taken by the running app after it starts', async () => {
    const dataDir = tempDir();
    runtime = startRuntime({ dataDir, migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser', clock: manualClock(new Date(2026, 10, 23, 8, 0, 0)) });
    runtime.background.runDailyJobs();
    await expect.poll(() => runtime!.backups.list().entries.map((e) => e.name), { timeout: 10_000 }).toEqual(['regulars-20261123-080000-auto.sqlite']);
    // Another check the same day takes none.
    runtime.background.runDailyJobs();
    await runtime.close();
    runtime = null;
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((n) => n.endsWith('.sqlite'))).toEqual(['regulars-20261123-080000-auto.sqlite']);
  });
});
