/**
 * Back office → Import and Export in Chromium against the demo shop, as the owner: upload a GBK CSV of
 * members with bad rows (setInputFiles), see GBK recognised, the mapping guessed and the bad rows with
 * their reasons, import with F9, see the result and download the rejected rows; then import past
 * visits for those members and see the lapsed figures follow; then export the members as CSV.
 * Screenshots of the preview and the result (test-output/screenshots/import-*.png).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ImportBatchSummary } from '../../src-main/imports/types.ts';
import type { Member, MemberSummary } from '../../src-main/ledger/types.ts';
import { demoTill, openTill, screenshot } from './harness.ts';

const till = demoTill();

/** Bytes as Excel on a Chinese Windows saves them: GBK, made once with Python `'…'.encode('gbk')`. */
const GBK_FIXTURE = path.join(import.meta.dirname, '../fixtures/imports/members-gbk.csv');

/** The fixture's phones: the demo shop has its own showcase member on 13812345678 (张三's row). */
const PHONES = { zhang: '13812345678', li: '13912345678', zheng: '13500000009', chen: '13500000010', feng: '13500000011' };

async function openOffice(page: Page, tab: 'import' | 'export') {
  await page.evaluate(`location.hash = '#/office/${tab}'`);
  await page.getByRole('heading', { name: tab === 'import' ? '导入' : '导出会员' }).first().waitFor();
}

const find = async (phone: string) => (await till.served.api<MemberSummary[]>('members.search', { query: phone }))[0];
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

describe('import and export in the back office', () => {
  it('a GBK member file with bad rows: preview, import with F9, the result and its report', async () => {
    for (const phone of [PHONES.li, PHONES.zheng, PHONES.chen, PHONES.feng]) expect(await find(phone), phone).toBeUndefined();
    const page = await openTill(till);
    await openOffice(page, 'import');

    await page.getByLabel('文件', { exact: true }).setInputFiles(GBK_FIXTURE);
    // The mapping the headers suggest, and how the file was read.
    await expect.poll(() => page.getByLabel('文字编码').inputValue()).toBe('auto');
    expect(await page.getByLabel('文字编码').locator('option:checked').textContent()).toContain('GBK');
    await expect.poll(() => page.getByLabel('储值余额', { exact: true }).locator('option:checked').textContent()).toBe('第 4 列 · 储值余额（元）');
    const counts = page.getByText(/^共 11 行/);
    await counts.waitFor();
    // 11 rows: 5 good, and 6 bad ones, 张三's phone is the demo shop's own showcase member.
    expect(flat(await counts.textContent())).toBe('共 11 行：4 行可以导入，7 行有问题');
    const rejected = page.getByRole('table', { name: '有问题的行（不会导入）' });
    const rowOf = (line: number) => rejected.getByRole('row').filter({ has: page.getByRole('cell', { name: String(line), exact: true }) });
    expect(flat(await rowOf(2).textContent())).toContain('这个手机号已经是会员');
    expect(flat(await rowOf(4).textContent())).toContain('手机号无效');
    expect(flat(await rowOf(5).textContent())).toContain('手机号与文件中前面的行重复');
    expect(flat(await rowOf(6).textContent())).toContain('储值余额不能是负数');
    expect(flat(await rowOf(7).textContent())).toContain('积分无效');
    expect(flat(await rowOf(9).textContent())).toContain('生日无效');
    // The first rows as they would be written: 李四's "1,280.50" as money, the phone in the till's form.
    const sample = page.getByRole('table', { name: '前 11 行' });
    expect(flat(await sample.getByRole('row').nth(2).textContent())).toContain('139 1234 5678');
    expect(flat(await sample.getByRole('row').nth(2).textContent())).toContain('¥1,280.50');
    await counts.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'import-preview-zh-CN');
    await rejected.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'import-preview-rejected-zh-CN');

    // The reason is filled in; F9 imports.
    await page.getByLabel('导入原因').fill('从旧收银系统迁移');
    await page.keyboard.press('F9');
    const result = page.getByRole('region', { name: '导入结果' });
    await result.waitFor();
    expect(flat(await result.getByRole('status').first().textContent())).toBe('已导入 4 行7 行未导入');
    // No bar left behind once the import has answered.
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await result.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'import-result-zh-CN');

    // The ledger: 李四 with the opening balance and points, as opening entries with the reason.
    const li = await till.served.api<Member>('members.get', { memberId: (await find(PHONES.li))!.id });
    expect([li.name, li.balancePrincipalMinor, li.balanceBonusMinor, li.points]).toEqual(['李四', 128_050, 0, 300]);
    const history = await till.served.api<{ wallet: Array<{ kind: string; reason: string }> }>('members.history', { memberId: li.id });
    expect(history.wallet.map((e) => [e.kind, e.reason])).toEqual([['opening', '从旧收银系统迁移']]);
    expect(await find('13700000001')).toBeUndefined();

    // The report of rejected rows: the file's own columns, the reasons last.
    const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: '下载未导入的行（CSV）' }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-import-')), download.suggestedFilename());
    await download.saveAs(file);
    const report = fs.readFileSync(file, 'utf8');
    expect(report.charCodeAt(0)).toBe(0xfeff);
    const lines = report.slice(1).trim().split(/\r\n/);
    expect(lines[0]).toBe('行号,会员卡号,姓名,手机号码,储值余额（元）,赠送余额,积分,生日,会员等级,备注,开卡日期,原因');
    expect(lines).toHaveLength(1 + 7);
    expect(lines.find((l) => l.startsWith('6,'))).toContain('储值余额不能是负数');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });

    // The past imports list shows it.
    const past = page.getByRole('region', { name: '导入记录' });
    await expect.poll(async () => flat(await past.textContent())).toContain('members-gbk.csv');

    // Importing the same file again writes nothing and says so.
    await page.getByRole('button', { name: '导入另一个文件' }).click();
    await page.getByLabel('文件', { exact: true }).setInputFiles(GBK_FIXTURE);
    await page.getByText(/已在 .* 导入过/).waitFor();
    expect(flat(await page.getByText(/^共 11 行/).textContent())).toBe('共 11 行：0 行可以导入，11 行有问题');
    expect(await page.getByRole('button', { name: /导入 0 行/ }).isDisabled()).toBe(true);
    await page.close();
  });

  it('past visits for the imported members: imported bills, and the member\'s visit figures follow', async () => {
    const page = await openTill(till);
    await openOffice(page, 'import');
    await page.getByRole('radio', { name: '历史消费' }).check();
    const today = new Date();
    const day = (ago: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - ago).toLocaleDateString('sv-SE');
    const rows = ['手机号,消费日期,实收金额', ...[70, 63, 56, 49, 42].map((ago) => `${PHONES.li},${day(ago)},28.00`), `13811112222,${day(3)},10`, `${PHONES.li},${day(-2)},10`];
    await page.getByLabel('文件', { exact: true }).setInputFiles({ name: '消费记录.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n'), 'utf8') });
    const counts = page.getByText(/^共 7 行/);
    await counts.waitFor();
    expect(flat(await counts.textContent())).toBe('共 7 行：5 行可以导入，2 行有问题');
    await page.getByRole('button', { name: /导入 5 行/ }).click();
    const result = page.getByRole('region', { name: '导入结果' });
    await result.waitFor();
    expect(flat(await result.getByRole('status').first().textContent())).toBe('已导入 5 行2 行未导入');
    await screenshot(page, 'import-visits-result-zh-CN');

    const li = await till.served.api<Member>('members.get', { memberId: (await find(PHONES.li))!.id });
    expect([li.visitCount, li.visitDays, li.firstVisitDate, li.lastVisitDate, li.totalSpentMinor]).toEqual([5, 5, day(70), day(42), 14_000]);
    const batches = await till.served.api<ImportBatchSummary[]>('imports.batches', {});
    expect(batches.map((b) => [b.kind, b.rowsImported, b.rowsRejected])).toEqual([
      ['visits', 5, 2],
      ['members', 4, 7],
    ]);
    await page.close();
  });

  it('the members export: a CSV download with a BOM and every active member', async () => {
    const page = await openTill(till);
    await openOffice(page, 'export');
    await page.getByRole('checkbox', { name: '包括已停用的会员' }).uncheck();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-export-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^会员-\d{8}\.csv$/);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('会员号,姓名,手机号,会员等级,储值余额,赠送余额,积分');
    expect(text).toMatch(/800002,李四,139 1234 5678,[^,]+,1280\.50,0\.00,300,05-12,2023-04-15/);
    await page.getByRole('status').filter({ hasText: '已导出' }).waitFor();
    await screenshot(page, 'export-zh-CN');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });

    // The import tab in English, with a file chosen.
    await page.getByRole('radio', { name: 'English' }).check();
    await page.evaluate(`location.hash = '#/office/import'`);
    await page.getByLabel('File', { exact: true }).setInputFiles(GBK_FIXTURE);
    const counts = page.getByText(/^11 rows:/);
    await counts.waitFor();
    expect(flat(await counts.textContent())).toBe('11 rows: 0 can be imported, 11 have problems');
    expect(flat(await page.getByRole('table', { name: 'Rows with problems (not imported)' }).textContent())).toContain('This phone is already a member’s');
    await screenshot(page, 'import-preview-en');
    await page.getByRole('radio', { name: '中文' }).check();
    await page.close();
  });
});
