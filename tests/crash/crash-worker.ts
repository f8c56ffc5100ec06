/**
 * Crash-test worker (run by crash.test.ts with `node crash-worker.ts <data file> <round>`): opens the
 * ledger and commits top-ups, checkouts and refunds in a loop until it is killed. Each committed
 * record is reported on stdout right after its call returns, with a synchronous write, so a reported
 * id is one the ledger has already called committed:
 *   ready
 *   topup <id> <idempotency key>
 *   bill <id> <idempotency key>
 */
import fs from 'node:fs';
import { checkout, quoteCheckout, refundBill } from '../../src-main/ledger/bills.ts';
import { listProducts, listStaff } from '../../src-main/ledger/catalog.ts';
import { openLedger } from '../../src-main/ledger/db.ts';
import { getMember, listRecentMembers } from '../../src-main/ledger/members.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { walkInBill } from './worker-requests.ts';

const [file, round] = process.argv.slice(2);
if (!file || !round) throw new Error('usage: crash-worker.ts <data file> <round>');

const ledger = openLedger(file, { migrationsFolder: MIGRATIONS_DIR });
const staffId = listStaff(ledger)[0]!.id;
const members = listRecentMembers(ledger, 10);
const products = listProducts(ledger, {}).filter((p) => p.priceMinor > 0);
const say = (line: string) => fs.writeSync(1, line + '\n');
say('ready');

const mySales: Array<{ id: string; lineId: string }> = [];
for (let i = 0; ; i++) {
  const key = `crash-${round}-${process.pid}-${i}`;
  const member = members[i % members.length]!;
  switch (i % 4) {
    case 0: {
      const r = topUp(ledger, { idempotencyKey: key, staffId, memberId: member.id, principalMinor: 10_000 + i, method: 'cash' });
      say(`topup ${r.topup.id} ${key}`);
      break;
    }
    case 1: {
      // A member sale paid from stored value, points (when there are some) and cash.
      const lines = products.slice(0, 1 + (i % products.length)).map((p, n) => ({ productId: p.id, quantity: 1 + ((i + n) % 3) }));
      const total = quoteCheckout(ledger, { memberId: member.id, lines }).totalMinor;
      const m = getMember(ledger, member.id);
      const sv = Math.min(m.balancePrincipalMinor + m.balanceBonusMinor, Math.floor(total / 2));
      const pts = Math.min(m.points, total - sv, 50); // 100 points per ¥1: one point per cent
      const payments = [
        ...(sv > 0 ? [{ method: 'stored_value' as const, amountMinor: sv }] : []),
        ...(pts > 0 ? [{ method: 'points' as const, amountMinor: pts }] : []),
        ...(total - sv - pts > 0 ? [{ method: 'cash' as const, amountMinor: total - sv - pts, tenderedMinor: total - sv - pts + 500 }] : []),
      ];
      const r = checkout(ledger, { idempotencyKey: key, staffId, memberId: member.id, lines, payments });
      say(`bill ${r.bill.id} ${key}`);
      mySales.push({ id: r.bill.id, lineId: r.bill.lines[0]!.id });
      break;
    }
    case 2: {
      // A bigger walk-in bill: many lines, split over card and wechat.
      const r = checkout(ledger, walkInBill(key, staffId, i));
      say(`bill ${r.bill.id} ${key}`);
      break;
    }
    case 3: {
      // Refund one unit of this worker's latest member sale (or all of it).
      const sale = mySales.pop();
      if (!sale) break;
      const r = refundBill(ledger, { idempotencyKey: key, staffId, billId: sale.id, ...(i % 8 === 3 ? { lines: [{ lineId: sale.lineId, quantity: 1 }] } : {}) });
      say(`bill ${r.refund.id} ${key}`);
      break;
    }
  }
}

