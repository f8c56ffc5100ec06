/**
 * Settings → Printing and Settings → E-bills in Chromium, each test on its own copy of the demo shop:
 * a network printer (a fake one on 127.0.0.1) set up by keyboard, checked and printing a test page
 * whose bytes reach it; a printer out of paper named in the screen's language; the receipt logo chosen
 * from a file (too large a file refused at the input); the sale e-bill edited in Chinese and English
 * with its live preview and SMS count, saved and still there after a reload. Screenshots at 1366×768.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { AppInfo } from '../../src-main/api/contract.ts';
import { errorMessage } from '../../src-main/api/error-messages.ts';
import type { MemberSummary } from '../../src-main/ledger/types.ts';
import { charsPerLine } from '../../src-main/print/escpos/paper.ts';
import { ruler } from '../../src-main/print/escpos/test-page-markup.ts';
import { PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';
import { ebillSample } from '../../src-main/sms/ebill-sample.ts';
import type { EbillEvent } from '../../src-main/sms/ebill-text.ts';
import { signatureOf } from '../../src-main/sms/templates.ts';
import { previewEbill } from '../../src-renderer/screens/settings/ebill-preview.ts';
import { printingSettingsText } from '../../src-renderer/screens/settings/printing-text.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../../src-main/demo/loopback-printer.ts';
import { expectFocused, launchChromium, openTill, screenshot, serve, signInAt, type Served } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** A private copy of the demo shop for this test alone, stopped when the test ends. */
async function freshShop(): Promise<Served> {
  const served = await serve({ demo: true });
  onTestFinished(() => served.stop());
  return served;
}

async function fakePrinter(options: Parameters<typeof startLoopbackPrinter>[0] = {}): Promise<LoopbackPrinter> {
  const printer = await startLoopbackPrinter(options);
  onTestFinished(() => printer.close());
  return printer;
}

async function openSettings(served: Served, section: 'printing' | 'ebills'): Promise<Page> {
  const page = await openTill({ served, browser });
  onTestFinished(() => page.close());
  await page.evaluate(`location.hash = '#/settings/${section}'`);
  return page;
}

/** Replace what the focused field holds, as a person does: select all, type. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** The receipt bytes of the next connection that carried any (a status check's connection carries none). */
async function nextReceipt(printer: LoopbackPrinter): Promise<Buffer> {
  for (;;) {
    const job = await printer.nextJob();
    if (job.length > 0) return job;
  }
}

const saved = (page: Page) => page.getByRole('status').filter({ hasText: '已保存' }).waitFor();

describe('Settings → Printing', () => {
  it('sets up a network printer by keyboard: the check says it is ready, the test page reaches it', async () => {
    const printer = await fakePrinter();
    const served = await freshShop();
    const page = await openTill({ served, browser });
    onTestFinished(() => page.close());

    // F8 opens settings with the section list focused; End goes to the last section, printing.
    await page.keyboard.press('F8');
    await expectFocused(page.getByRole('tab', { name: '店铺' }));
    await page.keyboard.press('End');
    await page.getByRole('heading', { level: 2, name: '打印' }).waitFor();
    expect(page.url()).toContain('#/settings/printing');
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('radio', { name: '不打印' }));
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '网络打印机' }).isChecked()).toBe(true);
    // The check uses the saved settings: it waits for the save.
    await page.getByText('先保存上面的修改，再检查打印机。').waitFor();
    expect(await page.getByRole('button', { name: '检查打印机' }).isDisabled()).toBe(true);

    await page.keyboard.press('Tab');
    const host = page.getByRole('textbox', { name: '打印机地址' });
    await expectFocused(host);
    // No address: the save is refused at the field, which keeps the focus.
    await page.keyboard.press('Control+S');
    await page.getByText('请填写打印机的 IP 地址或主机名').waitFor();
    expect(await host.getAttribute('aria-invalid')).toBe('true');
    await expectFocused(host);
    expect((await served.api<AppInfo>('app.info')).settings.printing.connection).toBe('none');
    await page.keyboard.type('127.0.0.1');
    await page.keyboard.press('Tab');
    const port = page.getByRole('textbox', { name: '端口' });
    await expectFocused(port);
    expect(await port.inputValue()).toBe('9100');
    await retype(page, String(printer.port));
    await page.keyboard.press('Control+S');
    await saved(page);
    expect((await served.api<AppInfo>('app.info')).settings.printing).toMatchObject({ connection: 'network', host: '127.0.0.1', port: printer.port });

    // Next after the port: Check printer, then Print test page; Enter presses each.
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('button', { name: '检查打印机' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `打印机正常（network 127.0.0.1:${printer.port}）` }).waitFor();
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('button', { name: '打印测试页' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '测试页已打印，请看看打印机出纸' }).waitFor();

    const job = await nextReceipt(printer);
    expect(job.includes(Buffer.from('English: Regulars 0123456789'))).toBe(true);
    // A ruler as wide as the 80 mm paper the shop has.
    expect(job.includes(Buffer.from(ruler(charsPerLine(80))))).toBe(true);
    await screenshot(page, 'printing-settings-zh-CN-1366');
  });

  it('names a printer that is out of paper, in the screen language', async () => {
    // Offline because the paper ran out, and the paper sensor says so too.
    const printer = await fakePrinter({ status: { printer: 0x1a, offline: 0x32, paper: 0x72 } });
    const served = await freshShop();
    const before = (await served.api<AppInfo>('app.info')).settings.printing;
    await served.api('settings.update', { printing: { ...before, connection: 'network', host: '127.0.0.1', port: printer.port } });
    const page = await openSettings(served, 'printing');

    await page.getByRole('button', { name: '检查打印机' }).click();
    const paperOut = errorMessage('PRINTER_PAPER_OUT', {}, 'zh-CN');
    expect(paperOut).toBe('打印机缺纸，请换纸后重印');
    await page.getByRole('status').filter({ hasText: paperOut }).waitFor();

    // A test page is refused before a byte of it is sent.
    await page.getByRole('button', { name: '打印测试页' }).click();
    const status = page.getByRole('region', { name: '试一试' }).getByRole('status');
    await expect.poll(() => status.textContent()).toBe(paperOut);
    expect(printer.received().length).toBe(0);

    // Switching the screen to English rewords the answer on screen.
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { level: 2, name: 'Printing' }).waitFor();
    await page.getByRole('status').filter({ hasText: errorMessage('PRINTER_PAPER_OUT', {}, 'en') }).waitFor();
    await screenshot(page, 'printing-settings-paper-out-en-1366');
  });

  it('takes a PNG logo from a file, refuses one over 200 KB at the input, and removes it', async () => {
    const served = await freshShop();
    const page = await openSettings(served, 'printing');
    const file = page.getByLabel('选择 Logo 图片（PNG）');
    await page.getByText('还没有 Logo。').waitFor();

    // PNG bytes, but too many of them: refused here, nothing sent.
    const oversized = Buffer.alloc(250_000);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(oversized);
    await file.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: oversized });
    await page.getByText('这张图片有 250 KB，超过 200 KB 的上限，请缩小后再选').waitFor();
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    // Not a PNG at all, whatever its name says.
    await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a not a png') });
    await page.getByText('只能使用 PNG 图片').waitFor();
    expect((await served.api<{ logoPng: string | null }>('print.logo')).logoPng).toBeNull();

    const png = fs.readFileSync(path.join(PROJECT_ROOT, 'assets', 'icon.png'));
    await file.setInputFiles({ name: 'icon.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('status').filter({ hasText: 'Logo 已保存，马上生效' }).waitFor();
    // The 512-pixel icon is wider than a 58 mm printer's 384 dots: it is saved scaled down to fit.
    const saved = (await served.api<{ logoPng: string | null }>('print.logo')).logoPng!;
    const savedPng = Buffer.from(saved.replace('data:image/png;base64,', ''), 'base64');
    expect(png.readUInt32BE(16)).toBe(512);
    expect([savedPng.readUInt32BE(16), savedPng.readUInt32BE(20)]).toEqual([384, 384]);
    expect(await page.getByRole('img', { name: '当前的 Logo' }).getAttribute('src')).toBe(saved);
    expect(await file.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: '移除 Logo' }).click();
    await page.getByRole('status').filter({ hasText: 'Logo 已移除' }).waitFor();
    expect((await served.api<{ logoPng: string | null }>('print.logo')).logoPng).toBeNull();
    await expectFocused(file);
  });

  it('shows a cashier the printing settings read-only', async () => {
    const served = await freshShop();
    const page = await openSettings(served, 'printing');
    const cashier = (await served.api<AppInfo>('app.info')).staff.find((s) => s.role === 'cashier')!;
    await signInAt(page, cashier.name);
    await page.getByText('只有店主或店长可以修改设置').waitFor();
    expect(await page.getByRole('radio', { name: '网络打印机' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('选择 Logo 图片（PNG）').isDisabled()).toBe(true);
    expect(await page.getByRole('textbox', { name: '店名下面的几行' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /保存/ }).count()).toBe(0);
  });
});

describe('Settings → E-bills', () => {
  /**
   * When the preview's made-up bill happens (now, fixed while the section is open), read off a preview
   * that shows the bill number (which carries the day) and the time.
   */
  function sampleTimeOf(shown: string): string {
    const day = /(\d{4})(\d{2})(\d{2})-01-004/.exec(shown);
    const time = /(\d{2}:\d{2})/.exec(shown);
    expect(day).not.toBeNull();
    expect(time).not.toBeNull();
    return `${day![1]}-${day![2]}-${day![3]} ${time![1]}`;
  }

  /** The sale e-bill as the preview must show it: the sample member, the made-up bill at `localTime`. */
  async function expectedPreview(served: Served, template: string, localTime: string, locale: 'zh-CN' | 'en', event: EbillEvent = 'sale') {
    const info = await served.api<AppInfo>('app.info');
    const [member] = await served.api<MemberSummary[]>('members.recent', { limit: 1 });
    const receipt = ebillSample(event, {
      shopName: info.settings.shopName,
      currency: info.settings.currency,
      locale,
      localTime,
      member: { name: member!.name, balanceMinor: member!.balancePrincipalMinor + member!.balanceBonusMinor, points: member!.points },
    });
    return previewEbill(template, signatureOf(info.settings.messaging.signature, info.settings.shopName), receipt);
  }

  it('edits the sale e-bill in Chinese and in English: the preview fills the amount and counts the SMS; saved, it survives a reload', async () => {
    const served = await freshShop();
    const page = await openSettings(served, 'ebills');
    await page.getByRole('heading', { level: 2, name: '电子账单' }).waitFor();
    await page.getByText('模板语言：中文').waitFor();

    const editor = page.getByRole('region', { name: '消费账单' });
    const template = editor.getByRole('textbox', { name: '消费账单' });
    const bubble = editor.locator('.sms-bubble');
    const counts = editor.locator('.sms-meta .num');
    const info = await served.api<AppInfo>('app.info');
    expect(await template.inputValue()).toBe(info.settings.ebills.templates['zh-CN'].sale);

    // The default text, filled: the sample sale's amount in the members' language.
    const zhTime = sampleTimeOf((await bubble.textContent())!);
    const first = await expectedPreview(served, info.settings.ebills.templates['zh-CN'].sale, zhTime, 'zh-CN');
    expect(first.fullText).toContain('¥82.80');
    await expect.poll(() => bubble.textContent()).toBe(first.fullText);
    expect(await counts.textContent()).toBe(`${first.characters} 字 · ${first.segments} 条短信 · ${first.encoding}`);

    // A typo in a placeholder is flagged while typing and stops the save at the field.
    await template.focus();
    await retype(page, '{nmae}您好');
    await editor.getByText(/无法识别的占位符：\{nmae\}/).waitFor();
    await page.keyboard.press('Control+S');
    await editor.getByText('有无法识别的占位符：{nmae}').waitFor();
    await expectFocused(template);

    // A short text, with the amount inserted from the placeholder toolbar (one Tab stop, → along it): one SMS.
    await retype(page, '{name}您好！您于{time}在{shop}消费');
    await page.keyboard.press('Tab');
    await expectFocused(editor.getByRole('button', { name: '插入“姓名”' }));
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expectFocused(editor.getByRole('button', { name: '插入“金额”' }));
    await page.keyboard.press('Enter');
    await expectFocused(template);
    const short = '{name}您好！您于{time}在{shop}消费{amount}';
    expect(await template.inputValue()).toBe(short);
    const second = await expectedPreview(served, short, zhTime, 'zh-CN');
    expect(second.segments).toBe(1);
    await expect.poll(() => bubble.textContent()).toBe(second.fullText);
    expect(second.fullText).toContain('消费¥82.80');
    expect(await counts.textContent()).toBe(`${second.characters} 字 · 1 条短信 · UCS-2`);

    // Longer: split into more SMS, and the count on screen says so.
    await page.keyboard.type('（{paid}），储值余额{balance}，本次获得{pointsEarned}积分，共{points}积分。单号{billNo}，如有疑问请致电本店。');
    const chinese = `${short}（{paid}），储值余额{balance}，本次获得{pointsEarned}积分，共{points}积分。单号{billNo}，如有疑问请致电本店。`;
    expect(await template.inputValue()).toBe(chinese);
    const longer = await expectedPreview(served, chinese, zhTime, 'zh-CN');
    expect(longer.segments).toBeGreaterThan(1);
    await expect.poll(() => bubble.textContent()).toBe(longer.fullText);
    expect(await counts.textContent()).toBe(`${longer.characters} 字 · ${longer.segments} 条短信 · UCS-2`);
    await page.getByText('有未保存的修改').waitFor();
    await screenshot(page, 'ebills-zh-CN-1366');
    await page.keyboard.press('Control+S');
    await saved(page);
    expect((await served.api<AppInfo>('app.info')).settings.ebills.templates['zh-CN'].sale).toBe(chinese);

    // Members' messages in English (Settings → Messages): the e-bills section shows the English set.
    await page.getByRole('button', { name: '去修改短信语言' }).click();
    await page.getByRole('heading', { level: 2, name: '短信' }).waitFor();
    await page.getByRole('radiogroup', { name: '短信语言' }).getByRole('radio', { name: 'English' }).check();
    await page.keyboard.press('Control+S');
    await saved(page);
    await page.evaluate("location.hash = '#/settings/ebills'");
    await page.getByText('模板语言：English').waitFor();
    const englishDefault = info.settings.ebills.templates.en.sale;
    expect(await template.inputValue()).toBe(englishDefault);
    const enTime = sampleTimeOf((await bubble.textContent())!);
    const third = await expectedPreview(served, englishDefault, enTime, 'en');
    await expect.poll(() => bubble.textContent()).toBe(third.fullText);
    // English money as an English message writes it.
    expect(third.fullText).toContain('CN¥82.80');

    const english = `${englishDefault} Questions? Call us at the shop any day from nine to nine, we are happy to help.`;
    await template.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Questions? Call us at the shop any day from nine to nine, we are happy to help.');
    expect(await template.inputValue()).toBe(english);
    const fourth = await expectedPreview(served, english, enTime, 'en');
    expect(fourth.segments).toBeGreaterThan(third.segments);
    await expect.poll(() => bubble.textContent()).toBe(fourth.fullText);
    expect(await counts.textContent()).toBe(`${fourth.characters} 字 · ${fourth.segments} 条短信 · ${fourth.encoding}`);
    await page.keyboard.press('Control+S');
    await saved(page);

    // After a reload the saved texts are there; the ledger has both languages.
    await page.reload();
    await page.getByText('模板语言：English').waitFor();
    expect(await page.getByRole('textbox', { name: '消费账单' }).inputValue()).toBe(english);
    const after = (await served.api<AppInfo>('app.info')).settings.ebills;
    expect(after).toEqual({
      enabled: true,
      templates: { 'zh-CN': { ...info.settings.ebills.templates['zh-CN'], sale: chinese }, en: { ...info.settings.ebills.templates.en, sale: english } },
    });

    // Back to the default, a button away; the screen in English names it so.
    await page.getByRole('radio', { name: 'English' }).first().check();
    await page.getByRole('heading', { level: 2, name: printingSettingsText.en.ebills.title }).waitFor();
    await screenshot(page, 'ebills-en-1366');
    const saleEditor = page.getByRole('region', { name: printingSettingsText.en.ebills.event.sale });
    await saleEditor.getByRole('button', { name: printingSettingsText.en.ebills.reset }).click();
    expect(await saleEditor.getByRole('textbox').inputValue()).toBe(englishDefault);
    await expectFocused(saleEditor.getByRole('textbox'));
    await saleEditor.getByText(printingSettingsText.en.ebills.isDefault).waitFor();
  });
});
