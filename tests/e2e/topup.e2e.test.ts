/**
 * Top-up in Chromium against `npm run serve` on the demo shop, keyboard only: find the member, reach
 * a bonus rule, pay by card, confirm (twice, as a hurried cashier would) and check the numbers shown
 * against the ledger; then a new member made in the quick dialog (F2) and topped up straight away.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src-main/api/money-format.ts';
import type { Member, MemberHistory, MemberSummary, TopupQuote } from '../../src-main/ledger/types.ts';
import { demoTill, expectFocused, knownMember, openTill, screenshot } from './harness.ts';

const till = demoTill();

const zh = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN');
const en = (minor: number) => formatMoney(minor, 'CNY', 'en');

/** Counts the page's calls to one API method (to prove a screen sent nothing, or not twice). */
function countCalls(page: Page, method: string): { count: () => number } {
  let n = 0;
  page.on('request', (request) => {
    if (request.url().endsWith(`/api/${method}`)) n++;
  });
  return { count: () => n };
}

/** The top-up screen (F4) on a new page, with the member search focused. */
async function openTopup(): Promise<Page> {
  const page = await openTill(till);
  await page.keyboard.press('F4');
  const search = page.getByRole('combobox', { name: '查找充值会员' });
  await search.waitFor();
  await expectFocused(search);
  return page;
}

describe('top-up in the demo shop', () => {
  let page: Page;

  it('tops up with a bonus by keyboard only: numbers shown match the ledger, and a double confirm makes one top-up', async () => {
    const before = await knownMember(till.served);
    const historyBefore = await till.served.api<MemberHistory>('members.history', { memberId: before.id, limit: 1000 });
    const quote500 = await till.served.api<TopupQuote>('topups.quote', { principalMinor: 50_000 });
    const quote300 = await till.served.api<TopupQuote>('topups.quote', { principalMinor: 30_000 });
    expect(quote500.bonusMinor).toBeGreaterThan(0);
    expect(quote500.nextRule).not.toBeNull();
    expect(quote300.nextRule?.minPrincipalMinor).toBe(50_000);

    page = await openTopup();
    const creates = countCalls(page, 'topups.create');

    // The last 4 digits of the phone, then Enter takes the one match.
    await page.keyboard.type('5678');
    await page.getByRole('listbox', { name: '匹配的会员' }).getByRole('option', { name: new RegExp(`${before.name}，会员号 ${before.code}`) }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: '当前会员' }).textContent()).toContain(before.name);

    // Focus is in the amount field: the cashier types next.
    const amount = page.getByRole('textbox', { name: '输入金额' });
    await expectFocused(amount);

    // Bad input shows a localized error and sends nothing.
    await page.keyboard.type('0');
    await page.getByText('充值金额必须大于 0').waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12.345');
    await page.getByText('最多 2 位小数').waitFor();
    await page.keyboard.press('F9');

    // A free amount below a rule: its bonus and how much more reaches the next one.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('300');
    const next300 = quote300.nextRule!;
    await page.getByText(`再充 ${zh(next300.minPrincipalMinor - 30_000)}，可得赠送 ${zh(next300.bonusMinor)}`).waitFor();
    await expect.poll(() => page.getByRole('group', { name: '赠送金额' }).textContent()).toContain(zh(quote300.bonusMinor));

    // ↑ steps to the next quick amount: ¥500, which earns its rule's bonus.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => amount.inputValue()).toBe('500.00');
    const quick500 = page.getByRole('button', { name: `充值 ${zh(50_000)}，送 ${zh(quote500.bonusMinor)}` });
    expect(await quick500.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByRole('group', { name: '赠送金额' }).textContent()).toContain(`满 ${zh(50_000)} 送 ${zh(quote500.bonusMinor)}`);
    expect(await page.getByRole('group', { name: '充值本金' }).textContent()).toContain(zh(50_000));
    expect(await page.getByRole('group', { name: '到账合计' }).textContent()).toContain(zh(50_000 + quote500.bonusMinor));
    await page.getByText(`再充 ${zh(quote500.nextRule!.minPrincipalMinor - 50_000)}，可得赠送 ${zh(quote500.nextRule!.bonusMinor)}`).waitFor();

    // Tab to the payment method, ← → to switch: bank card.
    await page.keyboard.press('Tab');
    const card = page.getByRole('radio', { name: '银行卡' });
    for (let i = 0; i < 4 && !(await card.isChecked()); i++) await page.keyboard.press('ArrowLeft');
    expect(await card.isChecked()).toBe(true);
    expect(creates.count()).toBe(0);
    await screenshot(page, 'topup-zh-CN');

    // A hurried double press of F9.
    await page.keyboard.press('F9');
    await page.keyboard.press('F9');
    await page.getByRole('heading', { name: '充值成功' }).waitFor();

    const after = await till.served.api<Member>('members.get', { memberId: before.id });
    expect(after.balancePrincipalMinor).toBe(before.balancePrincipalMinor + 50_000);
    expect(after.balanceBonusMinor).toBe(before.balanceBonusMinor + quote500.bonusMinor);
    expect(await page.getByRole('group', { name: '储值本金' }).textContent()).toContain(zh(after.balancePrincipalMinor));
    expect(await page.getByRole('group', { name: '赠送余额' }).textContent()).toContain(zh(after.balanceBonusMinor));
    expect(await page.getByRole('group', { name: '储值合计' }).textContent()).toContain(zh(after.balancePrincipalMinor + after.balanceBonusMinor));

    // The ledger behind it: exactly one new top-up and one wallet entry for it.
    const historyAfter = await till.served.api<MemberHistory>('members.history', { memberId: before.id, limit: 1000 });
    const known = new Set(historyBefore.topups.map((t) => t.id));
    const added = historyAfter.topups.filter((t) => !known.has(t.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: 'topup', method: 'card', principalMinor: 50_000, bonusMinor: quote500.bonusMinor, bonusRuleId: quote500.bonusRuleId });
    const entries = historyAfter.wallet.filter((w) => w.topupId === added[0]!.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'topup',
      principalDeltaMinor: 50_000,
      bonusDeltaMinor: quote500.bonusMinor,
      principalAfterMinor: after.balancePrincipalMinor,
      bonusAfterMinor: after.balanceBonusMinor,
    });
    expect(historyAfter.wallet.length).toBe(historyBefore.wallet.length + 1);
    expect(creates.count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'topup-done-zh-CN');

    // Enter starts the next top-up: back to the member search, empty.
    await expectFocused(page.getByRole('button', { name: /下一笔充值/ }));
    await page.keyboard.press('Enter');
    const search = page.getByRole('combobox', { name: '查找充值会员' });
    await expectFocused(search);
    expect(await search.inputValue()).toBe('');
  });

  it('makes a member in the quick dialog (F2): phone and name only, consents unticked, then tops them up', async () => {
    const search = page.getByRole('combobox', { name: '查找充值会员' });
    await expectFocused(search);
    const dialog = page.getByRole('dialog', { name: '新建会员' });

    // A phone already taken is refused next to the phone field, in Chinese; Esc cancels.
    await page.keyboard.press('F2');
    await dialog.waitFor();
    const phone = dialog.getByRole('textbox', { name: '手机号' });
    const name = dialog.getByRole('textbox', { name: '姓名' });
    await expectFocused(phone);
    await page.keyboard.type('13812345678');
    await page.keyboard.press('Enter');
    await expectFocused(name);
    await page.keyboard.type('重复号码');
    await page.keyboard.press('Enter');
    await dialog.getByText('该手机号已被其他会员使用').waitFor();
    await expectFocused(phone);
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'quick-member-phone-taken-zh-CN');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // A new number typed in the search: F2 carries it into the dialog, the name field is next.
    await expectFocused(search);
    await page.keyboard.type('13900001234');
    await page.getByText('按 F2 新建会员').waitFor();
    await page.keyboard.press('F2');
    await dialog.waitFor();
    expect(await phone.inputValue()).toBe('13900001234');
    await expectFocused(name);
    const billConsent = dialog.getByRole('checkbox', { name: '接收电子账单短信' });
    const marketingConsent = dialog.getByRole('checkbox', { name: '接收营销短信' });
    expect(await billConsent.isChecked()).toBe(false);
    expect(await marketingConsent.isChecked()).toBe(false);
    await page.keyboard.type('测试顾客');
    await screenshot(page, 'quick-member-zh-CN');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const created = (await till.served.api<MemberSummary[]>('members.search', { query: '13900001234' })).find((m) => m.name === '测试顾客');
    expect(created).toBeDefined();
    const member = await till.served.api<Member>('members.get', { memberId: created!.id });
    expect(member).toMatchObject({ phone: '+8613900001234', name: '测试顾客', smsBillConsent: false, smsMarketingConsent: false, birthMonth: null, birthDay: null });

    // Chosen for the top-up at once, with the amount field focused.
    await expect.poll(() => page.getByRole('region', { name: '当前会员' }).textContent()).toContain('测试顾客');
    const amount = page.getByRole('textbox', { name: '输入金额' });
    await expectFocused(amount);
    await page.keyboard.type('100');
    await expect.poll(() => page.getByRole('group', { name: '到账合计' }).textContent()).toContain(zh(10_000));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '充值成功' }).waitFor();
    const history = await till.served.api<MemberHistory>('members.history', { memberId: member.id });
    expect(history.topups).toHaveLength(1);
    expect(history.topups[0]).toMatchObject({ memberId: member.id, principalMinor: 10_000 });
    expect(await page.getByRole('group', { name: '储值本金' }).textContent()).toContain(zh(10_000));
    await page.close();
  });

  it('speaks English, opens with the member from the route, and fits 1366×768 and 1920×1080', async () => {
    const member = await knownMember(till.served);
    const quote = await till.served.api<TopupQuote>('topups.quote', { principalMinor: 50_000 });
    const enPage = await openTill(till);
    await enPage.getByRole('radio', { name: 'English' }).check();
    await enPage.getByRole('link', { name: /Checkout/ }).waitFor();
    // The token is in sessionStorage now: the route alone is enough.
    await enPage.goto(`${till.served.url}/#/topup?member=${encodeURIComponent(member.id)}`);

    await expect.poll(() => enPage.getByRole('region', { name: 'Member' }).textContent()).toContain(member.name);
    const amount = enPage.getByRole('textbox', { name: 'Amount to top up' });
    await expectFocused(amount);
    await enPage.keyboard.type('500');
    await expect.poll(() => enPage.getByRole('group', { name: 'Bonus' }).textContent()).toContain(`Pay ${en(50_000)}, get ${en(quote.bonusMinor)}`);
    await screenshot(enPage, 'topup-en');

    await enPage.keyboard.press('F2');
    const dialog = enPage.getByRole('dialog', { name: 'New member' });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: 'Send e-bills by text message' }).isChecked()).toBe(false);
    expect(await dialog.getByRole('checkbox', { name: 'Send offers by text message' }).isChecked()).toBe(false);
    await screenshot(enPage, 'quick-member-en');
    await enPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await enPage.keyboard.press('F9');
    await enPage.getByRole('heading', { name: 'Top-up complete' }).waitFor();
    const after = await till.served.api<Member>('members.get', { memberId: member.id });
    expect(await enPage.getByRole('group', { name: 'Principal' }).textContent()).toContain(en(after.balancePrincipalMinor));
    await screenshot(enPage, 'topup-done-en');

    // F4 starts the next top-up (the route loses the member), here at 1920×1080.
    await enPage.setViewportSize({ width: 1920, height: 1080 });
    await enPage.keyboard.press('F4');
    const search = enPage.getByRole('combobox', { name: 'Find the member to top up' });
    await expectFocused(search);
    await enPage.keyboard.type('5678');
    await enPage.getByRole('option', { name: new RegExp(member.name) }).waitFor();
    await enPage.keyboard.press('Enter');
    await expectFocused(amount);
    await enPage.keyboard.press('ArrowUp');
    await enPage.keyboard.press('ArrowUp');
    await expect.poll(() => enPage.getByRole('group', { name: 'Credited in total' }).textContent()).not.toContain('—');
    await screenshot(enPage, 'topup-en-1920');
    await enPage.getByRole('radio', { name: '中文' }).check();
    await enPage.close();
  });
});
