/**
 * A backup taken while the till sells is consistent. The online backup copies one page per step and the
 * till commits sales, top-ups and refunds between the steps (through the app's own connection, as in the
 * running app; and through a second connection, which makes SQLite start the copy over). Then the copy,
 * opened on its own: SQLite's integrity check passes, every ledger rule holds (src-main's invariants and
 * the independent audit of tests/helpers), and its money rows are exactly the first rows of the live
 * file's — the same bills, entries and running balances, none missing in between and none half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupService } from '../../src-main/backups/service.ts';
import { closeLedger, openLedger, type Ledger } from '../../src-main/ledger/db.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { auditLedger } from '../helpers/audit.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop, type Shop } from '../helpers/shop.ts';
import { seeded, tillActivity } from './till-activity.ts';

const MONEY_TABLES = ['bills', 'bill_lines', 'payments', 'topups', 'wallet_entries', 'points_entries'] as const;

let t: TestLedger | null = null;
afterEach(() => {
  t?.dispose();
  t = null;
});

function rows(sqlite: Database.Database, table: string): unknown[][] {
  return sqlite.prepare(`select * from ${table} order by rowid`).raw().all() as unknown[][];
}

/** The copy's money rows are the live file's first rows, and its member balances are what the live entries said at that point. */
function expectPrefixOf(copy: Database.Database, live: Database.Database): void {
  for (const table of MONEY_TABLES) {
    const copied = rows(copy, table);
    expect(copied, table).toEqual(rows(live, table).slice(0, copied.length));
  }
  // Each member's balances in the copy = the running balance of their last wallet / points entry in it.
  const lastWallet = copy
    .prepare('select member_id, principal_after_minor p, bonus_after_minor b from wallet_entries w where rowid = (select max(rowid) from wallet_entries where member_id = w.member_id)')
    .all() as Array<{ member_id: string; p: number; b: number }>;
  for (const entry of lastWallet) {
    expect(copy.prepare('select balance_principal_minor p, balance_bonus_minor b from members where id = ?').get(entry.member_id)).toEqual({ p: entry.p, b: entry.b });
  }
}

function expectWholeAndLawful(file: string): Database.Database {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  expect(copy.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  expect(copy.pragma('foreign_key_check')).toEqual([]);
  expect(checkLedgerInvariants({ sqlite: copy })).toEqual([]);
  expect(auditLedger({ sqlite: copy })).toEqual([]);
  // A self-contained file: nothing left beside it, no write-ahead log it would need.
  expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
  return copy;
}

function shopWithHistory(sales: number, seed: number): { shop: Shop; ledger: () => Ledger } {
  t = openTestLedger();
  const shop = seedShop(t.ledger, t.staffId, 6);
  const ledger = () => t!.ledger;
  const warmUp = tillActivity(ledger, t.staffId, shop, seeded(seed));
  // The history quickly (no fsync per commit); the sales during the backup as the app makes them.
  t.ledger.sqlite.pragma('synchronous = OFF');
  for (let i = 0; i < sales; i++) warmUp.step();
  t.ledger.sqlite.pragma('synchronous = FULL');
  return { shop, ledger };
}

describe('a backup while the till sells', () => {
  it('through the same connection: every step has a sale, and the copy is the whole file as the last step left it', async () => {
    const { shop, ledger } = shopWithHistory(150, 1);
    const till = tillActivity(ledger, t!.staffId, shop, seeded(2));
    const billsBefore = (ledger().sqlite.prepare('select count(*) n from bills').get() as { n: number }).n;
    let steps = 0;
    const service = new BackupService({
      ledger: ledger(),
      dataFile: t!.file,
      migrationsFolder: MIGRATIONS_DIR,
      appVersion: 'test',
      pagesPerStep: 1,
      onStep: () => {
        steps += 1;
        till.step();
      },
    });
    const entry = await service.create();
    const live = ledger().sqlite;
    const billsAfter = (live.prepare('select count(*) n from bills').get() as { n: number }).n;
    expect(steps).toBeGreaterThan(50);
    expect(till.sales).toBeGreaterThan(30);
    expect(billsAfter).toBeGreaterThan(billsBefore + 30);

    const copy = expectWholeAndLawful(entry.file);
    expectPrefixOf(copy, live);
    // SQLite carries the till's commits into the copy as they happen: it is the file at the end.
    expect(entry.facts).toEqual({ memberCount: 6, billCount: billsAfter, lastBillAt: (live.prepare('select max(created_at) m from bills').get() as { m: string }).m, schemaVersion: expect.any(Number) });
    expect(rows(copy, 'bills')).toHaveLength(billsAfter);
    copy.close();
    // No partial file, no log files: the backup and its sidecar only.
    expect(fs.readdirSync(path.dirname(entry.file)).sort()).toEqual([entry.name, `${entry.name}.json`]);
  });

  it('through a second connection (another writer): the copy starts over, and is still one consistent moment', async () => {
    const { shop } = shopWithHistory(120, 3);
    const other = openLedger(t!.file, { migrationsFolder: MIGRATIONS_DIR, clock: t!.clock });
    try {
      const till = tillActivity(() => other, t!.staffId, shop, seeded(4));
      let steps = 0;
      const service = new BackupService({
        ledger: t!.ledger,
        dataFile: t!.file,
        migrationsFolder: MIGRATIONS_DIR,
        appVersion: 'test',
        pagesPerStep: 2,
        // Writes between the first 40 steps; then the copy can finish.
        onStep: () => {
          steps += 1;
          if (steps <= 40) till.step();
        },
      });
      const entry = await service.create();
      expect(till.sales).toBeGreaterThan(20);
      const copy = expectWholeAndLawful(entry.file);
      expectPrefixOf(copy, other.sqlite);
      copy.close();
    } finally {
      closeLedger(other);
    }
  });

  it('property: whatever the step size and wherever the sales fall, the copy is whole, lawful and a prefix', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 0, max: 2 }), async (seed, pagesPerStep, salesPerStep) => {
        const { shop, ledger } = shopWithHistory(0, seed);
        // Speed only (durability is not what this checks): no fsync per commit.
        ledger().sqlite.pragma('synchronous = OFF');
        const warmUp = tillActivity(ledger, t!.staffId, shop, seeded(seed));
        for (let i = 0; i < 40; i++) warmUp.step();
        const till = tillActivity(ledger, t!.staffId, shop, seeded(seed + 1));
        const service = new BackupService({
          ledger: ledger(),
          dataFile: t!.file,
          migrationsFolder: MIGRATIONS_DIR,
          appVersion: 'test',
          pagesPerStep,
          onStep: () => {
            for (let i = 0; i < salesPerStep; i++) till.step();
          },
        });
        const entry = await service.create();
        const copy = expectWholeAndLawful(entry.file);
        expectPrefixOf(copy, ledger().sqlite);
        copy.close();
        t!.dispose();
        t = null;
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
