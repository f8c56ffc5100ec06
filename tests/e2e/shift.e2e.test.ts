/**
 * Shift close (交班) in Chromium against a copy of the demo shop, keyboard only: open a shift with a
 * float (type, Enter), ring up a cash sale at the checkout, come back and see the drawer expect it,
 * count the drawer note by note (Enter moves on, F9 closes) one yuan short, and read the Z report —
 * on screen, in the ledger through the API, and on paper (Ctrl+P: refused with no printer, then printed on
 * a fake network printer and read back).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../src-main/api/contract.ts';
import { formatMoney } from '../../src-main/api/money-format.ts';
import { DEMO_OWNER_PIN } from '../../src-main/demo/demo-staff.ts';
import { startLoopbackPrinter } from '../../src-main/demo/loopback-printer.ts';
import { DEFAULT_SETTINGS } from '../../src-main/ledger/settings-schema.ts';
import { decodeEscpos } from '../../src-main/print/escpos/decode.ts';
import type { Product } from '../../src-main/ledger/types.ts';
import type { Shift, ShiftReport } from '../../src-main/shifts/types.ts';
import { demoTill, expectFocused, focusedName, openTill, screenshot, startNextSale } from './harness.ts';

let latte: Product;

const till = demoTill(async ({ served }) => {
  // The till's session is the app's: signed in here, the page is signed in as the owner too.
  const owner = (await served.api<AppInfo>('app.info', {})).staff.find((s) => s.role === 'owner')!;
  await served.api('staff.signIn', { staffId: owner.id, pin: DEMO_OWNER_PIN });
  const products = await served.api<Product[]>('products.list', {});
  latte = products.find((p) => p.name === '拿铁')!;
});

const zh = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN');
const en = (minor: number) => formatMoney(minor, 'CNY', 'en');
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

async function goToShift(page: Page) {
  await page.getByRole('link', { name: /交班/ }).click();
  await page.getByRole('heading', { name: '交班', level: 1 }).waitFor();
}

/** A walk-in sale of one latte paid with ¥50 in cash, at the checkout, by keyboard. */
async function cashSale(page: Page) {
  await page.keyboard.press('F3');
  await expect.poll(() => focusedName(page)).toBe('查找会员');
  await page.keyboard.press('F10');
  await page.getByText('散客消费（不记会员）').waitFor();
  await page.keyboard.type(latte.barcode!, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.getByRole('row', { name: `${latte.name}，数量 1` }).waitFor();
  await page.keyboard.press('F9');
  await expect.poll(() => focusedName(page)).toBe('现金实收');
  await page.keyboard.type('50');
  await page.keyboard.press('F9');
  await page.getByRole('heading', { name: '收款完成' }).waitFor();
  await startNextSale(page);
}

describe('shift close at the till, keyboard only', () => {
  it('opens with a float, expects the cash sale, counts one yuan short and shows the Z report', async () => {
    expect(await till.served.api<ShiftReport | null>('shifts.current', {})).toBeNull();
    const page = await openTill(till);
    await goToShift(page);

    // No shift: the float field has the focus; type and Enter.
    const float = page.getByRole('textbox', { name: '备用金' });
    await expectFocused(float);
    await page.keyboard.type('500');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '进行中的班次' }).waitFor();
    const opened = (await till.served.api<ShiftReport | null>('shifts.current', {}))!;
    expect(opened.floatMinor).toBe(50_000);

    await cashSale(page);
    await goToShift(page);
    const expected = 50_000 + latte.priceMinor;
    const report = page.getByRole('region', { name: '进行中的班次' });
    await expect.poll(async () => flat(await report.getByRole('region', { name: '钱箱现金' }).textContent())).toContain(`应有现金${zh(expected)}`);
    expect(flat(await report.getByRole('region', { name: '钱箱现金' }).textContent())).toContain(`现金收款${zh(latte.priceMinor)}`);
    await screenshot(page, 'shift-running-zh-CN');

    // F9: count the drawer. ¥100 × 5, then Enter past ¥50 and ¥20 (none), ¥10 × 2, ¥5 × 1, ¥1 × 2: the latte
    // (¥28) makes ¥528 expected, ¥527 counted.
    await page.keyboard.press('F9');
    await page.getByRole('heading', { name: '清点现金' }).waitFor();
    await expectFocused(page.getByRole('textbox', { name: '¥100.00 的数量' }));
    for (const count of ['5', '', '', '2', '1', '2']) {
      if (count) await page.keyboard.type(count);
      await page.keyboard.press('Enter');
    }
    await expectFocused(page.getByRole('textbox', { name: '¥0.50 的数量' }));
    const result = page.locator('.shift-count-result');
    await expect.poll(async () => flat(await result.textContent())).toContain(`实点现金${zh(expected - 100)}`);
    expect(flat(await result.textContent())).toContain(`短款 ${zh(100)}`);
    expect(await result.getAttribute('class')).toContain('is-short');
    await screenshot(page, 'shift-count-zh-CN');

    await page.keyboard.press('F9');
    const z = page.getByRole('region', { name: '交班报告' });
    await z.waitFor();
    const zText = flat(await z.textContent());
    expect(zText).toContain(`应有现金${zh(expected)}`);
    expect(zText).toContain(`实点现金${zh(expected - 100)}`);
    expect(zText).toContain(`短款 ${zh(100)}`);
    expect(zText).toContain('¥100.00 × 5');
    await screenshot(page, 'shift-report-zh-CN');

    // The ledger froze the same figures.
    const closed = await till.served.api<ShiftReport>('shifts.report', { shiftId: opened.id });
    expect(closed.close).toMatchObject({ expectedMinor: expected, countedMinor: expected - 100, overShortMinor: -100 });
    expect(closed.totals.bills).toMatchObject({ salesCount: 1, salesMinor: latte.priceMinor });
    expect(await till.served.api<ShiftReport | null>('shifts.current', {})).toBeNull();
    const listed = await till.served.api<Shift[]>('shifts.list', { from: closed.businessDate, to: closed.businessDate });
    expect(listed[0]).toMatchObject({ id: opened.id, close: { overShortMinor: -100 } });

    // Ctrl+P with no printer set: the printer's own refusal, nothing else happens.
    await page.keyboard.press('Control+P');
    await z.getByText('还没有设置小票打印机').waitFor();
    // With a thermal printer on the network (a fake one here), Ctrl+P prints it and says so.
    const printer = await startLoopbackPrinter();
    try {
      await till.served.api('settings.update', { printing: { ...DEFAULT_SETTINGS.printing, connection: 'network', host: '127.0.0.1', port: printer.port, autoPrint: false } });
      await page.keyboard.press('Control+P');
      await z.getByText('已打印').waitFor({ timeout: 15_000 });
      const paper = decodeEscpos(await printer.nextJob()).textLines.join('\n');
      for (const line of ['交班报告（Z）', '应有现金', zh(expected), '实点现金', zh(expected - 100), '短款', '-' + zh(100)]) expect(paper).toContain(line);
    } finally {
      await till.served.api('settings.update', { printing: DEFAULT_SETTINGS.printing });
      await printer.close();
    }

    // Enter: done; the till is ready for the next shift, and the past shifts list has this one.
    await page.keyboard.press('Enter');
    await expectFocused(page.getByRole('textbox', { name: '备用金' }));
    await page.getByRole('region', { name: '最近的班次' }).getByRole('button', { name: /查看 店主/ }).first().waitFor();
    await screenshot(page, 'shift-open-zh-CN');

    // In English: the same shift from the list of recent shifts (Tab to it, Enter), Esc back.
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { name: 'Shift close', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Recent shifts' }).getByRole('button', { name: /View 店主/ }).first().focus();
    await page.keyboard.press('Enter');
    const zEn = page.getByRole('region', { name: 'Shift close report' });
    await zEn.waitFor();
    const enText = flat(await zEn.textContent());
    expect(enText).toContain(`Expected cash${en(expected)}`);
    expect(enText).toContain(`Short by ${en(100)}`);
    await screenshot(page, 'shift-report-en');
    await page.keyboard.press('Escape');
    await expectFocused(page.getByRole('textbox', { name: 'Float' }));
    await page.getByRole('radio', { name: '中文' }).check();
    await page.close();
  });
});
