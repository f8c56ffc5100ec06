/**
 * The system-printer path as the desktop shell drives it, with a stand-in for Electron's hidden print
 * window: auto-print after a sale hands it the HTML receipt with the chosen printer and silence, a
 * refusal by the system becomes a reason for the cashier, and "check printer" looks the name up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, OutputOf } from '../../src-main/api/contract.ts';
import { DEFAULT_SETTINGS } from '../../src-main/ledger/settings-schema.ts';
import { startRuntime, type Runtime } from '../../src-main/platform/app-runtime.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import type { SystemPrinter } from '../../src-main/print/system-printer.ts';
import type { PrintJob } from '../../src-main/print/types.ts';
import { manualClock, newKey, tempDir } from '../helpers/ledger.ts';

let runtime: Runtime;
let printed: Array<{ html: string; printerName: string; silent: boolean; paperWidth: string }>;
let refuse: string | null;
let staffId: string;

const fakeSystem: SystemPrinter = {
  async print(html, options) {
    if (refuse) return { ok: false, detail: refuse };
    printed.push({ html, ...options });
    return { ok: true };
  },
  async list() {
    return ['Kitchen Laser', 'Front Desk'];
  },
};

async function call<T>(method: string, input: unknown): Promise<T> {
  const res = await runtime.dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code}`);
  return res.value as T;
}

beforeEach(async () => {
  printed = [];
  refuse = null;
  runtime = startRuntime({ dataDir: tempDir(), migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'electron', clock: manualClock(new Date()), systemPrinter: fakeSystem });
  staffId = (await call<AppInfo>('app.info', {})).staff[0]!.id;
  await call('settings.update', { printing: { ...DEFAULT_SETTINGS.printing, connection: 'system', systemPrinterName: 'Front Desk', systemSilent: true, paperWidth: '58' } });
});
afterEach(() => runtime.close());

const sale = () =>
  call<OutputOf<'checkout.commit'>>('checkout.commit', { idempotencyKey: newKey(), staffId, lines: [{ name: '可颂', amountMinor: 1_600 }], payments: [{ method: 'alipay', amountMinor: 1_600 }] });

describe('system printer', () => {
  it('prints the HTML receipt silently on the chosen printer after a sale', async () => {
    const done = await sale();
    const job = await call<PrintJob>('print.job', { jobId: done.delivery.printJob!.id, waitMs: 10_000 });
    expect(job).toMatchObject({ status: 'printed', target: 'system Front Desk' });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ printerName: 'Front Desk', silent: true, paperWidth: '58' });
    expect(printed[0]!.html).toContain('width: 48mm');
    expect(printed[0]!.html.replace(/<[^>]+>/g, '')).toContain('可颂');
    expect(await call('print.systemPrinters', {})).toEqual(['Kitchen Laser', 'Front Desk']);
    expect(await call('print.check', {})).toEqual({ ok: true, status: 'unknown', target: 'system Front Desk' });
  });

  it('a refusal by the system (printer deleted, dialog cancelled) is a reason, and the test page prints the same way', async () => {
    refuse = 'cancelled';
    const done = await sale();
    expect(await call<PrintJob>('print.job', { jobId: done.delivery.printJob!.id, waitMs: 10_000 })).toMatchObject({ status: 'failed', errorCode: 'PRINTER_UNREACHABLE' });
    refuse = null;
    const test = await call<PrintJob>('print.test', { staffId });
    expect((await call<PrintJob>('print.job', { jobId: test.id, waitMs: 10_000 })).status).toBe('printed');
    expect(printed[0]!.html.replace(/<[^>]+>/g, '')).toContain('打印机测试页');
    await call('settings.update', { printing: { ...DEFAULT_SETTINGS.printing, connection: 'system', systemPrinterName: 'Gone Printer' } });
    expect(await call('print.check', {})).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
  });
});
