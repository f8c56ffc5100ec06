/**
 * A real ledger on a real file in a fresh temp folder, with a clock the test controls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listStaff } from '../../src-main/ledger/catalog.ts';
import { closeLedger, openLedger, type Ledger } from '../../src-main/ledger/db.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';

/** A clock that only moves when told to (so timestamps and business days are exact). */
export interface ManualClock {
  (): Date;
  set(date: Date): void;
  advance(ms: number): void;
}

export function manualClock(start: Date = new Date(2026, 10, 23, 12, 0, 0)): ManualClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as ManualClock;
  clock.set = (date) => {
    now = date.getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

export interface TestLedger {
  ledger: Ledger;
  dir: string;
  file: string;
  staffId: string;
  clock: ManualClock;
  /** Close the file and open it again (as after a restart); `ledger` is the new connection. */
  reopen(): Ledger;
  /** Close the file and remove the temp folder. */
  dispose(): void;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-'));
}

export function openTestLedger(options: { clock?: ManualClock; file?: string } = {}): TestLedger {
  const clock = options.clock ?? manualClock();
  const dir = options.file ? path.dirname(options.file) : tempDir();
  const file = options.file ?? path.join(dir, 'regulars.sqlite');
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS_DIR, clock });
  const staffId = listStaff(ledger)[0]!.id;
  const t: TestLedger = {
    ledger,
    dir,
    file,
    staffId,
    clock,
    reopen() {
      closeLedger(t.ledger);
      t.ledger = openLedger(file, { migrationsFolder: MIGRATIONS_DIR, clock });
      return t.ledger;
    },
    dispose() {
      closeLedger(t.ledger);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

let keySeq = 0;
/** A fresh idempotency key (valid per the contract's pattern). */
export function newKey(prefix = 'k'): string {
  keySeq += 1;
  return `${prefix}-${process.pid}-${keySeq}-${Math.random().toString(36).slice(2, 10)}`;
}
