/**
 * The win-back flow in Chromium against the demo shop, with the shop's SMS going to a fake Twilio on
 * this machine: the owner opens the lapsed list, keeps the members who still hold stored value, ticks
 * three who agreed to marketing SMS with the keyboard, reads the preview, sends (F9 pressed twice: one
 * campaign), and watches the progress reach "all sent"; the fake received exactly those three messages,
 * each with the member's name and the opt-out line. A call is logged for one of them (outcome and what
 * they said, kept once though F9 is pressed twice). Then another of them buys something: the campaign
 * counts one member won back, on screen and in the API, and they leave the lapsed list. Screenshots in
 * Chinese and English at 1366×768.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src-main/api/money-format.ts';
import type { AppInfo } from '../../src-main/api/contract.ts';
import type { CheckoutQuote, CheckoutResult, Product } from '../../src-main/ledger/types.ts';
import type { CampaignStats, LapsedPage, MemberOutlook, MemberPage, RetentionMember } from '../../src-main/retention/types.ts';
import type { OutboxPage } from '../../src-main/sms/types.ts';
import { startFake, type FakeProvider } from '../sms/fakes/index.ts';
import { demoTill, expectFocused, openTill, screenshot } from './harness.ts';

let staffId: string;
let optOutText: string;
let fake: FakeProvider;

// Before the shop starts (hooks run in the order declared): the shop is pointed at it during setup.
beforeAll(async () => {
  fake = await startFake('twilio');
});
afterAll(async () => {
  await fake?.close();
});

const till = demoTill(async ({ served }) => {
  const info = await served.api<AppInfo>('app.info');
  staffId = info.staff.find((s) => s.role === 'owner')!.id;
  optOutText = info.settings.messaging.optOutText;
  // Quiet hours off (start = end), so the messages go now whatever the time of the run.
  await served.api('settings.update', { messaging: { ...info.settings.messaging, quietHoursStart: '00:00', quietHoursEnd: '00:00' } });
  await served.api('sms.setProvider', { config: fake.config, secrets: fake.secrets });
});

const zh = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN');
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');
const rowOf = (page: Page, m: RetentionMember) => page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `选择 ${m.name}（${m.code}）` }) });

describe('winning back lapsed members', () => {
  it('texts three lapsed members, logs a call, and counts the one who came back', async () => {
    // What the ledger says the filtered list holds: the first three on it who may get marketing SMS.
    const lapsed = await till.served.api<LapsedPage>('retention.lapsed', { hasBalance: true, limit: 50 });
    expect(lapsed.total).toBeLessThanOrEqual(50);
    const chosen = lapsed.rows.filter((m) => m.smsMarketingConsent && !m.doNotContact && m.contactCount === 0).slice(0, 3);
    expect(chosen).toHaveLength(3);
    for (const m of chosen) expect(m.balancePrincipalMinor + m.balanceBonusMinor).toBeGreaterThan(0);

    const page = await openTill(till);
    await page.getByRole('link', { name: /回头客/ }).click();
    await page.getByRole('heading', { level: 1, name: '回头客' }).waitFor();
    expect(await page.getByRole('tab', { name: '流失客户' }).getAttribute('aria-selected')).toBe('true');

    // The filter: only members who still hold stored value. The summary is the ledger's.
    await page.getByRole('checkbox', { name: '还有储值余额' }).check();
    const list = page.getByRole('region', { name: '流失客户' });
    await expect.poll(() => text(list.getByRole('status').first())).toContain(`${lapsed.total} 位流失客户`);
    expect(await text(list.getByRole('status').first())).toContain(zh(lapsed.valueAtRiskMinor));
    const table = list.getByRole('table', { name: '流失客户' });
    await expect.poll(() => table.getByRole('row').count()).toBe(lapsed.rows.length + 1);
    for (const m of lapsed.rows) expect(m.balancePrincipalMinor + m.balanceBonusMinor).toBeGreaterThan(0);

    // Tick the three with the keyboard: ↓ through the rows, Space on each of them.
    const boxes = table.getByRole('checkbox', { name: /^选择 .+（\d+）$/ });
    await boxes.first().focus();
    let at = 0;
    for (const m of chosen) {
      const index = lapsed.rows.findIndex((r) => r.memberId === m.memberId);
      for (; at < index; at++) await page.keyboard.press('ArrowDown');
      await expectFocused(table.getByRole('checkbox', { name: `选择 ${m.name}（${m.code}）` }));
      await page.keyboard.press('Space');
    }
    for (const m of chosen) expect(await table.getByRole('checkbox', { name: `选择 ${m.name}（${m.code}）` }).isChecked()).toBe(true);
    expect(await boxes.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length)).toBe(3);
    await list.getByText('已选 3 人').waitFor();
    await screenshot(page, 'regulars-lapsed-selected-zh-CN');

    // The message: the shop's template, an offer, the expiry a fortnight away; the preview per member.
    await list.getByRole('button', { name: '发送短信' }).click();
    const dialog = page.getByRole('dialog', { name: '发送回访短信' });
    await dialog.waitFor();
    await expectFocused(dialog.getByRole('textbox', { name: /短信内容/ }));
    await dialog.getByRole('textbox', { name: '优惠内容' }).fill('凭短信到店送一杯拿铁');
    await dialog.getByRole('button', { name: '14 天后' }).click();
    const previews = dialog.getByRole('list', { name: '每位会员收到的短信' }).getByRole('listitem');
    await expect.poll(() => text(dialog.getByRole('status').filter({ hasText: '将发送' }))).toContain('将发送 3 条');
    await expect.poll(() => previews.count()).toBe(3);
    // The preview follows the draft (~200 ms after typing stops): wait until it shows the offer.
    for (const m of chosen) await expect.poll(() => text(previews.filter({ hasText: m.name }))).toContain('凭短信到店送一杯拿铁');
    expect(await dialog.locator('[aria-busy="true"]').count()).toBe(0);
    for (const m of chosen) {
      const shown = await text(previews.filter({ hasText: m.name }));
      expect(shown).toContain(optOutText);
      expect(shown).toContain(zh(m.balancePrincipalMinor + m.balanceBonusMinor));
      expect(shown).toMatch(/\d+ 字 · \d+ 条短信 · UCS-2/);
    }
    await screenshot(page, 'regulars-send-preview-zh-CN');

    // F9 twice: one campaign, three messages, and the progress follows them out.
    const send = dialog.getByRole('button', { name: /发送 3 条/ });
    await expect.poll(() => send.isEnabled()).toBe(true);
    await page.keyboard.press('F9');
    await page.keyboard.press('F9');
    const progress = dialog.getByRole('progressbar', { name: '发送进度' });
    await progress.waitFor();
    await dialog.getByText('全部发送完成').waitFor({ timeout: 20_000 });
    expect(await progress.getAttribute('aria-valuenow')).toBe('3');
    expect(await progress.getAttribute('aria-valuemax')).toBe('3');
    expect(await text(dialog)).toContain('已发送 3 · 等待 0 · 失败 0');
    await screenshot(page, 'regulars-send-progress-zh-CN');

    // What reached the provider: exactly three messages, to those three, with their names and the opt-out line.
    expect(fake.received).toHaveLength(3);
    expect(fake.received.map((r) => r.to).sort()).toEqual(chosen.map((m) => m.phone).sort());
    for (const m of chosen) {
      const got = fake.received.find((r) => r.to === m.phone)!;
      expect(got.text).toContain(m.name);
      expect(got.text).toContain(optOutText);
      expect(got.text).toContain('凭短信到店送一杯拿铁');
    }
    const campaigns = await till.served.api<CampaignStats[]>('campaigns.list', {});
    expect(campaigns).toHaveLength(1);
    const campaign = campaigns[0]!;
    expect(campaign.contacted).toBe(3);
    expect(campaign.sms).toEqual({ pending: 0, sent: 3, failed: 0, cancelled: 0 });
    const outbox = await till.served.api<OutboxPage>('sms.outbox', { campaignId: campaign.id });
    expect(outbox.rows.map((r) => r.providerMessageId).sort()).toEqual(fake.received.map((r) => r.id).sort());

    // Done: the list shows the three as contacted by SMS, nobody ticked any more.
    await expectFocused(dialog.getByRole('button', { name: '完成' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await list.getByText('已选 0 人').waitFor();
    for (const m of chosen) await expect.poll(() => text(rowOf(page, m))).toContain('短信');

    // A call to the first: outcome by arrow keys, what they said, F9 (twice: one record).
    const called = chosen[0]!;
    await rowOf(page, called).getByRole('button', { name: `记录给 ${called.name} 的电话` }).click();
    const callDialog = page.getByRole('dialog', { name: '记录电话回访' });
    await callDialog.waitFor();
    await expectFocused(callDialog.getByRole('radio', { name: '已接通' }));
    await page.keyboard.press('ArrowRight');
    expect(await callDialog.getByRole('radio', { name: '答应再来' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await expectFocused(callDialog.getByRole('textbox', { name: /会员反馈/ }));
    await page.keyboard.type('最近出差，下周回来就去');
    await page.keyboard.press('F9');
    await page.keyboard.press('F9');
    await callDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => text(rowOf(page, called))).toContain('电话 · 答应再来');
    const outlook = await till.served.api<MemberOutlook>('retention.outlook', { memberId: called.memberId });
    const calls = outlook.contacts.filter((c) => c.channel === 'call');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ outcome: 'will_visit', feedback: '最近出差，下周回来就去' });
    expect(outlook.contacts.filter((c) => c.channel === 'sms')).toHaveLength(1);
    expect(outlook.member.lastContact?.channel).toBe('call');

    // The second comes back and buys something.
    const back = chosen[1]!;
    const products = await till.served.api<Product[]>('products.list', {});
    const lines = [{ productId: products.find((p) => p.active)!.id, quantity: 2 }];
    const quote = await till.served.api<CheckoutQuote>('checkout.quote', { memberId: back.memberId, lines });
    const sale = await till.served.api<CheckoutResult>('checkout.commit', {
      idempotencyKey: crypto.randomUUID(),
      staffId,
      memberId: back.memberId,
      lines,
      payments: [{ method: 'cash', amountMinor: quote.totalMinor, tenderedMinor: quote.totalMinor }],
    });
    expect(sale.bill.totalMinor).toBe(quote.totalMinor);

    // The campaign counts one won back, on screen and in the API, with what they spent.
    await page.getByRole('tab', { name: '回访活动' }).click();
    const campaignTable = page.getByRole('table', { name: '回访活动' });
    await campaignTable.waitFor();
    const [stats] = await till.served.api<CampaignStats[]>('campaigns.list', {});
    expect(stats!.wonBack).toBe(1);
    expect(stats!.winBackRateBp).toBe(3333);
    expect(stats!.revenueMinor).toBe(sale.bill.totalMinor);
    const campaignRow = campaignTable.getByRole('row').filter({ hasText: campaign.name });
    const cells = campaignRow.getByRole('cell');
    expect(await text(cells.nth(1))).toBe('3');
    expect(await text(cells.nth(3))).toBe('1');
    expect(await text(cells.nth(4))).toBe('33.3%');
    expect(await text(cells.nth(5))).toBe(zh(sale.bill.totalMinor));
    expect(await text(cells.nth(2))).toContain('已发 3');
    await screenshot(page, 'regulars-campaigns-zh-CN');

    // Its members: the one who came back carries the badge; the others do not.
    await campaignRow.getByRole('button', { name: campaign.name }).click();
    const members = page.getByRole('region', { name: `“${campaign.name}”联系的会员` });
    await members.waitFor();
    await expect.poll(() => text(rowOf(page, back))).toContain('已回店');
    for (const m of chosen.filter((c) => c.memberId !== back.memberId)) expect(await text(rowOf(page, m))).not.toContain('已回店');
    const contacted = await till.served.api<MemberPage>('campaigns.members', { campaignId: campaign.id });
    expect(contacted.rows.filter((m) => m.wonBackAt !== null).map((m) => m.memberId)).toEqual([back.memberId]);
    await screenshot(page, 'regulars-campaign-members-zh-CN');

    // Back on the lapsed list (its filter kept): they are no longer lapsed, the other two still are.
    await page.getByRole('tab', { name: '流失客户' }).click();
    expect(await page.getByRole('checkbox', { name: '还有储值余额' }).isChecked()).toBe(true);
    await expect.poll(() => text(list.getByRole('status').first())).toContain(`${lapsed.total - 1} 位流失客户`);
    expect(await rowOf(page, back).count()).toBe(0);
    for (const m of chosen.filter((c) => c.memberId !== back.memberId)) expect(await rowOf(page, m).count()).toBe(1);
    const lapsedNow = await till.served.api<LapsedPage>('retention.lapsed', { hasBalance: true, limit: 50 });
    expect(lapsedNow.total).toBe(lapsed.total - 1);
    expect(lapsedNow.rows.some((m) => m.memberId === back.memberId)).toBe(false);
    await page.close();
  });

  it('shows the lapsed list, segments and outbox in English', async () => {
    const page = await openTill(till);
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('link', { name: /Regulars/ }).click();
    const list = page.getByRole('region', { name: 'Lapsed customers' });
    await list.getByRole('table').waitFor();
    const lapsed = await till.served.api<LapsedPage>('retention.lapsed', { limit: 50 });
    await expect.poll(() => text(list.getByRole('status').first())).toContain(`${lapsed.total} lapsed customers`);
    expect(await text(list)).toContain('Value at risk');
    await screenshot(page, 'regulars-lapsed-en');

    // ←/→ on the tab row switch tabs, each its own address.
    await page.getByRole('tab', { name: 'Lapsed' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByText(/The top 20% of members/).waitFor();
    expect(page.url()).toContain('#/regulars/segments');
    await screenshot(page, 'regulars-segments-en');

    await page.getByRole('tab', { name: 'SMS outbox' }).click();
    const outbox = page.getByRole('region', { name: 'SMS outbox' });
    await outbox.getByRole('table').waitFor();
    await expect.poll(() => text(outbox.getByRole('radiogroup'))).toContain('Sent3');
    await screenshot(page, 'regulars-outbox-en');
    await page.goBack();
    await page.getByText(/The top 20% of members/).waitFor();
    // Leave the shop in Chinese, as the first test expects of a fresh copy.
    await page.getByRole('radio', { name: '中文' }).check();
    await page.close();
  });
});
