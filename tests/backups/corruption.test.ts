/**
 * A damaged backup is detected and reported, and never restored: a page overwritten in the middle of
 * the file (SQLite's integrity check finds it even without the sidecar), a single changed byte (the
 * sidecar's checksum finds it), a file cut short, a file that is not a database at all, and a database
 * that is not ours. Preview says why, the check lists what, restore refuses with that reason and the
 * live data is exactly as it was (nothing kept, nothing swapped). The live integrity check finds a
 * cached balance that disagrees with its ledger, and a row pointing at nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupService } from '../../src-main/backups/service.ts';
import type { BackupEntry } from '../../src-main/backups/types.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop, type Shop } from '../helpers/shop.ts';
import { expectRejected } from './expect-rejected.ts';
import { seeded, tillActivity } from './till-activity.ts';

let t: TestLedger;
let shop: Shop;
let service: BackupService;
let backup: BackupEntry;
beforeEach(async () => {
  t = openTestLedger();
  shop = seedShop(t.ledger, t.staffId, 6);
  t.ledger.sqlite.pragma('synchronous = OFF'); // speed only: durability is not what this checks
  const till = tillActivity(() => t.ledger, t.staffId, shop, seeded(11));
  for (let i = 0; i < 150; i++) till.step();
  service = new BackupService({ ledger: t.ledger, dataFile: t.file, migrationsFolder: MIGRATIONS_DIR, appVersion: 'test' });
  backup = await service.create();
});
afterEach(() => t.dispose());

/** A copy of the backup (with its sidecar unless told otherwise) to damage. */
function copyOfBackup(name: string, withSidecar = true): string {
  const file = path.join(t.dir, name);
  fs.copyFileSync(backup.file, file);
  if (withSidecar) fs.copyFileSync(`${backup.file}.json`, `${file}.json`);
  return file;
}

/** The page of a ledger table's b-tree nearest the middle of the file. */
function middleTablePage(file: string): { page: number; pageSize: number } {
  const sqlite = new Database(file, { readonly: true });
  try {
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    const row = sqlite
      .prepare("select pageno from dbstat where name in ('bills', 'bill_lines', 'payments', 'wallet_entries', 'points_entries') order by abs(pageno - ?) limit 1")
      .get(Math.floor(pages / 2)) as { pageno: number };
    return { page: row.pageno, pageSize };
  } finally {
    sqlite.close();
  }
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    fs.closeSync(fd);
  }
}

/** Restore is refused with `code`, and the live data is untouched: same rows, same connection, no copy kept. */
async function expectRefusedRestore(file: string, code: Parameters<typeof expectRejected>[1]): Promise<void> {
  const before = fingerprint(t.ledger);
  const connection = t.ledger.sqlite;
  await expectRejected(() => service.restore(file), code);
  expect(t.ledger.sqlite).toBe(connection);
  expect(connection.open).toBe(true);
  expect(fingerprint(t.ledger)).toEqual(before);
  expect(service.list().entries.map((e) => e.name)).toEqual([backup.name]);
}

describe('a damaged backup', () => {
  it('a page overwritten in the middle: preview and check report it (with or without the sidecar), restore refuses it', async () => {
    expect(service.preview(backup.file)).toMatchObject({ integrityOk: true, problem: null, schema: 'same', facts: backup.facts });
    for (const withSidecar of [true, false]) {
      const file = copyOfBackup(`damaged-${withSidecar}.sqlite`, withSidecar);
      const { page, pageSize } = middleTablePage(file);
      expect(page).toBeGreaterThan(2);
      overwrite(file, (page - 1) * pageSize, Buffer.alloc(pageSize, 0xa5));

      const preview = service.preview(file);
      expect(preview).toMatchObject({ integrityOk: false, problem: 'BACKUP_CORRUPT', facts: null });
      const report = service.check(file);
      expect(report.ok).toBe(false);
      expect(report.target).toBe('file');
      const kinds = report.problems.map((p) => p.kind);
      expect(kinds.includes('sqlite') || kinds.includes('unreadable')).toBe(true);
      expect(kinds.includes('checksum')).toBe(withSidecar);
      await expectRefusedRestore(file, 'BACKUP_CORRUPT');
    }
  });

  it('one changed byte inside a row: SQLite may not notice, the checksum does', async () => {
    const file = copyOfBackup('one-byte.sqlite');
    const { page, pageSize } = middleTablePage(file);
    // The last byte of a leaf page is inside its last cell's content (cells are written from the end).
    const offset = page * pageSize - 1;
    const original = fs.readFileSync(file).subarray(offset, offset + 1);
    overwrite(file, offset, Buffer.from([original[0]! ^ 0x01]));
    expect(service.preview(file)).toMatchObject({ integrityOk: false, problem: 'BACKUP_CORRUPT' });
    expect(service.check(file).problems[0]).toEqual({ kind: 'checksum' });
    await expectRefusedRestore(file, 'BACKUP_CORRUPT');
  });

  it('a file cut short is damaged', async () => {
    const file = copyOfBackup('cut.sqlite', false);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096);
    expect(service.preview(file)).toMatchObject({ integrityOk: false, problem: 'BACKUP_CORRUPT' });
    expect(service.check(file).ok).toBe(false);
    await expectRefusedRestore(file, 'BACKUP_CORRUPT');
  });

  it('a file that is not a database, and a database that is not ours, are not Regulars files', async () => {
    const text = path.join(t.dir, 'notes.sqlite');
    fs.writeFileSync(text, 'these are not the rows you are looking for\n'.repeat(200));
    expect(service.preview(text)).toMatchObject({ problem: 'BACKUP_NOT_REGULARS', facts: null });
    expect(service.check(text).problems.map((p) => p.kind)).toEqual(['unreadable']);
    await expectRefusedRestore(text, 'BACKUP_NOT_REGULARS');

    const other = path.join(t.dir, 'other-app.sqlite');
    const db = new Database(other);
    db.exec('create table things (id integer primary key, name text); insert into things (name) values (1)');
    db.close();
    expect(service.preview(other)).toMatchObject({ problem: 'BACKUP_NOT_REGULARS', integrityOk: true });
    expect(service.check(other).problems).toEqual([{ kind: 'notRegulars' }]);
    await expectRefusedRestore(other, 'BACKUP_NOT_REGULARS');
  });
});

describe('the integrity check of the live data', () => {
  it('is clean on a healthy ledger', () => {
    const report = service.check();
    expect(report).toMatchObject({ target: 'live', file: t.file, ok: true, problems: [], truncated: false });
  });

  it('finds a cached balance that disagrees with its ledger, and a row pointing at nothing', () => {
    const member = shop.members[0]!;
    // What a bug or a hand edit could leave behind (the app itself never writes such rows).
    t.ledger.sqlite.prepare('update members set balance_principal_minor = balance_principal_minor + 1 where id = ?').run(member.id);
    t.ledger.sqlite.pragma('foreign_keys = OFF');
    t.ledger.sqlite.prepare("update members set tier_id = 'no-such-tier' where id = ?").run(shop.members[1]!.id);
    t.ledger.sqlite.pragma('foreign_keys = ON');
    const report = service.check();
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({ kind: 'invariant', rule: 'memberBalance', ruleText: 'member balance equals wallet ledger', examples: [member.id] });
    expect(report.problems).toContainEqual({ kind: 'foreignKey', table: 'members', rowid: expect.any(Number), parent: 'tiers' });
  });
});
