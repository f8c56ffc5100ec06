/**
 * Back office → Backups in Chromium against the demo shop, as the owner, by keyboard: back up now (the
 * new backup is named on screen and is at the top of the list with the demo's member count), open it
 * (its figures, data version and integrity as the API reads them), check it, check the live data;
 * then restore it after a sale made since: F9 does nothing until "I understand" is ticked, the restore
 * says what came back, and the sale made after the backup is gone from the ledger. The folder and the
 * number of automatic backups kept are set by keyboard; a folder that cannot be used is refused in
 * words. Screenshots of the tab, the backup's dialog and the settings, in Chinese and English.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../src-main/api/contract.ts';
import type { BackupList, BackupPreview } from '../../src-main/backups/types.ts';
import type { CheckoutResult, DaySummary, StaffMember } from '../../src-main/ledger/types.ts';
import { businessDate } from '../../src-main/ledger/time.ts';
import { demoTill, expectFocused, openTill, screenshot } from './harness.ts';

let owner: StaffMember;
const till = demoTill(async ({ served }) => {
  owner = (await served.api<StaffMember[]>('staff.list')).find((s) => s.role === 'owner')!;
});

async function openBackups(page: Page): Promise<void> {
  await page.evaluate("location.hash = '#/office/backups'");
  await page.getByRole('heading', { name: '立即备份' }).waitFor();
}

/** Focus a control and press Enter, as a keyboard user does after tabbing to it. */
async function press(page: Page, name: string | RegExp, key = 'Enter'): Promise<void> {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' });
  await button.focus();
  await expectFocused(button);
  await page.keyboard.press(key);
}

const daySales = async () => (await till.served.api<DaySummary>('bills.daySummary', { businessDate: businessDate(new Date()) })).salesCount;

describe('backups in the back office', () => {
  it('backs up now, lists and previews the backup, checks it and the live data, and restores it', async () => {
    const page = await openTill(till);
    await openBackups(page);

    // Back up now: the status names the new file, and it heads the list with the demo's figures.
    await press(page, '立即备份');
    const status = page.getByRole('status').filter({ hasText: '已备份：' });
    await status.waitFor({ timeout: 30_000 });
    const list = await till.served.api<BackupList>('backups.list');
    const entry = list.entries.find((e) => e.kind === 'manual')!;
    expect(await status.textContent()).toContain(entry.name);
    expect(entry.facts!.memberCount).toBeGreaterThan(1000);
    const row = page.locator(`tr[data-backup="${entry.name}"]`);
    await row.waitFor();
    expect(await row.getByRole('cell').nth(0).textContent()).toBe('手动');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe(entry.facts!.memberCount.toLocaleString('zh-CN'));
    await screenshot(page, 'backups-tab');

    // Open it: what the API previews is what the dialog says.
    await press(page, `查看备份 ${entry.name}`);
    const dialog = page.getByRole('dialog', { name: `备份 ${entry.name}` });
    await dialog.waitFor();
    const preview = await till.served.api<BackupPreview>('backups.preview', { file: entry.file });
    expect(preview).toMatchObject({ integrityOk: true, schema: 'same', problem: null });
    const facts = dialog.locator('.backup-facts');
    await expect.poll(() => facts.textContent()).toContain('完好');
    const text = (await facts.textContent()) ?? '';
    expect(text).toContain(preview.facts!.memberCount.toLocaleString('zh-CN'));
    expect(text).toContain(preview.facts!.billCount.toLocaleString('zh-CN'));
    expect(text).toContain('与本软件相同');

    // "Check this backup" has the focus when the dialog opens: Enter runs it.
    await expectFocused(dialog.getByRole('button', { name: '检查这个备份' }));
    await page.keyboard.press('Enter');
    await dialog.getByText('没有发现问题').waitFor({ timeout: 30_000 });
    await screenshot(page, 'backups-preview');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The live data's check.
    await press(page, '检查当前数据');
    await page.locator('.backups-tab').getByText('没有发现问题').waitFor({ timeout: 30_000 });

    // A sale after the backup; then restore the backup.
    const salesAtBackup = await daySales();
    await till.served.api<CheckoutResult>('checkout.commit', {
      idempotencyKey: crypto.randomUUID(),
      staffId: owner.id,
      memberId: null,
      lines: [{ name: '备份后的一杯咖啡', amountMinor: 2_500 }],
      payments: [{ method: 'card', amountMinor: 2_500 }],
    });
    expect(await daySales()).toBe(salesAtBackup + 1);

    await press(page, `查看备份 ${entry.name}`);
    await dialog.waitFor();
    await dialog.getByText('恢复会替换现在的全部数据').waitFor();
    const restore = dialog.getByRole('button', { name: /恢复这个备份/ });
    // F9 does nothing until the owner has ticked that the data now will be replaced.
    expect(await restore.isDisabled()).toBe(true);
    await page.keyboard.press('F9');
    expect(await dialog.getByText('已恢复').count()).toBe(0);
    const understood = dialog.getByRole('checkbox', { name: '我明白现在的数据会被替换' });
    await understood.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => restore.isDisabled()).toBe(false);
    await page.keyboard.press('F9');
    await dialog.getByRole('heading', { name: '已恢复' }).waitFor({ timeout: 30_000 });
    expect(await dialog.textContent()).toContain(`${entry.facts!.memberCount.toLocaleString('zh-CN')} 位会员`);
    // The sale made after the backup is gone; the data before the restore was kept.
    expect(await daySales()).toBe(salesAtBackup);
    const after = await till.served.api<BackupList>('backups.list');
    expect(after.entries.some((e) => e.kind === 'pre-restore')).toBe(true);
    await expectFocused(dialog.getByRole('button', { name: '完成' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator(`tr[data-backup="${after.entries.find((e) => e.kind === 'pre-restore')!.name}"]`).waitFor();
  });

  it('sets where backups go and how many automatic ones are kept, by keyboard; refuses a folder it cannot use', async () => {
    const page = await openTill(till);
    await openBackups(page);
    const folder = page.getByLabel('备份文件夹');
    const stick = path.join(till.served.dataDir, 'usb-stick', 'regulars');
    await folder.focus();
    await page.keyboard.type(stick);
    const keep = page.getByLabel('保留自动备份');
    await keep.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    expect((await till.served.api<AppInfo>('app.info')).settings.backups).toEqual({ folder: stick, daily: true, keep: 3 });
    expect(fs.statSync(stick).isDirectory()).toBe(true);

    // A folder that cannot be made (inside a file): refused in words, the setting stays.
    const blocker = path.join(till.served.dataDir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    await folder.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(path.join(blocker, 'backups'));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '无法使用备份文件夹' }).waitFor();
    expect((await till.served.api<AppInfo>('app.info')).settings.backups.folder).toBe(stick);

    // Back to the default.
    await press(page, '使用默认位置');
    await folder.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    expect((await till.served.api<AppInfo>('app.info')).settings.backups).toEqual({ folder: '', daily: true, keep: 3 });
  });

  it('looks right in English', async () => {
    const page = await openTill(till);
    await openBackups(page);
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { name: 'Back up now' }).waitFor();
    await page.getByRole('table', { name: 'Backup files' }).waitFor();
    await screenshot(page, 'backups-tab-en');
    await page.getByRole('button', { name: 'Save', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'backups-settings-en');
    const first = (await till.served.api<BackupList>('backups.list')).entries[0]!;
    await press(page, `Open backup ${first.name}`);
    const dialog = page.getByRole('dialog', { name: `Backup ${first.name}` });
    await dialog.getByText('Same as this app').waitFor();
    await screenshot(page, 'backups-preview-en');
    await page.keyboard.press('Escape');
    await page.getByRole('radio', { name: '中文' }).check();
  });
});
