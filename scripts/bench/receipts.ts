/**
 * Receipts on a shop with history (10,000 members, 200,000 bills over five years):
 * - what the e-bill and the auto-print job add to a checkout: the same checkout through the API on two
 *   copies of the shop, one sending e-bills and printing, one with both off (the baseline);
 * - a bill's receipt (read + ESC/POS bytes) against reading the bill alone;
 * - a year's statement of the member with the most bills against the member page's history read;
 * - the PDFs: a year's statement against one bill.
 * Both sides of each case run interleaved, so load on the machine falls on both alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OutputOf } from '../../src-main/api/contract.ts';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';
import type { HandlerContext } from '../../src-main/api/handler-context.ts';
import { getBill } from '../../src-main/ledger/bills.ts';
import { closeLedger, DB_FILE_NAME, openLedger, type Ledger } from '../../src-main/ledger/db.ts';
import { memberHistory } from '../../src-main/ledger/history.ts';
import { DEFAULT_SETTINGS } from '../../src-main/ledger/settings-schema.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import { encodeReceipt } from '../../src-main/print/escpos/encode.ts';
import { billPdf } from '../../src-main/print/pdf/bill-pdf.ts';
import { statementPdf } from '../../src-main/print/pdf/statement-pdf.ts';
import type { PrintSpooler } from '../../src-main/print/spooler.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { loadReceipt } from '../../src-main/receipts/load.ts';
import { memberStatement } from '../../src-main/receipts/statement.ts';
import type { Measurement } from './report.ts';
import { benchShop, type BenchShopSpec } from './shop.ts';
import type { BenchContext, Suite } from './suite.ts';
import { loadAverage, time, timeAsync } from './timing.ts';

const SHOP: BenchShopSpec = { members: 10_000, bills: 200_000, seed: 20261123, years: 5 };
const RUNS = 300;
const PDF_RUNS = 30;
const QUICK = 10;
const WARMUP = 5;

interface Copy {
  dir: string;
  ledger: Ledger;
  dispatch: Dispatch;
}

function openCopy(file: string, receipts: boolean): Copy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-bench-'));
  fs.copyFileSync(file, path.join(dir, DB_FILE_NAME));
  const ledger = openLedger(path.join(dir, DB_FILE_NAME), { migrationsFolder: MIGRATIONS_DIR });
  updateSettings(ledger, {
    ebills: { ...DEFAULT_SETTINGS.ebills, enabled: receipts },
    printing: receipts ? { ...DEFAULT_SETTINGS.printing, connection: 'network', host: '127.0.0.1', port: 9, autoPrint: true } : { ...DEFAULT_SETTINGS.printing, connection: 'none' },
  });
  // The job rows are what the checkout pays for; printing them happens after the commit, elsewhere.
  const spooler = { wake: () => {} } as unknown as PrintSpooler;
  const ctx: HandlerContext = { ledger, version: 'bench', dataFile: dir, shell: 'browser', printing: { spooler, systemPrinter: null } };
  return { dir, ledger, dispatch: createDispatch(ctx) };
}

async function run(ctx: BenchContext) {
  const n = (full: number) => (ctx.quick ? QUICK : full);
  const shop = benchShop(SHOP, ctx.log);
  const label = `${SHOP.members.toLocaleString('en')} members, ${SHOP.bills.toLocaleString('en')} bills`;
  const withReceipts = openCopy(shop.file, true);
  const without = openCopy(shop.file, false);
  const measurements: Measurement[] = [];
  const add = (name: string, role: Measurement['role'], dataLabel: string, samples: number[]) =>
    measurements.push({ suite: 'receipts', case: name, level: 'summary', role, dataLabel, dataSize: SHOP.members, samples });
  const load: Record<string, number> = { start: loadAverage() };
  try {
    const { sqlite } = withReceipts.ledger;
    const staffId = (sqlite.prepare("select id from staff where role = 'owner'").get() as { id: string }).id;
    const consenting = (sqlite.prepare('select m.id from members m join tiers t on t.id = m.tier_id where m.sms_bill_consent = 1 and m.archived_at is null and t.discount_bp = 0 order by m.id limit 400').all() as Array<{ id: string }>).map((r) => r.id);
    const billIds = (sqlite.prepare("select id from bills where member_id is not null order by id limit 400").all() as Array<{ id: string }>).map((r) => r.id);
    const heaviest = sqlite.prepare('select member_id as id, count(*) as bills from bills group by member_id order by bills desc limit 1').get() as { id: string; bills: number };
    const lastDay = (sqlite.prepare('select max(business_date) as d from bills').get() as { d: string }).d;
    const yearBefore = `${Number(lastDay.slice(0, 4)) - 1}${lastDay.slice(4)}`;

    // ------------------------------------------------------------ checkout with and without receipts
    ctx.log(`  checkout.commit with e-bill + print job vs without (${n(RUNS)} × 2)`);
    let key = 0;
    const checkout = async (copy: Copy, i: number) => {
      const res = await copy.dispatch('checkout.commit', {
        idempotencyKey: `bench-receipt-${key++}`,
        staffId,
        memberId: consenting[i % consenting.length],
        lines: [{ name: '拿铁', amountMinor: 2_800 }],
        payments: [{ method: 'card', amountMinor: 2_800 }],
      });
      if (!res.ok) throw new Error(`checkout: ${res.error.code}`);
      return res.value as OutputOf<'checkout.commit'>;
    };
    for (let i = 0; i < WARMUP; i++) await Promise.all([checkout(withReceipts, i), checkout(without, i)]);
    const sample = await checkout(withReceipts, 0);
    if (!sample.delivery.ebill || !sample.delivery.printJob) throw new Error('the receipts copy wrote no e-bill or print job');
    const on: number[] = [];
    const off: number[] = [];
    for (let i = 0; i < n(RUNS); i++) {
      const pair: Array<[Copy, number[]]> = i % 2 ? [[without, off], [withReceipts, on]] : [[withReceipts, on], [without, off]];
      for (const [copy, samples] of pair) samples.push(await timeAsync(() => checkout(copy, i)));
    }
    add('checkout.commit (API)', 'subject', `${label}; e-bill SMS + auto-print job`, on);
    add('checkout.commit (API)', 'baseline', `${label}; e-bills and printing off`, off);

    // ------------------------------------------------------------ a receipt
    load['receipt'] = loadAverage();
    ctx.log(`  a bill's receipt vs reading the bill (${n(RUNS)} × 2)`);
    const read: number[] = [];
    const render: number[] = [];
    for (let i = 0; i < n(RUNS); i++) {
      const billId = billIds[i % billIds.length]!;
      read.push(time(() => getBill(withReceipts.ledger, billId)));
      render.push(time(() => encodeReceipt(loadReceipt(withReceipts.ledger, { billId }), { paperWidth: 80, openDrawer: true })));
    }
    add('bill → receipt', 'subject', 'loadReceipt + ESC/POS bytes (80 mm)', render);
    add('bill → receipt', 'baseline', 'getBill alone', read);

    // ------------------------------------------------------------ a year's statement
    load['statement'] = loadAverage();
    const statementInput = { memberId: heaviest.id, from: yearBefore, to: lastDay };
    const rows = memberStatement(withReceipts.ledger, statementInput).entries.length;
    ctx.log(`  a year's statement of the member with the most bills (${heaviest.bills} bills, ${rows} rows in the year)`);
    const statement: number[] = [];
    const history: number[] = [];
    for (let i = 0; i < n(RUNS); i++) {
      statement.push(time(() => memberStatement(withReceipts.ledger, statementInput)));
      history.push(time(() => memberHistory(withReceipts.ledger, { memberId: heaviest.id })));
    }
    add("member's year", 'subject', `statement, ${rows} rows`, statement);
    add("member's year", 'baseline', 'members.history (the member page, 200 rows a table)', history);

    // ------------------------------------------------------------ PDFs
    load['pdf'] = loadAverage();
    ctx.log(`  PDFs (${n(PDF_RUNS)} × 2)`);
    const stmt = memberStatement(withReceipts.ledger, statementInput);
    const receipt = loadReceipt(withReceipts.ledger, { billId: billIds[0]! });
    const statementPdfMs: number[] = [];
    const billPdfMs: number[] = [];
    let statementBytes = 0;
    let billBytes = 0;
    for (let i = 0; i < WARMUP; i++) await Promise.all([statementPdf(stmt), billPdf(receipt)]);
    for (let i = 0; i < n(PDF_RUNS); i++) {
      statementPdfMs.push(await timeAsync(async () => (statementBytes = (await statementPdf(stmt)).length)));
      billPdfMs.push(await timeAsync(async () => (billBytes = (await billPdf(receipt)).length)));
    }
    add('PDF', 'subject', `a year's statement, ${rows} rows (${(statementBytes / 1024).toFixed(0)} KiB)`, statementPdfMs);
    add('PDF', 'baseline', `one bill (${(billBytes / 1024).toFixed(0)} KiB)`, billPdfMs);
    load['end'] = loadAverage();
    return { name: receiptsSuite.name, description: receiptsSuite.description, measurements, notes: { loadAverage1m: load, heaviestMemberBills: heaviest.bills, statementRows: rows } };
  } finally {
    for (const copy of [withReceipts, without]) {
      closeLedger(copy.ledger);
      fs.rmSync(copy.dir, { recursive: true, force: true });
    }
  }
}

export const receiptsSuite: Suite = {
  name: 'receipts',
  description: 'what e-bills and print jobs add to a checkout; receipts, statements and PDFs on a shop with five years of bills',
  run,
};
