/**
 * Crash test: a child process commits top-ups, checkouts and refunds in a loop on one data file and is
 * killed with SIGKILL at a random moment (after a random number of reported commits, while it keeps
 * writing), six times in a row on the same file. After each kill the file is reopened and:
 *  - SQLite's integrity check passes and checkLedgerInvariants is empty (and so is the independent audit);
 *  - no bill is half-written: every bill has lines, and payments that sum to its total;
 *  - every id the child reported as committed is in the file, with its idempotency key;
 *  - a reported checkout can be retried with its key and is replayed, not charged again.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { checkout } from '../../src-main/ledger/bills.ts';
import { listStaff } from '../../src-main/ledger/catalog.ts';
import { closeLedger, openLedger } from '../../src-main/ledger/db.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { auditLedger } from '../helpers/audit.ts';
import { newKey, openTestLedger, tempDir } from '../helpers/ledger.ts';
import { seedShop } from '../helpers/shop.ts';
import { walkInBill } from './worker-requests.ts';

const WORKER = path.join(import.meta.dirname, 'crash-worker.ts');
const ROUNDS = 6;

interface Reported {
  kind: 'bill' | 'topup';
  id: string;
  key: string;
}

/** Start the worker, kill it with SIGKILL soon after it has reported `killAfter` commits, and collect what it reported. */
function runAndKill(file: string, round: number, killAfter: number): Promise<{ reported: Reported[]; signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, file, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const reported: Reported[] = [];
    let stderr = '';
    let ready = false;
    let killing = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const [kind, id, key] = line.split(' ');
      if (kind === 'ready') ready = true;
      else if ((kind === 'bill' || kind === 'topup') && id && key) reported.push({ kind, id, key });
      if (ready && reported.length >= killAfter && !killing) {
        // The kill lands a random 0–25 ms later, wherever the worker then is (often inside a commit):
        // a random moment, not one lined up with the end of a call.
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 25);
      }
    });
    // 'close' comes after the process exited and its output was read to the end, so lines already in
    // the pipe when it died still count.
    child.on('close', (code, signal) => resolve({ reported, signal, code, stderr }));
  });
}

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('killed mid-write', () => {
  it(`survives ${ROUNDS} SIGKILLs on the same file with nothing lost or half-written`, { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'regulars.sqlite');
    {
      const t = openTestLedger({ file });
      const shop = seedShop(t.ledger, t.staffId, 3);
      for (const m of shop.members) topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: m.id, principalMinor: 50_000, method: 'cash' });
      closeLedger(t.ledger);
    }
    const everReported: Reported[] = [];
    // Random kill points, always including "right after it opened the file" and a long run.
    const killPoints = [0, 25, ...Array.from({ length: ROUNDS - 2 }, () => 1 + Math.floor(Math.random() * 40))];
    for (let round = 0; round < ROUNDS; round++) {
      const { reported, signal, code, stderr } = await runAndKill(file, round, killPoints[round]!);
      expect({ signal, code, stderr }, `round ${round}: the worker must die by SIGKILL, not by an error`).toEqual({ signal: 'SIGKILL', code: null, stderr: '' });
      expect(reported.length).toBeGreaterThanOrEqual(killPoints[round]!);
      everReported.push(...reported);

      const ledger = openLedger(file, { migrationsFolder: MIGRATIONS_DIR });
      try {
        expect(ledger.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(checkLedgerInvariants(ledger), `round ${round}: invariants`).toEqual([]);
        expect(auditLedger(ledger), `round ${round}: audit`).toEqual([]);
        // No half-written bill: lines present, payments add up (the audit says so too; this is the plain statement).
        const broken = ledger.sqlite
          .prepare(
            `select b.id from bills b
             where not exists (select 1 from bill_lines l where l.bill_id = b.id)
                or b.total_minor != (select coalesce(sum(amount_minor), 0) from payments p where p.bill_id = b.id)
                or b.total_minor != (select coalesce(sum(net_minor), 0) from bill_lines l where l.bill_id = b.id)`,
          )
          .all();
        expect(broken).toEqual([]);
        // Everything the worker was told was committed is there, with its idempotency key.
        const billIds = new Set((ledger.sqlite.prepare('select id from bills').all() as Array<{ id: string }>).map((r) => r.id));
        const topupIds = new Set((ledger.sqlite.prepare('select id from topups').all() as Array<{ id: string }>).map((r) => r.id));
        const keys = new Map((ledger.sqlite.prepare('select key, result_json from idempotency_keys').all() as Array<{ key: string; result_json: string }>).map((r) => [r.key, JSON.parse(r.result_json) as string]));
        const missing = everReported.filter((r) => !(r.kind === 'bill' ? billIds : topupIds).has(r.id) || keys.get(r.key) !== r.id);
        expect(missing, `round ${round}: reported as committed but not in the file`).toEqual([]);
      } finally {
        closeLedger(ledger);
      }
    }
    expect(everReported.length).toBeGreaterThan(25);

    // Retrying a reported checkout after the crash (the reply was lost) replays it instead of charging again.
    const walkIns = everReported.filter((r) => r.kind === 'bill' && Number(r.key.split('-').at(-1)) % 4 === 2);
    expect(walkIns.length).toBeGreaterThan(0);
    const ledger = openLedger(file, { migrationsFolder: MIGRATIONS_DIR });
    try {
      const staffId = listStaff(ledger)[0]!.id;
      const bills = () => (ledger.sqlite.prepare('select count(*) n from bills').get() as { n: number }).n;
      const before = bills();
      for (const r of walkIns) {
        const again = checkout(ledger, walkInBill(r.key, staffId, Number(r.key.split('-').at(-1))));
        expect({ id: again.bill.id, replayed: again.replayed }).toEqual({ id: r.id, replayed: true });
      }
      expect(bills()).toBe(before);
    } finally {
      closeLedger(ledger);
    }
  });
});
