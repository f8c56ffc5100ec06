/**
 * The demo shop in Chromium, against `npm run serve`: a cashier finds a member by the last 4 digits of
 * the phone, opens them, and sees the balance and history the API reports; then switches to English.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src-main/api/money-format.ts';
import type { Member, MemberHistory, MemberSummary } from '../../src-main/ledger/types.ts';
import { launchChromium, screenshot, serve, type Served } from './harness.ts';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serve({ demo: true });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('member lookup in the demo shop', () => {
  it('finds a member by the last 4 digits, shows balance and history as the API has them, and switches to English', async () => {
    // The API's own view of the member the test will look for.
    const matches = await served.api<MemberSummary[]>('members.search', { query: '5678' });
    const target = matches.find((m) => m.phone.endsWith('5678'))!;
    expect(target).toBeDefined();
    const member = await served.api<Member>('members.get', { memberId: target.id });
    const history = await served.api<MemberHistory>('members.history', { memberId: target.id, limit: 1000 });
    expect(member.balancePrincipalMinor + member.balanceBonusMinor).toBeGreaterThan(0);
    expect(history.bills.length).toBeGreaterThan(10);

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(served.openUrl);
    // The till opens on checkout; F6 is the members screen.
    await page.getByRole('link', { name: /收银/ }).waitFor();
    await page.keyboard.press('F6');
    const search = page.getByRole('searchbox', { name: '搜索会员' });
    await search.waitFor();
    // The token is taken out of the address bar once read.
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await page.keyboard.type('5678');
    const results = page.getByRole('listbox', { name: '搜索结果' });
    const row = results.getByRole('option', { name: new RegExp(`${member.name}，会员号 ${member.code}`) });
    await row.waitFor();
    await screenshot(page, 'members-search-zh-CN');
    await row.click();

    await page.getByRole('heading', { level: 1, name: member.name }).waitFor();
    const principal = page.getByRole('group', { name: '储值本金' });
    const bonus = page.getByRole('group', { name: '赠送余额' });
    const points = page.getByRole('group', { name: '积分余额' });
    expect(await principal.textContent()).toContain(formatMoney(member.balancePrincipalMinor, 'CNY', 'zh-CN'));
    expect(await bonus.textContent()).toContain(formatMoney(member.balanceBonusMinor, 'CNY', 'zh-CN'));
    expect((await points.textContent())?.replace(/[,，\s]/g, '')).toContain(String(member.points));

    // Every bill of the member is listed, newest first, with its number.
    const billsTable = page.getByRole('table', { name: '账单' });
    await billsTable.waitFor();
    const newest = history.bills[0]!;
    await billsTable.getByRole('button', { name: newest.billNo }).waitFor();
    expect(await billsTable.getByRole('row').count()).toBe(history.bills.length + 1); // + header row
    await screenshot(page, 'member-page-zh-CN');

    // Open the newest bill: the total shown is the bill's total.
    await billsTable.getByRole('button', { name: newest.billNo }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(newest.billNo) });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(formatMoney(Math.abs(newest.totalMinor), 'CNY', 'zh-CN'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Switch the interface to English: same figures, English labels and money format.
    await page.getByRole('radio', { name: 'English' }).check();
    const principalEn = page.getByRole('group', { name: 'Principal balance' });
    await principalEn.waitFor();
    expect(await principalEn.textContent()).toContain(formatMoney(member.balancePrincipalMinor, 'CNY', 'en'));
    await page.getByRole('table', { name: 'Bills' }).waitFor();
    await screenshot(page, 'member-page-en');
    const info = await served.api<{ settings: { locale: string } }>('app.info');
    expect(info.settings.locale).toBe('en');
    await page.close();
  });
});
