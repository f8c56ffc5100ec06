/**
 * Shifts through the running app's API: opening and closing by the contract (bad input refused at the
 * door, in the caller's words), the Z report printed through the print queue on a network printer (a
 * fake one on 127.0.0.1) and read back from the ESC/POS bytes, and printing refused with the printer's
 * own error when this till has none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, OutputOf } from '../../src-main/api/contract.ts';
import { DEFAULT_SETTINGS } from '../../src-main/ledger/settings-schema.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import { startRuntime, type Runtime } from '../../src-main/platform/app-runtime.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { decodeEscpos } from '../../src-main/print/escpos/decode.ts';
import { shiftReportMarkup } from '../../src-main/print/escpos/shift-markup.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../../src-main/demo/loopback-printer.ts';
import { shiftReportDocument } from '../../src-main/print/shift-page.ts';
import { getSettings } from '../../src-main/ledger/settings.ts';
import { manualClock, newKey, tempDir } from '../helpers/ledger.ts';

let runtime: Runtime;
let printers: LoopbackPrinter[] = [];
let staffId: string;
let member: Member;

async function call<M extends Parameters<Runtime['dispatch']>[0]>(method: M, input: unknown): Promise<OutputOf<M & keyof import('../../src-main/api/contract.ts').Contract>> {
  const res = await runtime.dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as never;
}

async function refusal(method: string, input: unknown, locale?: string): Promise<{ code: string; message: string }> {
  const res = await runtime.dispatch(method, input, ...(locale ? [locale] : []));
  if (res.ok) throw new Error(`${method} should be refused`);
  return { code: res.error.code, message: res.error.message };
}

beforeEach(async () => {
  runtime = startRuntime({ dataDir: tempDir(), migrationsFolder: MIGRATIONS_DIR, version: 'test', shell: 'browser', clock: manualClock(new Date(2026, 10, 23, 9, 0, 0)), printerTimeoutMs: 2_000 });
  staffId = ((await call('app.info', {})) as AppInfo).staff[0]!.id;
  member = (await call('members.create', { staffId, phone: '13912345678', name: '曾晓雯' })) as Member;
});
afterEach(async () => {
  await runtime.close();
  await Promise.all(printers.map((p) => p.close()));
  printers = [];
});

async function dayOfShift() {
  const opened = (await call('shifts.open', { idempotencyKey: newKey(), staffId, floatMinor: 50_000 })) as OutputOf<'shifts.open'>;
  await call('checkout.commit', { idempotencyKey: newKey(), staffId, memberId: member.id, lines: [{ name: '拿铁', amountMinor: 2_800 }], payments: [{ method: 'cash', amountMinor: 2_800, tenderedMinor: 5_000 }] });
  await call('checkout.commit', { idempotencyKey: newKey(), staffId, lines: [{ name: '蛋糕', amountMinor: 3_600 }], payments: [{ method: 'wechat', amountMinor: 3_600 }] });
  await call('topups.create', { idempotencyKey: newKey(), staffId, memberId: member.id, principalMinor: 20_000, method: 'cash' });
  return opened;
}

describe('shifts over the API', () => {
  it('opens, shows running figures, closes with a count and lists the shift', async () => {
    expect(await call('shifts.current', {})).toBeNull();
    const opened = await dayOfShift();
    const current = (await call('shifts.current', {})) as OutputOf<'shifts.current'>;
    expect(current?.id).toBe(opened.id);
    // 500 + 28 + 200 = 728.00
    expect(current?.totals.cash.expectedMinor).toBe(72_800);
    const closed = (await call('shifts.close', { idempotencyKey: newKey(), shiftId: opened.id, staffId, denominations: [{ valueMinor: 10_000, count: 7 }, { valueMinor: 2_000, count: 1 }, { valueMinor: 500, count: 1 }, { valueMinor: 100, count: 4 }] })) as OutputOf<'shifts.close'>;
    expect(closed.close).toMatchObject({ countedMinor: 72_900, expectedMinor: 72_800, overShortMinor: 100 });
    const list = (await call('shifts.list', { from: '2026-11-23', to: '2026-11-23' })) as OutputOf<'shifts.list'>;
    expect(list.map((s) => [s.id, s.close?.overShortMinor])).toEqual([[opened.id, 100]]);
    expect(await call('shifts.list', { from: '2026-11-24', to: '2026-11-30' })).toEqual([]);
  });

  it('refuses bad input at the door and a second shift in the caller’s language', async () => {
    expect((await refusal('shifts.open', { idempotencyKey: newKey(), staffId, floatMinor: 12.5 })).code).toBe('VALIDATION');
    expect((await refusal('shifts.open', { idempotencyKey: newKey(), staffId, floatMinor: -100 })).code).toBe('VALIDATION');
    expect((await refusal('shifts.list', { from: '2026-11-30', to: '2026-11-01' })).code).toBe('VALIDATION');
    const opened = await dayOfShift();
    expect((await refusal('shifts.close', { idempotencyKey: newKey(), shiftId: opened.id, staffId })).code).toBe('VALIDATION');
    const again = await refusal('shifts.open', { idempotencyKey: newKey(), staffId, floatMinor: 0 });
    expect(again.code).toBe('SHIFT_ALREADY_OPEN');
    expect(again.message).toContain('店主');
    expect((await refusal('shifts.open', { idempotencyKey: newKey(), staffId, floatMinor: 0 }, 'en')).message).toContain('already has an open shift');
    expect((await refusal('shifts.close', { idempotencyKey: newKey(), shiftId: opened.id, staffId, denominations: [{ valueMinor: 3, count: 1 }] }, 'en')).message).toContain('¥0.03');
    expect((await refusal('shifts.report', { shiftId: 'nope' })).code).toBe('SHIFT_NOT_FOUND');
  });

  it('prints the Z report through the print queue; the paper carries the totals, the count and over/short', async () => {
    const fake = await startLoopbackPrinter();
    printers.push(fake);
    await call('settings.update', { printing: { ...DEFAULT_SETTINGS.printing, connection: 'network', host: '127.0.0.1', port: fake.port, paperWidth: '58', autoPrint: false } });
    const opened = await dayOfShift();
    await call('shifts.close', { idempotencyKey: newKey(), shiftId: opened.id, staffId, countedMinor: 72_500 });

    const job = (await call('shifts.print', { shiftId: opened.id, staffId })) as OutputOf<'shifts.print'>;
    expect(job).toMatchObject({ purpose: 'shift_report', billId: null, topupId: null });
    expect(await call('print.job', { jobId: job.id, waitMs: 10_000 })).toMatchObject({ status: 'printed', errorCode: null });
    const paper = decodeEscpos(await fake.nextJob());
    const text = paper.textLines.join('\n');
    for (const expected of ['交班报告（Z）', '收银员', '店主', '备用金', '¥500.00', '现金收款', '¥28.00', '现金充值', '¥200.00', '应有现金', '¥728.00', '实点现金', '¥725.00', '短款', '-¥3.00', '微信', '¥36.00', '销售 2 笔', '¥64.00', '充值 1 笔']) {
      expect(text).toContain(expected);
    }
    expect(paper.cuts).toBe(1);
    // No drawer kick for a report, and every line fits the 58 mm paper's 32 columns.
    expect(paper.drawerKicks).toBe(0);
    expect(Math.max(...paper.lineColumns)).toBeLessThanOrEqual(32);
  });

  it('in English on 80 mm paper, an open shift prints as a report so far', async () => {
    await call('settings.update', { locale: 'en' });
    const opened = await dayOfShift();
    const doc = shiftReportDocument(runtime.ledger, opened.id, getSettings(runtime.ledger));
    const markup = shiftReportMarkup(doc, 80);
    expect(markup).toContain('Shift report (still open)');
    expect(markup).toContain('Expected cash');
    expect(markup).not.toContain('Counted cash');
  });

  it('refuses to print with the printer’s error when none is set, and writes no job', async () => {
    const opened = await dayOfShift();
    expect((await refusal('shifts.print', { shiftId: opened.id, staffId })).code).toBe('PRINTER_NOT_SET');
    await call('settings.update', { printing: { ...DEFAULT_SETTINGS.printing, connection: 'system' } });
    expect((await refusal('shifts.print', { shiftId: opened.id, staffId })).code).toBe('PRINTER_SYSTEM_UNAVAILABLE');
    expect(runtime.ledger.sqlite.prepare('select count(*) as n from print_jobs').get()).toEqual({ n: 0 });
    expect(runtime.ledger.sqlite.prepare('select count(*) as n from shift_print_jobs').get()).toEqual({ n: 0 });
  });
});
