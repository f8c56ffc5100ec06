import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listStaff } from '../../src-main/ledger/catalog.ts';
import { closeLedger, openLedger } from '../../src-main/ledger/db.ts';
import { createMember } from '../../src-main/ledger/members.ts';
import { acquireInstanceLock, InstanceLockedError } from '../../src-main/platform/instance-lock.ts';
import { startRuntime } from '../../src-main/platform/app-runtime.ts';
import { resolveDataDir } from '../../src-main/platform/data-dir.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-startup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('opening the data file', () => {
  it('applies the pragmas that make a commit durable', () => {
    const ledger = openLedger(path.join(tempDir(), 'r.sqlite'), { migrationsFolder: MIGRATIONS_DIR });
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    closeLedger(ledger);
  });

  it('seeds one local till, a default tier and an owner, once', () => {
    const file = path.join(tempDir(), 'r.sqlite');
    const first = openLedger(file, { migrationsFolder: MIGRATIONS_DIR });
    const tillId = first.tillId;
    closeLedger(first);
    const again = openLedger(file, { migrationsFolder: MIGRATIONS_DIR });
    expect(again.tillId).toBe(tillId);
    expect(again.sqlite.prepare('select count(*) n from tiers where is_default = 1').get()).toEqual({ n: 1 });
    expect(listStaff(again).map((s) => s.role)).toEqual(['owner']);
    closeLedger(again);
  });

  it('copies the file aside before a pending migration changes it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.sqlite');
    const ledger = openLedger(file, { migrationsFolder: MIGRATIONS_DIR });
    createMember(ledger, { staffId: listStaff(ledger)[0]!.id, phone: '13800138000', name: '张三' });
    closeLedger(ledger);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);

    // A newer version of the app ships one more migration.
    const migrations = path.join(dir, 'migrations');
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const journalFile = path.join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number; when: number; tag: string }> };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test' });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(path.join(migrations, '9999_test.sql'), 'CREATE INDEX `members_name_test` ON `members` (`name`);');

    const upgraded = openLedger(file, { migrationsFolder: migrations });
    expect(upgraded.sqlite.prepare("select name from sqlite_master where name = 'members_name_test'").get()).toBeTruthy();
    closeLedger(upgraded);
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^pre-migration-.*\.sqlite$/);
    const copy = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(copy.prepare('select name from members').all()).toEqual([{ name: '张三' }]);
    expect(copy.prepare("select name from sqlite_master where name = 'members_name_test'").get()).toBeUndefined();
    copy.close();

    // Opening again with nothing pending makes no new copy.
    closeLedger(openLedger(file, { migrationsFolder: migrations }));
    expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(1);
  });

  it('REGULARS_DATA_DIR overrides the data folder', () => {
    expect(resolveDataDir({ REGULARS_DATA_DIR: '/tmp/shop-a' })).toBe('/tmp/shop-a');
    expect(resolveDataDir({}, '/electron/userData')).toBe('/electron/userData');
  });
});

describe('one process owns a data file', () => {
  it('refuses a second runtime on the same file and frees it on close', async () => {
    const dataDir = tempDir();
    const options = { dataDir, migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser' as const };
    const first = startRuntime(options);
    expect(() => acquireInstanceLock(first.dataFile)).not.toThrow(); // same process may re-enter…
    await first.close();
    const owner = startRuntime(options);
    // …but another process may not: simulate one by writing its (live) pid into the lock.
    const lockFile = `${owner.dataFile}.lock`;
    await owner.close();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(lockFile, String(child.pid));
      expect(() => startRuntime(options)).toThrow(InstanceLockedError);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over the lock of a process that is gone', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    fs.writeFileSync(path.join(dataDir, 'regulars.sqlite.lock'), String(pid));
    const runtime = startRuntime({ dataDir, migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser' });
    expect(fs.readFileSync(`${runtime.dataFile}.lock`, 'utf8')).toBe(String(process.pid));
    await runtime.close();
    expect(fs.existsSync(`${runtime.dataFile}.lock`)).toBe(false);
  });
});
