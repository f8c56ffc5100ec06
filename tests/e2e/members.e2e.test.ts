/**
 * The demo shop in Chromium, against `npm run serve`: a cashier finds a member by the last 4 digits of
 * the phone, opens them, and sees the balance and history the API reports; then switches to English.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src-main/api/money-format.ts';
import type { MemberHistory } from '../../src-main/ledger/types.ts';
import { demoTill, expectFocused, knownMember, openTill, screenshot } from './harness.ts';

const till = demoTill();

describe('member lookup in the demo shop', () => {
  it('finds a member by the last 4 digits, shows balance and history as the API has them, and switches to English', async () => {
    // The API's own view of the member the test will look for.
    const member = await knownMember(till.served);
    expect(member.phone.endsWith('5678')).toBe(true);
    const history = await till.served.api<MemberHistory>('members.history', { memberId: member.id, limit: 1000 });
    expect(member.balancePrincipalMinor + member.balanceBonusMinor).toBeGreaterThan(0);
    expect(history.bills.length).toBeGreaterThan(10);

    // The till opens on checkout; F6 is the members screen.
    const page = await openTill(till);
    await page.keyboard.press('F6');
    const search = page.getByRole('searchbox', { name: '搜索会员' });
    await search.waitFor();
    // The token is taken out of the address bar once read.
    expect(page.url()).not.toContain('token=');
    await expectFocused(search);

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
    const info = await till.served.api<{ settings: { locale: string } }>('app.info');
    expect(info.settings.locale).toBe('en');

    // From a member's page, F4 tops up and F3 starts a sale for this member.
    await page.keyboard.press('F4');
    await page.getByRole('region', { name: 'Member' }).getByText(member.name).waitFor();
    expect(page.url()).toContain(`#/topup?member=${member.id}`);
    await page.goBack();
    await page.getByRole('table', { name: 'Bills' }).waitFor();
    await page.keyboard.press('F3');
    await page.getByRole('region', { name: 'Member' }).getByText(member.name).waitFor();
    expect(page.url()).toContain(`#/checkout?member=${member.id}`);
    await page.getByRole('radio', { name: '中文' }).check();
    await page.close();
  });
});
