/**
 * The owner's reports in Chromium against the demo shop. The owner opens 报表 from the top bar, picks
 * last month with the keyboard, then types the demo's November (1–20) into the date fields: the daily
 * chart draws a bar for every day with sales, the headline figure and the table's total are the
 * ledger's net sales (through the API), and cutting by week redraws it. Both exports are downloaded
 * and read back: the CSV (BOM, Chinese headings, the total row in yuan) and the XLSX (the same total
 * as a number formatted #,##0.00). Then, by keyboard, the top members tab, a member's drill-down
 * (Enter on the name; Esc back), and what is owed to members. Screenshots at 1366×768, in Chinese and
 * in English.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMoney, minorToInput } from '../../src-main/api/money-format.ts';
import { businessDate } from '../../src-main/ledger/time.ts';
import type { LiabilityReport, MemberReport, SalesReport, TopMembersReport } from '../../src-main/reports/types.ts';
import { demoTill, expectFocused, isFocused, openTill, screenshot } from './harness.ts';

const till = demoTill();
const NOVEMBER = { from: '2026-11-01', to: '2026-11-20' } as const;
const zh = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN');
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Saves a download into a fresh folder and returns its bytes and name. */
async function saved(download: Download): Promise<{ name: string; bytes: Buffer }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-report-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true, force: true });
  return { name: download.suggestedFilename(), bytes };
}

/** Presses Tab until `target` has the focus (at most `max` times): how a keyboard user gets there. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, max = 40): Promise<void> {
  for (let i = 0; i < max && !(await isFocused(target)); i++) await page.keyboard.press('Tab');
  await expectFocused(target);
}

describe('reports', () => {
  it('shows November’s sales as a chart and figures that are the ledger’s, and exports them as CSV and XLSX', async () => {
    const page = await openTill(till);
    await page.getByRole('link', { name: /报表/ }).click();
    await page.getByRole('heading', { level: 1, name: '报表' }).waitFor();
    expect(await page.getByRole('tab', { name: '销售' }).getAttribute('aria-selected')).toBe('true');

    // Last month, by keyboard: the dates follow the button, which shows pressed.
    const lastMonth = page.getByRole('button', { name: '上月' });
    await tabTo(page, lastMonth);
    await page.keyboard.press('Enter');
    await expect.poll(() => lastMonth.getAttribute('aria-pressed')).toBe('true');
    const now = new Date();
    const expectedFrom = businessDate(new Date(now.getFullYear(), now.getMonth() - 1, 1));
    const expectedTo = businessDate(new Date(now.getFullYear(), now.getMonth(), 0));
    await expect.poll(() => page.getByLabel('开始日期').inputValue()).toBe(expectedFrom);
    expect(await page.getByLabel('结束日期').inputValue()).toBe(expectedTo);

    // Any other dates: the demo's November up to its last day.
    await page.getByLabel('开始日期').fill(NOVEMBER.from);
    await page.getByLabel('结束日期').fill(NOVEMBER.to);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/reports/sales?from=${NOVEMBER.from}&to=${NOVEMBER.to}`);

    const report = await till.served.api<SalesReport>('reports.sales', { ...NOVEMBER, groupBy: 'day' });
    expect(report.buckets).toHaveLength(20);
    expect(report.totals.netMinor).toBeGreaterThan(0);
    expect(report.totals.netMinor).toBe(report.totals.salesMinor - report.totals.refundsMinor);

    // The chart: one bar per day with sales, and the payment methods beside it.
    const daily = page.getByRole('figure', { name: '每日净销售额' });
    await expect.poll(() => daily.locator('svg .recharts-bar-rectangle').count()).toBe(report.buckets.filter((b) => b.netMinor !== 0).length);
    const heights = await daily.locator('svg .recharts-bar-rectangle path').evaluateAll((paths) => paths.map((p) => (p as SVGGraphicsElement).getBBox().height));
    expect(Math.min(...heights)).toBeGreaterThan(10);
    expect(await page.getByRole('figure', { name: '付款方式' }).locator('svg .recharts-bar-rectangle').count()).toBe(report.byMethod.filter((m) => m.netMinor !== 0).length);

    // The figures: the headline and the table's total are the ledger's.
    expect(flat(await page.getByRole('group', { name: '净销售额' }).textContent())).toContain(zh(report.totals.netMinor));
    expect(flat(await page.getByRole('group', { name: '新收款' }).textContent())).toContain(zh(report.totals.takenMinor));
    const details = page.getByRole('table', { name: '明细' });
    expect(await details.locator('tbody tr').count()).toBe(20);
    expect(flat(await details.locator('tfoot').textContent())).toContain(zh(report.totals.netMinor));
    const methods = page.getByRole('table', { name: '付款方式' });
    expect(flat(await methods.locator('tbody tr', { hasText: '储值' }).first().textContent())).toContain('储值（充值时已收款）');
    await screenshot(page, 'reports-sales-zh-CN');

    // Exported as CSV: the BOM, the headings on screen, the total in yuan.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const csv = await saved(csvDownload);
    expect(csv.name).toBe(`销售报表_${NOVEMBER.from}_${NOVEMBER.to}.csv`);
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1)).data;
    expect(rows[1]).toEqual(['开始日期', '结束日期', '销售单数', '销售额', '退款单数', '退款额', '净销售额', '会员折扣', '发放积分']);
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total.slice(2, 7)).toEqual([String(report.totals.salesCount), minorToInput(report.totals.salesMinor, 'CNY'), String(report.totals.refundsCount), minorToInput(report.totals.refundsMinor, 'CNY'), minorToInput(report.totals.netMinor, 'CNY')]);

    // Exported as XLSX: a worksheet per table, the same total as a number in yuan.
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    const xlsx = await saved(xlsxDownload);
    expect(xlsx.name).toBe(`销售报表_${NOVEMBER.from}_${NOVEMBER.to}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['销售', '付款方式']);
    const sheet = workbook.getWorksheet('销售')!;
    const totalRow = sheet.getRow(2 + 20 + 1);
    expect(totalRow.getCell(1).value).toBe('合计');
    expect(totalRow.getCell(7).value).toBe(report.totals.netMinor / 100);
    expect(totalRow.getCell(7).numFmt).toBe('#,##0.00');

    // By week: Monday-first weeks (1 November is a Sunday: a week of its own), still the same total.
    const weeks = await till.served.api<SalesReport>('reports.sales', { ...NOVEMBER, groupBy: 'week' });
    expect(weeks.buckets.map((b) => b.start)).toEqual(['2026-11-01', '2026-11-02', '2026-11-09', '2026-11-16']);
    await page.getByRole('radio', { name: '周' }).check();
    await expect.poll(() => page.getByRole('figure', { name: '每周净销售额' }).locator('svg .recharts-bar-rectangle').count()).toBe(4);
    expect(flat(await page.getByRole('table', { name: '明细' }).locator('tfoot').textContent())).toContain(zh(report.totals.netMinor));
    await page.close();
  });

  it('opens the top members by keyboard, a member’s every bill and movement, and what is owed to members', async () => {
    const page = await openTill(till);
    await page.evaluate((hash) => (location.hash = hash), `#/reports/sales?from=${NOVEMBER.from}&to=${NOVEMBER.to}`);
    const salesTab = page.getByRole('tab', { name: '销售' });
    await salesTab.waitFor();
    await salesTab.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    const topTab = page.getByRole('tab', { name: '会员排行' });
    await expectFocused(topTab);
    expect(await topTab.getAttribute('aria-selected')).toBe('true');

    const top = await till.served.api<TopMembersReport>('reports.topMembers', { ...NOVEMBER, limit: 50 });
    const best = top.members[0]!;
    const table = page.getByRole('table', { name: '会员消费排行' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(top.members.length);
    expect(flat(await table.locator('tbody tr').first().textContent())).toContain(zh(best.netMinor));
    expect(await page.getByRole('figure', { name: /消费最多的 10 位会员/ }).locator('svg .recharts-bar-rectangle').count()).toBe(10);

    // Enter on the first name opens the drill-down; its figures and every bill are the ledger's.
    const open = page.getByRole('button', { name: `查看 ${best.name} 的明细` });
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `${best.name} 的明细` }).waitFor();
    const drill = await till.served.api<MemberReport>('reports.member', { memberId: best.memberId, ...NOVEMBER });
    expect(drill.figures.netMinor).toBe(best.netMinor);
    expect(await page.getByRole('table', { name: '账单' }).locator('tbody tr').count()).toBe(drill.bills.length);
    expect(await page.getByRole('table', { name: '明细' }).locator('tbody tr').count()).toBe(drill.ledger.entries.length);
    expect(flat(await page.getByRole('group', { name: '期末储值余额' }).textContent())).toContain(zh(drill.ledger.closing.balanceMinor));
    await screenshot(page, 'reports-member-zh-CN');
    await page.keyboard.press('Escape');
    await table.waitFor();

    // What is owed to members, today: the ledger's figures.
    await page.getByRole('tab', { name: '储值与积分' }).click();
    const owed = await till.served.api<LiabilityReport>('reports.liability', {});
    await expect.poll(async () => flat(await page.getByRole('group', { name: '欠会员的储值' }).textContent())).toContain(zh(owed.storedValue.totalMinor));
    expect(await page.getByRole('figure', { name: /储值账龄/ }).locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    const aging = page.getByRole('table', { name: '储值账龄' });
    expect(await aging.locator('tbody tr').count()).toBe(6);
    expect(flat(await aging.locator('tfoot').textContent())).toContain(zh(owed.storedValue.totalMinor));
    await screenshot(page, 'reports-liability-zh-CN');

    // In English: the same report in the other language.
    await page.getByRole('radio', { name: 'English' }).check();
    await page.evaluate((hash) => (location.hash = hash), `#/reports/members?from=${NOVEMBER.from}&to=${NOVEMBER.to}&group=week`);
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByRole('figure', { name: 'Members and walk-ins by week' }).locator('svg .recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'reports-customers-en');
    await page.getByRole('radio', { name: '中文' }).check();
    await page.close();
  });
});
