/**
 * Owner settings in Chromium against the demo shop, keyboard only: rename the shop (the top bar
 * follows), add a product by "scanning" its barcode (then find it by scanning again), edit a tier's
 * discount as 折, add a top-up bonus rule, change the points redemption rate. Each change is checked
 * on screen and in the ledger through the API. Then a cashier sees it all read-only, and screenshots
 * of the products and tiers sections are taken in both languages at 1366×768 and 1920×1080.
 * Then the lapsed rule, the message settings (a template edited with a placeholder button, its SMS
 * count on screen) and an SMS provider with a write-only secret, by keyboard, checked through the API;
 * the messages' own language (apart from the screen's) fills in its default texts and writes the
 * preview's money its way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../src-main/api/contract.ts';
import { ENGLISH_MESSAGING_TEXTS } from '../../src-main/ledger/settings-schema.ts';
import type { MemberSummary, Product, Tier, TopupQuote } from '../../src-main/ledger/types.ts';
import { segmentsOf } from '../../src-main/sms/segments.ts';
import { fillTemplate, fullText, marketingText, placeholderValues } from '../../src-main/sms/templates.ts';
import type { ProviderStatus } from '../../src-main/sms/types.ts';
import { discountToInput, parseDiscountInput, parseTenths, parseTimeOfDay, parseWholeNumber, tenthsToText } from '../../src-renderer/screens/settings/number-text.ts';
import { settingsText } from '../../src-renderer/screens/settings/text.ts';
import { demoTill, expectFocused, openTill, screenshot, signInAt } from './harness.ts';

describe('tier discounts typed as each locale says them', () => {
  it('reads 折 in Chinese and percent off in English, as basis points off, without floats', () => {
    expect(parseDiscountInput('9', 'zh-CN')).toEqual({ ok: true, value: 1000 });
    expect(parseDiscountInput('9.5', 'zh-CN')).toEqual({ ok: true, value: 500 });
    expect(parseDiscountInput('95', 'zh-CN')).toEqual({ ok: true, value: 500 });
    expect(parseDiscountInput('８.８折', 'zh-CN')).toEqual({ ok: true, value: 1200 });
    expect(parseDiscountInput('10', 'zh-CN')).toEqual({ ok: true, value: 0 });
    expect(parseDiscountInput('8.766', 'zh-CN')).toEqual({ ok: true, value: 1234 });
    expect(parseDiscountInput('10.5', 'zh-CN').ok).toBe(false);
    expect(parseDiscountInput('0', 'zh-CN').ok).toBe(false);
    expect(parseDiscountInput('9.0001', 'zh-CN').ok).toBe(false);
    expect(parseDiscountInput('', 'zh-CN')).toEqual({ ok: false, reason: 'empty' });
    expect(parseDiscountInput('10', 'en')).toEqual({ ok: true, value: 1000 });
    expect(parseDiscountInput('12.5%', 'en')).toEqual({ ok: true, value: 1250 });
    expect(parseDiscountInput('0.29', 'en')).toEqual({ ok: true, value: 29 });
    expect(parseDiscountInput('100.01', 'en').ok).toBe(false);
    expect(parseDiscountInput('-5', 'en').ok).toBe(false);
    for (const bp of [0, 1, 29, 500, 1000, 1234, 9999]) {
      expect(parseDiscountInput(discountToInput(bp, 'zh-CN'), 'zh-CN')).toEqual({ ok: true, value: bp });
      expect(parseDiscountInput(discountToInput(bp, 'en'), 'en')).toEqual({ ok: true, value: bp });
    }
    expect(parseDiscountInput('100', 'en')).toEqual({ ok: true, value: 10_000 });
    expect(parseWholeNumber('１００', 1, 100_000)).toEqual({ ok: true, value: 100 });
    expect(parseWholeNumber('0', 1, 100_000).ok).toBe(false);
    expect(parseWholeNumber('1.5', 0, 10).ok).toBe(false);
  });
});

describe('multiples and times of day typed by a person', () => {
  it('reads a multiple with one decimal as tenths and a 24-hour time as HH:mm', () => {
    expect(parseTenths('3', 10, 200)).toEqual({ ok: true, value: 30 });
    expect(parseTenths('2.5', 10, 200)).toEqual({ ok: true, value: 25 });
    expect(parseTenths('３．０', 10, 200)).toEqual({ ok: true, value: 30 });
    expect(parseTenths('2.55', 10, 200).ok).toBe(false);
    expect(parseTenths('0.5', 10, 200).ok).toBe(false);
    expect(parseTenths('20.1', 10, 200).ok).toBe(false);
    expect(parseTenths('', 10, 200)).toEqual({ ok: false, reason: 'empty' });
    expect(tenthsToText(30)).toBe('3.0');
    expect(tenthsToText(25)).toBe('2.5');
    expect(parseTimeOfDay('21:00')).toBe('21:00');
    expect(parseTimeOfDay('9:05')).toBe('09:05');
    expect(parseTimeOfDay('２２：３０')).toBe('22:30');
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('21:60')).toBeNull();
    expect(parseTimeOfDay('2100')).toBeNull();
  });
});

const till = demoTill();

/** Replace what the focused field holds, as a person does: select all, type. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

const NEW_SHOP_NAME = '常客咖啡 · 南京西路店';
const NEW_BARCODE = '6901234567892';

describe('owner settings, keyboard only', () => {
  let page: Page;

  it('renames the shop: the top bar follows and the ledger has it', async () => {
    page = await openTill(till);
    await page.keyboard.press('F8');

    // The section list has focus; Tab goes into the shop form, its first field.
    await expectFocused(page.getByRole('tab', { name: '店铺' }));
    await page.keyboard.press('Tab');
    const name = page.getByRole('textbox', { name: '店铺名称' });
    await expectFocused(name);
    await retype(page, NEW_SHOP_NAME);
    await page.getByText('有未保存的修改').waitFor();
    await screenshot(page, 'settings-shop-zh-CN-1366');

    // Wandering off to another section and back keeps the unsaved change.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { level: 2, name: '商品' }).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.getByText('有未保存的修改').waitFor();
    expect(await name.inputValue()).toBe(NEW_SHOP_NAME);
    expect((await till.served.api<AppInfo>('app.info')).settings.shopName).not.toBe(NEW_SHOP_NAME);
    await page.keyboard.press('Control+S');

    await page.locator('.brand-shop', { hasText: NEW_SHOP_NAME }).waitFor();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    const info = await till.served.api<AppInfo>('app.info');
    expect(info.settings.shopName).toBe(NEW_SHOP_NAME);
  });

  it('adds a product with a scanned barcode and a price, finds it by scanning, refuses a taken barcode', async () => {
    // Esc returns to the section list; ↓ opens the next section.
    await page.keyboard.press('Escape');
    await expectFocused(page.getByRole('tab', { name: '店铺' }));
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { level: 2, name: '商品' }).waitFor();
    expect(page.url()).toContain('#/settings/products');
    await expectFocused(page.getByRole('tab', { name: '商品' }));
    const list = page.getByRole('listbox', { name: '商品列表' });
    await list.getByRole('option', { name: /^拿铁，/ }).waitFor();

    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog', { name: '新建商品' });
    await dialog.waitFor();
    await expectFocused(dialog.getByRole('textbox', { name: '商品名称' }));
    await page.keyboard.type('桂花拿铁');
    await page.keyboard.press('Tab');
    await expectFocused(dialog.getByRole('textbox', { name: '条码' }));
    // A scanner types the code and Enter: that moves on to the price, it does not save.
    await page.keyboard.type(NEW_BARCODE);
    await page.keyboard.press('Enter');
    const price = dialog.getByRole('textbox', { name: '价格' });
    await expectFocused(price);
    expect(await dialog.isVisible()).toBe(true);
    expect(await till.served.api<Product | null>('products.byBarcode', { barcode: NEW_BARCODE })).toBeNull();
    await page.keyboard.type('32.5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('咖啡');
    await screenshot(page, 'settings-product-editor-zh-CN-1366');
    await page.keyboard.press('Control+S');
    await dialog.waitFor({ state: 'hidden' });

    const row = list.getByRole('option', { name: '桂花拿铁，¥32.50' });
    await row.waitFor();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    expect(await row.textContent()).toContain(NEW_BARCODE);
    const saved = await till.served.api<Product | null>('products.byBarcode', { barcode: NEW_BARCODE });
    expect(saved).toMatchObject({ name: '桂花拿铁', barcode: NEW_BARCODE, priceMinor: 3250, category: '咖啡', active: true });

    // Scanning the code with focus anywhere on the screen finds the product and opens it.
    await page.keyboard.type(NEW_BARCODE);
    await page.keyboard.press('Enter');
    const edit = page.getByRole('dialog', { name: '编辑商品' });
    await edit.waitFor();
    expect(await edit.getByRole('textbox', { name: '价格' }).inputValue()).toBe('32.50');
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'hidden' });

    // A barcode another product has is refused on the barcode field.
    const taken = (await till.served.api<Product[]>('products.list', { query: '美式' }))[0]!.barcode!;
    await page.keyboard.press('F2');
    const again = page.getByRole('dialog', { name: '新建商品' });
    await again.waitFor();
    await page.keyboard.type('重复条码');
    await page.keyboard.press('Tab');
    await page.keyboard.type(taken);
    await page.keyboard.press('Enter');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    const barcode = again.getByRole('textbox', { name: '条码' });
    await expect.poll(() => barcode.getAttribute('aria-invalid')).toBe('true');
    await expectFocused(barcode);
    expect(await again.textContent()).toContain(`条码 ${taken} 已被其他商品使用`);
    await page.keyboard.press('Escape');
    await again.waitFor({ state: 'hidden' });
    expect((await till.served.api<Product[]>('products.list', { query: '重复条码', includeInactive: true })).length).toBe(0);

    // Stop selling a product: it leaves the list until inactive products are asked for, muted.
    const search = page.getByRole('searchbox', { name: '搜索商品' });
    await expectFocused(search);
    await page.keyboard.press('Escape'); // clears the search
    await expect.poll(() => search.inputValue()).toBe('');
    await page.keyboard.type('贝果');
    await page.keyboard.press('Enter');
    const bagel = page.getByRole('dialog', { name: '编辑商品' });
    await bagel.waitFor();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    const onSale = bagel.getByRole('checkbox', { name: '在售' });
    await expectFocused(onSale);
    await page.keyboard.press('Space');
    expect(await onSale.isChecked()).toBe(false);
    await page.keyboard.press('Control+S');
    await bagel.waitFor({ state: 'hidden' });
    await page.getByText('没有找到“贝果”').waitFor();
    const [stopped] = await till.served.api<Product[]>('products.list', { query: '贝果', includeInactive: true });
    expect(stopped).toMatchObject({ name: '贝果', active: false });
    await page.keyboard.press('Tab');
    const showInactive = page.getByRole('checkbox', { name: '显示已停用的商品' });
    await expectFocused(showInactive);
    await page.keyboard.press('Space');
    await list.getByRole('option', { name: '贝果，¥16.00，已停用' }).waitFor();
    await screenshot(page, 'settings-products-inactive-zh-CN-1366');

    // Back in the search, Esc clears it; Esc again returns to the section list.
    await page.keyboard.press('Shift+Tab');
    await expectFocused(search);
    await page.keyboard.press('Escape');
    await list.getByRole('option', { name: /^拿铁，/ }).waitFor();
    await page.keyboard.press('Escape');
    await expectFocused(page.getByRole('tab', { name: '商品' }));
    await list.getByRole('option', { name: '贝果，¥16.00，已停用' }).waitFor();
    await screenshot(page, 'settings-products-zh-CN-1366');
  });

  it('edits a tier discount typed as 折', async () => {
    const gold = (await till.served.api<Tier[]>('tiers.list')).find((x) => x.name === '金卡')!;
    expect(gold.discountBp).toBe(1000);

    await page.keyboard.press('ArrowDown');
    const list = page.getByRole('listbox', { name: '会员等级列表' });
    await list.waitFor();
    await list.getByRole('option', { name: /普通会员（默认等级）/ }).waitFor();
    // Tab: past "new tier" to the list; ↓↓ to the third tier, Enter edits it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expectFocused(list);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '编辑会员等级' });
    await dialog.waitFor();
    const discount = dialog.getByRole('textbox', { name: '会员折扣' });
    expect(await discount.inputValue()).toBe('9');
    await page.keyboard.press('Tab');
    await expectFocused(discount);
    await retype(page, '85');
    await dialog.getByText('即：8.5 折').waitFor();
    await screenshot(page, 'settings-tier-editor-zh-CN-1366');
    await page.keyboard.press('Control+S');
    await dialog.waitFor({ state: 'hidden' });

    await list.getByRole('option', { name: /^金卡：8\.5 折/ }).waitFor();
    const after = (await till.served.api<Tier[]>('tiers.list')).find((x) => x.id === gold.id)!;
    expect(after.discountBp).toBe(1500);
    expect(after.pointsPerUnit).toBe(gold.pointsPerUnit);
    await screenshot(page, 'settings-tiers-zh-CN-1366');
  });

  it('adds a top-up bonus rule that top-up quotes then use', async () => {
    expect((await till.served.api<TopupQuote>('topups.quote', { principalMinor: 30_000 })).bonusMinor).toBe(1000);

    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { level: 2, name: '充值赠送' }).waitFor();
    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog', { name: '新建充值赠送规则' });
    await dialog.waitFor();
    await expectFocused(dialog.getByRole('textbox', { name: '充值满' }));
    await page.keyboard.type('300');
    await page.keyboard.press('Tab');
    await page.keyboard.type('40');
    await dialog.getByText('充 ¥300.00 送 ¥40.00').waitFor();
    await screenshot(page, 'settings-bonus-editor-zh-CN-1366');
    await page.keyboard.press('Control+S');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('listbox', { name: '充值赠送规则' }).getByRole('option', { name: '充 ¥300.00 送 ¥40.00' }).waitFor();
    const quote = await till.served.api<TopupQuote>('topups.quote', { principalMinor: 30_000 });
    expect(quote.bonusMinor).toBe(4000);
    expect(quote.bonusRuleId).not.toBeNull();
    await screenshot(page, 'settings-bonus-zh-CN-1366');
  });

  it('changes the points redemption rate', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { level: 2, name: '积分抵现' }).waitFor();
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('checkbox', { name: '允许用积分抵现' }));
    await page.keyboard.press('Tab');
    const rate = page.getByRole('textbox', { name: '抵 ¥1.00 需要的积分' });
    await expectFocused(rate);
    expect(await rate.inputValue()).toBe('100');
    await retype(page, '50');
    await page.getByText('50 积分抵 ¥1.00').waitFor();
    await page.getByText('例如：会员有 500 积分，可以抵 ¥10.00。').waitFor();
    await page.keyboard.press('Control+S');
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    const info = await till.served.api<AppInfo>('app.info');
    expect(info.settings.pointsRedemption).toEqual({ enabled: true, pointsPerUnit: 50 });
    await screenshot(page, 'settings-points-zh-CN-1366');
  });

  it('shows a cashier the settings read-only', async () => {
    const cashier = (await till.served.api<AppInfo>('app.info')).staff.find((s) => s.role === 'cashier')!;
    await signInAt(page, cashier.name);
    await page.getByText('只有店主或店长可以修改设置').waitFor();
    await screenshot(page, 'settings-points-readonly-zh-CN-1366');
    expect(await page.getByRole('textbox', { name: '抵 ¥1.00 需要的积分' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /保存/ }).count()).toBe(0);
    await signInAt(page, '店主');
    await page.getByRole('button', { name: /保存/ }).waitFor();
  });

  it('looks right in English and at 1920×1080', async () => {
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.evaluate("location.hash = '#/settings/products'");
    await page.getByRole('listbox', { name: 'Products' }).getByRole('option', { name: /^桂花拿铁, CN¥32\.50$/ }).waitFor();
    await screenshot(page, 'settings-products-en-1366');
    await page.evaluate("location.hash = '#/settings/tiers'");
    const tiers = page.getByRole('listbox', { name: 'Member tiers' });
    await tiers.getByRole('option', { name: /^金卡: 15% off/ }).waitFor();
    await screenshot(page, 'settings-tiers-en-1366');
    // In English the discount is edited as percent off.
    await tiers.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: 'Edit member tier' });
    expect(await editor.getByRole('textbox', { name: 'Member discount' }).inputValue()).toBe('15');
    await editor.getByText('That is: 15% off').waitFor();
    await screenshot(page, 'settings-tier-editor-en-1366');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden' });
    await page.evaluate("location.hash = '#/settings/shop'");
    await page.getByRole('textbox', { name: 'Shop name' }).waitFor();
    await screenshot(page, 'settings-shop-en-1366');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate("location.hash = '#/settings/products'");
    await page.getByRole('listbox', { name: 'Products' }).waitFor();
    await screenshot(page, 'settings-products-en-1920');
    await page.getByRole('radio', { name: '中文' }).check();
    await page.getByRole('listbox', { name: '商品列表' }).waitFor();
    await page.evaluate("location.hash = '#/settings/tiers'");
    await page.getByRole('listbox', { name: '会员等级列表' }).waitFor();
    await screenshot(page, 'settings-tiers-zh-CN-1920');
    await page.evaluate("location.hash = '#/settings/shop'");
    await page.getByRole('textbox', { name: '店铺名称' }).waitFor();
    await screenshot(page, 'settings-shop-zh-CN-1920');
  });
});

describe('keeping regulars and messages, keyboard only', () => {
  let page: Page;

  it('edits the lapsed rule and the won-back window, refusing a number out of range at the field', async () => {
    page = await openTill(till);
    await page.keyboard.press('F8');
    await expectFocused(page.getByRole('tab', { name: '店铺' }));
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await expectFocused(page.getByRole('tab', { name: '回头客' }));
    await page.getByRole('heading', { level: 2, name: '回头客' }).waitFor();
    expect(page.url()).toContain('#/settings/retention');
    await page.getByText('每周来一次的会员超过 21 天未来算流失；每月来一次的超过 90 天。').waitFor();

    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('textbox', { name: '至少多少天未到店' }));
    await retype(page, '14');
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('textbox', { name: '且超过平时到店间隔的' }));
    await retype(page, '2.5');
    // max(14, 2.5 × 7 = 17.5) → more than 17 whole days; max(14, 2.5 × 30) = 75.
    await page.getByText('每周来一次的会员超过 17 天未来算流失；每月来一次的超过 75 天。').waitFor();
    await page.keyboard.press('Tab');
    const minVisitDays = page.getByRole('textbox', { name: '至少到店几天才判断' });
    await expectFocused(minVisitDays);
    await retype(page, '1');
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('textbox', { name: '回访后多少天内再来算挽回' }));
    await retype(page, '45');
    await page.getByText('回访后 45 天内再来消费，算挽回成功。').waitFor();

    // 1 visit day is below the schema's minimum of 2: refused at the field, which gets the focus.
    await page.keyboard.press('Control+S');
    await page.getByText('请输入 2 到 100 之间的整数').waitFor();
    await expectFocused(minVisitDays);
    expect(await minVisitDays.getAttribute('aria-invalid')).toBe('true');
    expect((await till.served.api<AppInfo>('app.info')).settings.retention.minDaysAbsent).toBe(21);
    await retype(page, '3');
    await page.getByText('到店少于 3 天的会员不算流失。').waitFor();
    await screenshot(page, 'settings-retention-zh-CN-1366');
    await page.keyboard.press('Control+S');
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();

    const info = await till.served.api<AppInfo>('app.info');
    expect(info.settings.retention).toEqual({ minDaysAbsent: 14, intervalMultiple: 2.5, minVisitDays: 3, wonBackDays: 45 });
    // The saved multiple comes back with its one decimal.
    expect(await page.getByRole('textbox', { name: '且超过平时到店间隔的' }).inputValue()).toBe('2.5');
  });

  it('edits the signature, quiet hours and the win-back template with a placeholder button; the preview counts the SMS', async () => {
    await page.keyboard.press('Escape');
    await expectFocused(page.getByRole('tab', { name: '回头客' }));
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { level: 2, name: '短信' }).waitFor();

    // First the messages' language (Chinese, as the shop started), then its default texts' button.
    await page.keyboard.press('Tab');
    const messagesInChinese = page.getByRole('radiogroup', { name: '短信语言' }).getByRole('radio', { name: '中文' });
    await expectFocused(messagesInChinese);
    expect(await messagesInChinese.isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('button', { name: '填入中文默认内容' }));
    await page.keyboard.press('Tab');
    const signature = page.getByRole('textbox', { name: '短信签名' });
    await expectFocused(signature);
    // Empty, it shows the shop name it stands for.
    expect(await signature.getAttribute('placeholder')).toBe(NEW_SHOP_NAME);
    await page.keyboard.type('常客咖啡');
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('textbox', { name: '退订说明' }));
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('textbox', { name: '免打扰开始' }));
    // As a Chinese IME types it: full-width digits and colon.
    await retype(page, '２２：３０');
    await page.getByText('每晚 22:30 到次日 09:00 不发营销短信，排队到早上 09:00 再发。').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const template = page.getByRole('textbox', { name: '挽回短信' });
    await expectFocused(template);

    // A typo in a placeholder is flagged while typing, and stops the save at the field.
    await retype(page, '{nmae}您好');
    const editor = page.getByRole('region', { name: '挽回短信' });
    await editor.getByText('无法识别的占位符：{nmae}').waitFor();
    await page.keyboard.press('Control+S');
    await editor.getByText('有无法识别的占位符：{nmae}').waitFor();
    await expectFocused(template);

    await retype(page, '{name}您好，{shop}想您了！您还有余额{balance}和积分');
    // The placeholder toolbar is one Tab stop: → moves along it, Enter inserts at the caret and returns to the text.
    await page.keyboard.press('Tab');
    await expectFocused(editor.getByRole('button', { name: '插入“姓名”' }));
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expectFocused(editor.getByRole('button', { name: '插入“积分”' }));
    await page.keyboard.press('Enter');
    await expectFocused(template);
    await page.keyboard.type('，本周来店饮品第二杯半价，新品桂花拿铁也已上市，期待再见。');
    const winback = '{name}您好，{shop}想您了！您还有余额{balance}和积分{points}，本周来店饮品第二杯半价，新品桂花拿铁也已上市，期待再见。';
    expect(await template.inputValue()).toBe(winback);

    // The preview is filled for the member who came in last, as the outbox would send it.
    const [sample] = await till.served.api<MemberSummary[]>('members.recent', { limit: 1 });
    const info = await till.served.api<AppInfo>('app.info');
    const values = placeholderValues(
      { name: sample!.name, balanceMinor: sample!.balancePrincipalMinor + sample!.balanceBonusMinor, points: sample!.points },
      { shopName: info.settings.shopName, currency: info.settings.currency, locale: info.settings.locale },
      '',
      null,
    );
    const phoneText = fullText('常客咖啡', marketingText(fillTemplate(winback, values), info.settings.messaging.optOutText));
    const expected = segmentsOf(phoneText);
    expect(expected.encoding).toBe('UCS-2');
    expect(expected.segments).toBe(2);
    await editor.getByText(phoneText).waitFor();
    await editor.getByText(`${expected.characters} 字 · 2 条短信 · UCS-2`).waitFor();
    await screenshot(page, 'settings-messaging-zh-CN-1366');

    await page.keyboard.press('Control+S');
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    const saved = (await till.served.api<AppInfo>('app.info')).settings.messaging;
    expect(saved).toMatchObject({ language: 'zh-CN', signature: '常客咖啡', quietHoursStart: '22:30', quietHoursEnd: '09:00', winbackTemplate: winback });
    expect(saved.birthdayTemplate).toBe(info.settings.messaging.birthdayTemplate);
  });

  it('sets up an SMS provider with a write-only secret', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { level: 2, name: '短信服务商' }).waitFor();
    // The section loads the provider's state (sms.provider) before its form is there to Tab into.
    const none = page.getByRole('radio', { name: '暂不发送' });
    await none.waitFor();
    await page.keyboard.press('Tab');
    await expectFocused(none);
    // ← → within the provider choice: none, Twilio, 阿里云.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '阿里云' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('textbox', { name: '接入地址' }));
    // Saving without the required fields and secret points at the first one missing.
    await page.keyboard.press('Control+S');
    const keyId = page.getByRole('textbox', { name: 'AccessKey ID' });
    await expectFocused(keyId);
    await page.getByText('请修正标出的内容后再保存。').waitFor();
    await page.keyboard.type('LTAI5tTestKeyId');
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('textbox', { name: '模板 CODE' }));
    await page.keyboard.type('SMS_123456789');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const secret = page.getByLabel('AccessKey Secret');
    await expectFocused(secret);
    expect(await secret.getAttribute('type')).toBe('password');
    await page.keyboard.type('s3cr3t-value');
    await page.keyboard.press('Control+S');
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();

    const status = await till.served.api<ProviderStatus>('sms.provider');
    expect(status.config).toMatchObject({ kind: 'aliyun', accessKeyId: 'LTAI5tTestKeyId', templateCode: 'SMS_123456789', endpoint: 'dysmsapi.aliyuncs.com', protocol: 'https' });
    expect(status.secrets).toEqual([{ name: 'accessKeySecret', set: true }]);
    // The secret is never shown again: the field is empty and says it is set.
    expect(await secret.inputValue()).toBe('');
    expect(await secret.getAttribute('placeholder')).toBe('已设置，留空则不变');
    await page.getByText('已设置', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '发送测试短信' }).isDisabled()).toBe(true); // no phone yet
    await screenshot(page, 'settings-provider-zh-CN-1366');
  });

  it('looks right in English', async () => {
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { level: 2, name: 'SMS provider' }).waitFor();
    await page.getByText('Set', { exact: true }).waitFor();
    await screenshot(page, 'settings-provider-en-1366');
    await page.evaluate("location.hash = '#/settings/messaging'");
    await page.getByRole('heading', { level: 2, name: 'Messages' }).waitFor();
    const winbackEditor = page.getByRole('region', { name: 'Win-back message' });
    await winbackEditor.getByText(/characters · 2 SMS · UCS-2$/).waitFor();
    await screenshot(page, 'settings-messaging-en-1366');

    // The screen is in English; members' messages are still written in Chinese until the owner says otherwise.
    const language = page.getByRole('radiogroup', { name: "Members' language" });
    expect(await language.getByRole('radio', { name: '中文' }).isChecked()).toBe(true);
    await language.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Use the English default texts' }).click();
    expect(await page.getByRole('textbox', { name: 'Win-back message' }).inputValue()).toBe(ENGLISH_MESSAGING_TEXTS.winbackTemplate);
    expect(await page.getByRole('textbox', { name: 'Birthday greeting' }).inputValue()).toBe(ENGLISH_MESSAGING_TEXTS.birthdayTemplate);
    expect(await page.getByRole('textbox', { name: 'Opt-out line' }).inputValue()).toBe(ENGLISH_MESSAGING_TEXTS.optOutText);
    // The preview writes the sample member's balance as an English message does.
    const [sample] = await till.served.api<MemberSummary[]>('members.recent', { limit: 1 });
    const info = await till.served.api<AppInfo>('app.info');
    const values = placeholderValues(
      { name: sample!.name, balanceMinor: sample!.balancePrincipalMinor + sample!.balanceBonusMinor, points: sample!.points },
      { shopName: info.settings.shopName, currency: info.settings.currency, locale: 'en' },
      settingsText.en.messaging.sampleOffer,
      null,
    );
    const english = fullText('常客咖啡', marketingText(fillTemplate(ENGLISH_MESSAGING_TEXTS.winbackTemplate, values), ENGLISH_MESSAGING_TEXTS.optOutText));
    await winbackEditor.getByText(english).waitFor();
    await screenshot(page, 'settings-messaging-en-english-texts-1366');
    // Only the draft changed: undone, nothing was saved.
    await page.getByRole('button', { name: 'Undo changes' }).click();
    expect(await language.getByRole('radio', { name: '中文' }).isChecked()).toBe(true);
    expect((await till.served.api<AppInfo>('app.info')).settings.messaging).toMatchObject({ language: 'zh-CN', winbackTemplate: info.settings.messaging.winbackTemplate });
    await page.evaluate("location.hash = '#/settings/retention'");
    await page.getByText('A member who comes weekly is lapsed after more than 17 days away; one who comes monthly after more than 75 days.').waitFor();
    await screenshot(page, 'settings-retention-en-1366');
    await page.getByRole('radio', { name: '中文' }).check();
    await page.getByRole('heading', { level: 2, name: '回头客' }).waitFor();
    await page.close();
  });
});
