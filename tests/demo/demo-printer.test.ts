/**
 * The demo shop's stand-in receipt printer: `--demo` points the till at it, every receipt the app
 * prints shows up as text lines, and a shop whose owner set up a real printer is left alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, OutputOf } from '../../src-main/api/contract.ts';
import { connectDemoPrinter } from '../../src-main/demo/demo-printer.ts';
import type { LoopbackPrinter } from '../../src-main/demo/loopback-printer.ts';
import { DEFAULT_SETTINGS } from '../../src-main/ledger/settings-schema.ts';
import { startRuntime, type Runtime } from '../../src-main/platform/app-runtime.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import type { PrintJob } from '../../src-main/print/types.ts';
import { manualClock, newKey, tempDir } from '../helpers/ledger.ts';

let runtime: Runtime | undefined;
let printer: LoopbackPrinter | null = null;
afterEach(async () => {
  await runtime?.close();
  await printer?.close();
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const res = await runtime!.dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code}`);
  return res.value as T;
}

describe('demo printer', () => {
  it('becomes the till printer and shows each receipt in the terminal', async () => {
    runtime = startRuntime({ dataDir: tempDir(), migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser', clock: manualClock(new Date()) });
    const lines: string[] = [];
    let printed!: () => void;
    const receiptDone = new Promise<void>((resolve) => (printed = resolve));
    printer = await connectDemoPrinter(runtime.dispatch, (line) => {
      lines.push(line);
      if (line.includes('✂')) printed();
    });
    const info = await call<AppInfo>('app.info', {});
    expect(info.settings.printing).toMatchObject({ connection: 'network', host: '127.0.0.1', port: printer!.port });
    const sale = await call<OutputOf<'checkout.commit'>>('checkout.commit', {
      idempotencyKey: newKey(),
      staffId: info.staff[0]!.id,
      lines: [{ name: '桂花拿铁', amountMinor: 3_200 }],
      payments: [{ method: 'cash', amountMinor: 3_200, tenderedMinor: 5_000 }],
    });
    expect((await call<PrintJob>('print.job', { jobId: sale.delivery.printJob!.id, waitMs: 10_000 })).status).toBe('printed');
    await receiptDone;
    const text = lines.join('\n');
    expect(lines.every((l) => l.startsWith('[demo printer] '))).toBe(true);
    expect(text).toContain(sale.bill.billNo);
    expect(text).toContain('桂花拿铁');
    expect(text).toContain('¥18.00'); // the change
    expect(lines[0]).toContain('drawer opens');
  });

  it('leaves a real printer the owner set up alone', async () => {
    runtime = startRuntime({ dataDir: tempDir(), migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser', clock: manualClock(new Date()) });
    await call('settings.update', { printing: { ...DEFAULT_SETTINGS.printing, connection: 'network', host: '192.168.1.50', port: 9100 } });
    printer = await connectDemoPrinter(runtime.dispatch, () => undefined);
    expect(printer).toBeNull();
    expect((await call<AppInfo>('app.info', {})).settings.printing.host).toBe('192.168.1.50');
  });
});
