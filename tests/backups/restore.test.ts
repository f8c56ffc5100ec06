/**
 * Restore round-trips: after a restore the data is exactly what it was when the backup was taken (a
 * fingerprint of every table), the copy kept just before the restore is exactly the data as it stood,
 * restoring that copy undoes the restore, and the till goes on selling on the restored data through the
 * same Ledger object. In the running app, the SMS sender and the print spooler keep working on the
 * restored file. An older backup is upgraded as it is restored; a newer one is refused, changing nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, OutputOf } from '../../src-main/api/contract.ts';
import { BackupService } from '../../src-main/backups/service.ts';
import { connectDemoPhone, type DemoPhone } from '../../src-main/demo/demo-phone.ts';
import { connectDemoPrinter } from '../../src-main/demo/demo-printer.ts';
import type { LoopbackPrinter } from '../../src-main/demo/loopback-printer.ts';
import { closeLedger, openLedger } from '../../src-main/ledger/db.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { getMember } from '../../src-main/ledger/members.ts';
import { startRuntime, type Runtime } from '../../src-main/platform/app-runtime.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { businessDate } from '../../src-main/ledger/time.ts';
import type { PrintJob } from '../../src-main/print/types.ts';
import { auditLedger } from '../helpers/audit.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { manualClock, newKey, openTestLedger, tempDir, type TestLedger } from '../helpers/ledger.ts';
import { seedShop } from '../helpers/shop.ts';
import { expectRejected } from './expect-rejected.ts';
import { NEWER_INDEX, newerMigrations } from './newer-app.ts';
import { seeded, tillActivity } from './till-activity.ts';

let t: TestLedger | null = null;
let runtime: Runtime | null = null;
let printer: LoopbackPrinter | null = null;
let phone: DemoPhone | null = null;
afterEach(async () => {
  t?.dispose();
  t = null;
  await runtime?.close();
  runtime = null;
  await printer?.close();
  printer = null;
  await phone?.close();
  phone = null;
});

const serviceFor = (tl: TestLedger, migrationsFolder = MIGRATIONS_DIR) => new BackupService({ ledger: tl.ledger, dataFile: tl.file, migrationsFolder, appVersion: 'test' });

function fingerprintOfFile(file: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fingerprint({ sqlite });
  } finally {
    sqlite.close();
  }
}

describe('restore (the ledger on its own)', () => {
  it('brings back the data as it was at the backup, keeps the data before, and can be undone', async () => {
    t = openTestLedger();
    const shop = seedShop(t.ledger, t.staffId, 5);
    const till = tillActivity(() => t!.ledger, t.staffId, shop, seeded(7));
    for (let i = 0; i < 60; i++) till.step();
    const service = serviceFor(t);
    const backup = await service.create();
    const atBackup = fingerprint(t.ledger);
    expect(fingerprintOfFile(backup.file)).toEqual(atBackup);

    t.clock.advance(3_600_000);
    for (let i = 0; i < 40; i++) till.step();
    const beforeRestore = fingerprint(t.ledger);
    expect(beforeRestore).not.toEqual(atBackup);
    const ledgerObject = t.ledger;
    const oldConnection = t.ledger.sqlite;

    const result = await service.restore(backup.file);
    // The same Ledger object (held by every part of the app), a new connection on the restored file.
    expect(t.ledger).toBe(ledgerObject);
    expect(oldConnection.open).toBe(false);
    expect(t.ledger.sqlite.open).toBe(true);
    expect(fingerprint(t.ledger)).toEqual(atBackup);
    expect(result).toMatchObject({ restoredFrom: backup.file, migrated: false, facts: backup.facts });
    // The copy kept first is the data exactly as it stood before the restore.
    expect(result.preRestore.kind).toBe('pre-restore');
    expect(result.preRestore.name).toMatch(/^regulars-\d{8}-\d{6}-pre-restore\.sqlite$/);
    expect(fingerprintOfFile(result.preRestore.file)).toEqual(beforeRestore);
    expect(service.list().entries.map((e) => e.kind)).toEqual(['pre-restore', 'manual']);
    // No stale log of the replaced file is left to be replayed into the restored one.
    expect(fs.existsSync(`${t.file}.restoring`)).toBe(false);

    // The till goes on selling on the restored data, every rule holding.
    const tillAfter = tillActivity(() => t!.ledger, t.staffId, shop, seeded(8));
    for (let i = 0; i < 20; i++) tillAfter.step();
    const afterSelling = fingerprint(t.ledger);
    expect(checkLedgerInvariants(t.ledger)).toEqual([]);
    expect(auditLedger(t.ledger)).toEqual([]);

    // Restoring the pre-restore copy undoes the restore (the sales since are in the new pre-restore copy).
    t.clock.advance(1_000);
    const undo = await service.restore(result.preRestore.file);
    expect(fingerprint(t.ledger)).toEqual(beforeRestore);
    expect(fingerprintOfFile(undo.preRestore.file)).toEqual(afterSelling);

    // And after a reopen (a restart) the data is still what was restored.
    t.reopen();
    expect(fingerprint(t.ledger)).toEqual(beforeRestore);
  });

  it('upgrades an older backup as it restores it', async () => {
    t = openTestLedger();
    const shop = seedShop(t.ledger, t.staffId, 3);
    const service = serviceFor(t);
    const backup = await service.create();
    // This app is now a newer version: the backup's schema is older.
    const newer = newerMigrations(t.dir);
    closeLedger(t.ledger);
    t.clock.advance(60_000);
    t.ledger = openLedger(t.file, { migrationsFolder: newer, clock: t.clock });
    const newerService = serviceFor(t, newer);
    t.clock.advance(60_000);
    expect(newerService.preview(backup.file)).toMatchObject({ schema: 'older', problem: null, integrityOk: true });
    const result = await newerService.restore(backup.file);
    expect(result.migrated).toBe(true);
    expect(t.ledger.sqlite.prepare("select name from sqlite_master where name = ?").get(NEWER_INDEX)).toBeTruthy();
    expect(getMember(t.ledger, shop.members[0]!.id).name).toBe(shop.members[0]!.name);
    // The upgrade kept its own copy of the file as restored, before migrating it.
    expect(fs.readdirSync(path.join(t.dir, 'backups')).some((n) => n.startsWith('pre-migration-'))).toBe(true);
  });

  it('refuses a backup made by a newer version, and changes nothing', async () => {
    t = openTestLedger();
    seedShop(t.ledger, t.staffId, 2);
    // A backup from a newer app: its file has a migration this app does not know.
    const newerFile = path.join(t.dir, 'from-newer.sqlite');
    const newerLedger = openLedger(newerFile, { migrationsFolder: newerMigrations(t.dir) });
    closeLedger(newerLedger);
    const service = serviceFor(t);
    expect(service.preview(newerFile)).toMatchObject({ schema: 'newer', problem: 'BACKUP_NEWER_SCHEMA', integrityOk: true });
    const before = fingerprint(t.ledger);
    await expectRejected(() => service.restore(newerFile), 'BACKUP_NEWER_SCHEMA');
    expect(fingerprint(t.ledger)).toEqual(before);
    expect(t.ledger.sqlite.open).toBe(true);
    // Nothing was kept either: the refusal came before the swap.
    expect(service.list().entries).toEqual([]);
  });

  it('puts the data back as it was when the swap fails half-way', async () => {
    t = openTestLedger();
    const shop = seedShop(t.ledger, t.staffId, 3);
    const service = serviceFor(t);
    const backup = await service.create();
    const till = tillActivity(() => t!.ledger, t.staffId, shop, seeded(9));
    for (let i = 0; i < 10; i++) till.step();
    const before = fingerprint(t.ledger);
    // The backup disappears between its preview and the copy (a USB stick pulled out).
    const failing = new BackupService({
      ledger: t.ledger,
      dataFile: t.file,
      migrationsFolder: MIGRATIONS_DIR,
      appVersion: 'test',
      pauseBackground: async (swap) => {
        fs.rmSync(backup.file);
        return swap();
      },
    });
    const error = await expectRejected(() => failing.restore(backup.file), 'RESTORE_FAILED');
    expect(error.params['detail']).toContain('ENOENT');
    expect(t.ledger.sqlite.open).toBe(true);
    expect(fingerprint(t.ledger)).toEqual(before);
    for (let i = 0; i < 5; i++) till.step();
    expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  });

  it('refuses the data file itself and a file that is not there', async () => {
    t = openTestLedger();
    const service = serviceFor(t);
    await expectRejected(() => service.restore(t!.file), 'BACKUP_IS_DATA_FILE');
    await expectRejected(() => service.restore(path.join(t!.dir, 'nope.sqlite')), 'BACKUP_FILE_NOT_FOUND');
    await expectRejected(() => service.restore('relative/path.sqlite'), 'BACKUP_FILE_NOT_FOUND');
  });
});

describe('restore in the running app', () => {
  async function call<M extends string>(method: M, input: unknown): Promise<M extends keyof import('../../src-main/api/contract.ts').Contract ? OutputOf<M> : never> {
    const res = await runtime!.dispatch(method, input);
    if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
    return res.value as never;
  }

  it('swaps the file under the app: handlers, the print spooler and the SMS sender work on the restored data', async () => {
    const dataDir = tempDir();
    const clock = manualClock(new Date());
    runtime = startRuntime({ dataDir, migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser', clock });
    const sms: string[] = [];
    let smsArrived!: () => void;
    const firstSms = new Promise<void>((resolve) => (smsArrived = resolve));
    phone = await connectDemoPhone(runtime.dispatch, (line) => {
      sms.push(line);
      smsArrived();
    });
    printer = await connectDemoPrinter(runtime.dispatch, () => undefined);
    const info = await call('app.info', {});
    const staffId = (info as AppInfo).staff[0]!.id;
    const sell = () =>
      call('checkout.commit', {
        idempotencyKey: newKey(),
        staffId,
        lines: [{ name: '桂花拿铁', amountMinor: 3_200 }],
        payments: [{ method: 'cash', amountMinor: 3_200, tenderedMinor: 5_000 }],
      });
    await sell();
    const backup = await call('backups.create', {});
    const billsAtBackup = backup.facts!.billCount;
    await sell();
    await sell();
    const oldBackground = runtime.background;
    const oldConnection = runtime.ledger.sqlite;

    const restored = await call('backups.restore', { file: backup.file });
    expect(restored.facts.billCount).toBe(billsAtBackup);
    expect(oldConnection.open).toBe(false);
    expect(runtime.ledger.sqlite.open).toBe(true);
    expect(runtime.background).not.toBe(oldBackground);
    // Handlers read the restored data…
    expect((await call('bills.daySummary', { businessDate: businessDate(clock()) })).salesCount).toBe(billsAtBackup);
    // …the audit log (in the restored data) says who restored what.
    const logged = runtime.ledger.sqlite.prepare("select action, subject_label from audit_log where action = 'backups.restore'").all();
    expect(logged).toEqual([{ action: 'backups.restore', subject_label: backup.file }]);
    // …the spooler prints the next sale's receipt…
    const next = await sell();
    expect((await call('print.job', { jobId: next.delivery.printJob!.id, waitMs: 10_000 })).status).toBe('printed' satisfies PrintJob['status']);
    // …and the sender delivers a message written after the restore.
    await call('sms.test', { phone: '13800138000' });
    await firstSms;
    expect(sms.join('\n')).toContain('13800138000');
    expect(checkLedgerInvariants(runtime.ledger)).toEqual([]);
  });
});
