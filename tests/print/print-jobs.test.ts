/**
 * Receipts through the running app: the checkout's transaction writes the auto-print job, the spooler
 * prints it after the commit on the network printer (a fake on 127.0.0.1), and the screen can wait for
 * the outcome. A printer that is out of paper, switched off mid-receipt or misconfigured gives the
 * cashier a reason — and the bill is the same as if printing had worked.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, OutputOf } from '../../src-main/api/contract.ts';
import { printJobs } from '../../src-main/ledger/schema.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src-main/ledger/settings-schema.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import { startRuntime, type Runtime } from '../../src-main/platform/app-runtime.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import type { PrintJob } from '../../src-main/print/types.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { manualClock, newKey, tempDir } from '../helpers/ledger.ts';
import { decodeEscpos } from '../../src-main/print/escpos/decode.ts';
import { startLoopbackPrinter, startLoopbackPrinterOn9100, type LoopbackPrinter } from '../../src-main/demo/loopback-printer.ts';

let runtime: Runtime;
let printers: LoopbackPrinter[] = [];
let staffId: string;
let member: Member;

const PAPER_OUT = 0x12 | 0x60;

async function call<T>(method: string, input: unknown): Promise<T> {
  const res = await runtime.dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

async function refusal(method: string, input: unknown): Promise<string> {
  const res = await runtime.dispatch(method, input);
  if (res.ok) throw new Error(`${method} should be refused`);
  return res.error.code;
}

async function printer(options: Parameters<typeof startLoopbackPrinter>[0] = {}): Promise<LoopbackPrinter> {
  const fake = await startLoopbackPrinter(options);
  printers.push(fake);
  return fake;
}

function usePrinter(printing: Partial<Settings['printing']>) {
  return call('settings.update', { printing: { ...DEFAULT_SETTINGS.printing, ...printing } });
}

const sale = (payments: unknown[] = [{ method: 'cash', amountMinor: 2_500, tenderedMinor: 5_000 }]) =>
  call<OutputOf<'checkout.commit'>>('checkout.commit', { idempotencyKey: newKey(), staffId, memberId: member.id, lines: [{ name: '拿铁', amountMinor: 2_500 }], payments });

const finished = (jobId: string) => call<PrintJob>('print.job', { jobId, waitMs: 10_000 });

beforeEach(async () => {
  runtime = startRuntime({ dataDir: tempDir(), migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser', clock: manualClock(new Date()), printerTimeoutMs: 2_000 });
  staffId = (await call<AppInfo>('app.info', {})).staff[0]!.id;
  member = await call<Member>('members.create', { staffId, phone: '13912345678', name: '曾晓雯' });
});
afterEach(async () => {
  await runtime.close();
  await Promise.all(printers.map((p) => p.close()));
  printers = [];
});

describe('receipt printing', () => {
  it('a sale prints itself after the commit on a printer at port 9100: bill number, member, total, cut and a drawer kick for cash', async () => {
    const fake = await startLoopbackPrinterOn9100();
    printers.push(fake);
    await usePrinter({ connection: 'network', host: '127.0.0.1', port: fake.port });
    const done = await sale();
    expect(done.delivery.printJob).toMatchObject({ purpose: 'receipt', billId: done.bill.id });
    const job = await finished(done.delivery.printJob!.id);
    expect(job).toMatchObject({ status: 'printed', errorCode: null, target: `network 127.0.0.1:${fake.port}` });
    const paper = decodeEscpos(await fake.nextJob());
    const text = paper.textLines.join('\n');
    expect(text).toContain(done.bill.billNo);
    expect(text).toContain('曾晓雯');
    expect(text).toContain('¥25.00');
    expect(text).not.toContain('重印');
    expect(paper.cuts).toBe(1);
    expect(paper.drawerKicks).toBe(1);

    // Reprint from the bill history: marked as a copy, and no drawer for a card sale's copy either.
    const again = await call<PrintJob>('print.receipt', { billId: done.bill.id, staffId });
    expect((await finished(again.id)).status).toBe('printed');
    const copy = decodeEscpos(await fake.nextJob());
    expect(copy.textLines.join('\n')).toContain('重印');
  });

  it('no drawer kick for a card sale, nor when the owner turned it off', async () => {
    const fake = await printer();
    await usePrinter({ connection: 'network', host: '127.0.0.1', port: fake.port });
    const card = await sale([{ method: 'card', amountMinor: 2_500 }]);
    await finished(card.delivery.printJob!.id);
    expect(decodeEscpos(await fake.nextJob()).drawerKicks).toBe(0);
    await usePrinter({ connection: 'network', host: '127.0.0.1', port: fake.port, openDrawerOnCash: false });
    const cash = await sale();
    await finished(cash.delivery.printJob!.id);
    expect(decodeEscpos(await fake.nextJob()).drawerKicks).toBe(0);
  });

  it('out of paper: the cashier is told, nothing is printed, the bill stands; after new paper it prints', async () => {
    const empty = await printer({ status: { paper: PAPER_OUT } });
    await usePrinter({ connection: 'network', host: '127.0.0.1', port: empty.port });
    const done = await sale();
    const job = await finished(done.delivery.printJob!.id);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'PRINTER_PAPER_OUT' });
    expect(empty.received().length).toBe(0);
    const bill = await call<OutputOf<'bills.get'>>('bills.get', { billId: done.bill.id });
    expect(bill.totalMinor).toBe(2_500);
    expect(checkLedgerInvariants(runtime.ledger)).toEqual([]);

    const loaded = await printer();
    await usePrinter({ connection: 'network', host: '127.0.0.1', port: loaded.port });
    const retry = await call<PrintJob>('print.receipt', { billId: done.bill.id, staffId });
    expect((await finished(retry.id)).status).toBe('printed');
    // The first copy never printed, so this one is the original, not a reprint.
    expect(decodeEscpos(await loaded.nextJob()).textLines.join('\n')).not.toContain('重印');
  });

  it('a printer switched off mid-receipt: "may be incomplete, print again"', async () => {
    const flaky = await printer({ dropAfterBytes: 200 });
    await usePrinter({ connection: 'network', host: '127.0.0.1', port: flaky.port });
    const done = await sale();
    expect(await finished(done.delivery.printJob!.id)).toMatchObject({ status: 'failed', errorCode: 'PRINTER_DISCONNECTED' });
    expect((await call<OutputOf<'bills.get'>>('bills.get', { billId: done.bill.id })).totalMinor).toBe(2_500);
  });

  it('a bad address or a printer that is not there: a clear reason, the sale unaffected', async () => {
    await usePrinter({ connection: 'network', host: 'not a host!', port: 9100 });
    const bad = await sale();
    expect(await finished(bad.delivery.printJob!.id)).toMatchObject({ status: 'failed', errorCode: 'PRINTER_BAD_ADDRESS' });
    const gone = await printer();
    await gone.close();
    await usePrinter({ connection: 'network', host: '127.0.0.1', port: gone.port });
    const unreachable = await sale();
    expect(await finished(unreachable.delivery.printJob!.id)).toMatchObject({ status: 'failed', errorCode: 'PRINTER_UNREACHABLE' });
    expect((await call<OutputOf<'print.check'>>('print.check', {})).ok).toBe(false);
  });

  it('no job without a printer, with auto-print off, or for a system printer the browser prints itself', async () => {
    const none = await sale();
    expect(none.delivery.printJob).toBeNull();
    expect(await refusal('print.receipt', { billId: none.bill.id, staffId })).toBe('PRINTER_NOT_SET');
    await usePrinter({ connection: 'network', host: '127.0.0.1', port: 9, autoPrint: false });
    expect((await sale()).delivery.printJob).toBeNull();
    await usePrinter({ connection: 'system' });
    const system = await sale();
    expect(system.delivery.printJob).toBeNull();
    expect(await refusal('print.receipt', { billId: system.bill.id, staffId })).toBe('PRINTER_SYSTEM_UNAVAILABLE');
    const preview = await call<OutputOf<'print.preview'>>('print.preview', { billId: system.bill.id });
    expect(preview.html).toContain('<svg');
    // receiptline draws each character in its own <tspan>: read the text as the page shows it.
    expect(preview.html.replace(/<[^>]+>/g, '')).toContain('曾晓雯');
    expect(runtime.ledger.db.select().from(printJobs).all()).toHaveLength(0);
  });

  it('a job left printing by a quit is marked interrupted at the next start, never printed on its own', async () => {
    const fake = await printer({ status: 'silent' });
    await usePrinter({ connection: 'network', host: '127.0.0.1', port: fake.port });
    const done = await sale();
    const jobId = done.delivery.printJob!.id;
    // Simulate the crash: the row says printing, as the spooler leaves it mid-job.
    runtime.ledger.db.update(printJobs).set({ status: 'printing' }).where(eq(printJobs.id, jobId)).run();
    const { PrintSpooler } = await import('../../src-main/print/spooler.ts');
    const spooler = new PrintSpooler({ ledger: runtime.ledger, systemPrinter: null });
    await spooler.stop();
    expect(runtime.ledger.db.select().from(printJobs).where(eq(printJobs.id, jobId)).get()).toMatchObject({ status: 'failed', errorCode: 'PRINTER_INTERRUPTED' });
  });
});
