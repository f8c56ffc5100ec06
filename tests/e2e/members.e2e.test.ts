/**
 * The demo shop in Chromium, against `npm run serve`: a cashier finds a member by the last 4 digits of
 * the phone, opens them, and sees the balance and history the API reports; then switches to English.
 * Then, on the member page, contact consent is switched by keyboard, the outlook shows what the API
 * reports, and a logged call appears in the contact history.
 */
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../src-main/api/contract.ts';
import { formatMoney } from '../../src-main/api/money-format.ts';
import type { Member, MemberHistory } from '../../src-main/ledger/types.ts';
import type { MemberOutlook, Segment } from '../../src-main/retention/types.ts';
import { retentionText } from '../../src-renderer/components/retention-text.ts';
import { demoTill, expectFocused, knownMember, openTill, screenshot } from './harness.ts';

const SEGMENT_NAMES: Record<Segment, string> = retentionText.zhCN.segment;

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

    // The latest 100 bills are listed, newest first, with their numbers; "show more" lists the rest.
    const billsTable = page.getByRole('table', { name: '账单' });
    await billsTable.waitFor();
    const newest = history.bills[0]!;
    await billsTable.getByRole('button', { name: newest.billNo }).waitFor();
    expect(await billsTable.getByRole('row').count()).toBe(Math.min(history.bills.length, 100) + 1); // + header row
    if (history.bills.length >= 100) {
      await page.getByRole('button', { name: '显示更多' }).click();
      await billsTable.getByRole('button', { name: history.bills.at(-1)!.billNo }).waitFor();
      expect(await billsTable.getByRole('row').count()).toBe(history.bills.length + 1);
    }
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

describe('keeping a member: consent, outlook and contacts', () => {
  it('switches marketing consent off and on and sets do-not-contact from the member page, then logs a call', async () => {
    const member = await knownMember(till.served);
    const staff = (await till.served.api<AppInfo>('app.info')).staff;
    const page = await openTill(till);
    await page.evaluate((id) => {
      location.hash = `#/members/${id}`;
    }, member.id);
    await page.getByRole('heading', { level: 1, name: member.name }).waitFor();

    // The outlook block shows what retention.outlook reports.
    const outlook = await till.served.api<MemberOutlook>('retention.outlook', { memberId: member.id });
    const outlookCard = page.getByRole('region', { name: '回头展望' });
    await outlookCard.getByRole('group', { name: '活跃时月均消费' }).getByText(formatMoney(outlook.member.monthlySpendMinor, 'CNY', 'zh-CN')).waitFor();
    if (outlook.member.rfm) await outlookCard.getByRole('group', { name: '会员分群' }).getByText(SEGMENT_NAMES[outlook.member.rfm.segment]).waitFor();
    expect(await page.locator('.member-title-line').getByText('流失', { exact: true }).count()).toBe(outlook.lapsed ? 1 : 0);

    // Marketing consent: a switch, by keyboard, recorded at once.
    const marketing = page.getByRole('switch', { name: '营销短信' });
    const start = member.smsMarketingConsent;
    expect(await marketing.isChecked()).toBe(start);
    await marketing.focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await till.served.api<Member>('members.get', { memberId: member.id })).smsMarketingConsent).toBe(!start);
    await expect.poll(() => marketing.isChecked()).toBe(!start);
    await expectFocused(marketing);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await till.served.api<Member>('members.get', { memberId: member.id })).smsMarketingConsent).toBe(start);
    await expect.poll(() => marketing.isChecked()).toBe(start);
    // Off, then on: whatever it was, it ends agreed.
    if (!start) {
      await page.keyboard.press('Space');
      await expect.poll(async () => (await till.served.api<Member>('members.get', { memberId: member.id })).smsMarketingConsent).toBe(true);
    }
    await page.getByRole('switch', { name: '营销短信' }).locator('xpath=..').getByText('已同意').waitFor();

    // Do not contact: the header says so.
    const header = page.locator('.member-title-line');
    expect(await header.getByText('勿扰', { exact: true }).count()).toBe(0);
    const dnc = page.getByRole('switch', { name: '勿扰' });
    await page.keyboard.press('Tab');
    await expectFocused(dnc);
    await page.keyboard.press('Space');
    await header.getByText('勿扰', { exact: true }).waitFor();
    const after = await till.served.api<Member>('members.get', { memberId: member.id });
    expect(after).toMatchObject({ doNotContact: true, smsMarketingConsent: true, smsBillConsent: member.smsBillConsent });
    await screenshot(page, 'member-care-zh-CN-1366');

    // Log a call: outcome by arrow keys, feedback, F9.
    await page.getByRole('button', { name: '记录电话回访' }).click();
    const dialog = page.getByRole('dialog', { name: '记录电话回访' });
    await dialog.waitFor();
    await dialog.getByText('这位会员要求勿扰').waitFor();
    await expectFocused(dialog.getByRole('radio', { name: '已接通' }));
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: '答应再来' }).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await expectFocused(dialog.getByRole('textbox', { name: '会员反馈' }));
    await page.keyboard.type('下周带朋友来，想试试新品');
    await screenshot(page, 'member-log-call-zh-CN-1366');
    await page.keyboard.press('F9');
    await dialog.waitFor({ state: 'hidden' });

    const contacts = page.getByRole('table', { name: '回访记录' });
    const row = contacts.getByRole('row').filter({ hasText: '下周带朋友来，想试试新品' });
    await row.waitFor();
    expect(await row.textContent()).toContain('电话');
    expect(await row.textContent()).toContain('答应再来');
    const owner = staff.find((s) => s.role === 'owner')!;
    expect(await row.textContent()).toContain(owner.name);
    const logged = await till.served.api<MemberOutlook>('retention.outlook', { memberId: member.id });
    expect(logged.contacts.length).toBe(outlook.contacts.length + 1);
    expect(logged.contacts[0]).toMatchObject({ channel: 'call', outcome: 'will_visit', feedback: '下周带朋友来，想试试新品', staffName: owner.name });
    expect(await contacts.getByRole('row').count()).toBe(logged.contacts.length + 1); // + header row
    await screenshot(page, 'member-contacts-zh-CN-1366');

    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('table', { name: 'Contact history' }).getByText('Will visit').waitFor();
    await page.locator('.member-title-line').getByText('Do not contact', { exact: true }).waitFor();
    await screenshot(page, 'member-contacts-en-1366');
    await page.mouse.move(1150, 500);
    await page.mouse.wheel(0, 500);
    await page.getByRole('switch', { name: 'Do not contact' }).waitFor();
    await screenshot(page, 'member-care-en-1366');
    await page.getByRole('radio', { name: '中文' }).check();
    await page.close();
  });
});
