/**
 * Receipts end to end, each test on its own copy of the demo shop: a keyboard checkout prints on a
 * (fake) network printer and the done screen says so; a printer out of paper gets its own message, the
 * bill stands, and "Print again" prints once paper is in; the member statement shows the balance the
 * ledger holds and saves a PDF with the member's name; the e-bill line shows only for a member who
 * agreed to e-bills.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../src-main/api/contract.ts';
import { errorMessage } from '../../src-main/api/error-messages.ts';
import { formatMoney } from '../../src-main/api/money-format.ts';
import type { Bill, BillSummary, Member, MemberSummary, Product } from '../../src-main/ledger/types.ts';
import type { Statement } from '../../src-main/receipts/types.ts';
import { businessDate } from '../../src-main/ledger/time.ts';
import { decodeEscpos } from '../../src-main/print/escpos/decode.ts';
import { startLoopbackPrinter, STATUS_FINE, type LoopbackPrinter } from '../../src-main/demo/loopback-printer.ts';
import { focusedName, isFocused, knownMember, launchChromium, serve, startNextSale, type Served } from './harness.ts';

const SHOTS_DIR = '/tmp/rg/shots';
/** DLE EOT 4 answer of a printer whose roll has run out (paper end bits 5 and 6). */
const PAPER_OUT = STATUS_FINE | 0x60;

const zh = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN');
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** A private copy of the demo shop for one test, stopped (with whatever else the test started) at its end. */
async function withShop(test: (served: Served, cleanup: Array<() => Promise<void>>) => Promise<void>): Promise<void> {
  const served = await serve({ demo: true });
  const cleanup: Array<() => Promise<void>> = [];
  try {
    await test(served, cleanup);
  } finally {
    for (const step of cleanup.reverse()) await step();
    await served.stop();
  }
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

/** Receipts go to the fake printer on this till, printed as soon as a sale is made. */
async function useNetworkPrinter(served: Served, printer: LoopbackPrinter): Promise<void> {
  const { settings } = await served.api<AppInfo>('app.info');
  await served.api('settings.update', { printing: { ...settings.printing, connection: 'network', host: '127.0.0.1', port: printer.port, autoPrint: true } });
}

async function openCheckout(served: Served): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(served.openUrl);
  await page.getByRole('combobox', { name: '查找会员' }).waitFor();
  await expect.poll(() => focusedName(page)).toBe('查找会员');
  return page;
}

/** The national number a cashier types for a stored +86 phone. */
const typedPhone = (member: MemberSummary) => member.phone.replace(/^\+86/, '');

/**
 * Keyboard only: choose the member (or F10 walk-in), scan one product, F9, cash for the exact amount,
 * F9 — and wait for the done screen. Answers the bill the ledger made.
 */
async function sellForCash(served: Served, page: Page, member: MemberSummary | null, product: Product): Promise<Bill> {
  const before = await served.api<BillSummary[]>('bills.listOfDay', { businessDate: businessDate(new Date()) });
  if (member) {
    await page.keyboard.type(typedPhone(member));
    await page.getByRole('option', { name: new RegExp(`${member.name}，会员号 ${member.code}`) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: '当前会员' }).getByText(member.name).waitFor();
  } else {
    await page.keyboard.press('F10');
    await page.getByText('散客消费（不记会员）').waitFor();
  }
  await page.keyboard.type(product.barcode!, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.getByRole('row', { name: `${product.name}，数量 1` }).waitFor();
  await page.keyboard.press('F9');
  // The payment panel takes the focus once it has opened; arrows before that would go nowhere.
  await expect.poll(() => focusedName(page)).not.toBeNull();
  for (let i = 0; i < 8 && (await focusedName(page)) !== '现金实收'; i++) await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toBe('现金实收');
  await page.keyboard.press('Enter'); // exactly what is due
  await expect.poll(async () => flat(await page.getByRole('region', { name: '收款' }).getByRole('group', { name: '找零' }).textContent())).toContain(zh(0));
  await page.keyboard.press('F9');
  await page.getByRole('heading', { name: '收款完成' }).waitFor();
  const after = await served.api<BillSummary[]>('bills.listOfDay', { businessDate: businessDate(new Date()) });
  const made = after.filter((b) => !before.some((x) => x.id === b.id));
  expect(made).toHaveLength(1);
  return served.api<Bill>('bills.get', { billId: made[0]!.id });
}

async function someProduct(served: Served): Promise<Product> {
  const products = await served.api<Product[]>('products.list', {});
  const product = products.find((p) => p.active && p.barcode);
  if (!product) throw new Error('the demo shop has no product with a barcode');
  return product;
}

/** The printed text of a receipt, one line per printed line. */
const printedText = (bytes: Buffer) => decodeEscpos(bytes).textLines.join('\n');

const nextSaleButton = (page: Page) => page.getByRole('button', { name: /下一单/ });

describe('receipts at the till', () => {
  it('a member paying cash: the receipt prints on the network printer and the done screen says "printed"', async () => {
    await withShop(async (served, cleanup) => {
      const printer = await startLoopbackPrinter();
      cleanup.push(() => printer.close());
      await useNetworkPrinter(served, printer);
      const member = await knownMember(served);
      const page = await openCheckout(served);

      const bill = await sellForCash(served, page, member, await someProduct(served));
      expect(bill.memberId).toBe(member.id);
      await page.getByRole('status').filter({ hasText: '已打印' }).waitFor();
      // The printer got this bill: its number is on the paper.
      const printed = printedText(await printer.nextJob());
      expect(printed).toContain(bill.billNo);
      expect(printed).toContain(member.name);
      // Printing never took the focus: Enter still starts the next sale.
      expect(await isFocused(nextSaleButton(page))).toBe(true);
      await page.close();
    });
  });

  it('out of paper: the printer says so, the bill stands, and "Print again" prints once paper is in', async () => {
    await withShop(async (served, cleanup) => {
      let printer = await startLoopbackPrinter({ status: { paper: PAPER_OUT } });
      cleanup.push(() => printer.close());
      await useNetworkPrinter(served, printer);
      const product = await someProduct(served);
      const page = await openCheckout(served);

      const bill = await sellForCash(served, page, null, product);
      const paperOut = errorMessage('PRINTER_PAPER_OUT', {}, 'zh-CN', 'CNY');
      await page.getByRole('status').filter({ hasText: paperOut }).waitFor();
      const again = page.getByRole('button', { name: '重印', exact: true });
      await again.waitFor();
      // Nothing alarming: no alert, and the sale is made as it was.
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.getByRole('heading', { name: '收款完成' }).isVisible()).toBe(true);
      expect(await isFocused(nextSaleButton(page))).toBe(true);
      await shot(page, 'done-print-error-zh-CN');
      const stored = await served.api<Bill>('bills.get', { billId: bill.id });
      expect(stored.totalMinor).toBe(product.priceMinor);
      expect(stored.payments.map((p) => [p.method, p.amountMinor])).toEqual([['cash', product.priceMinor]]);

      // A new roll: the same printer answers "all fine" now.
      const port = printer.port;
      await printer.close();
      printer = await startLoopbackPrinter({ port });
      await again.click();
      const printed = printedText(await printer.nextJob());
      expect(printed).toContain(bill.billNo);
      await page.getByRole('status').filter({ hasText: '已打印' }).waitFor();
      expect(await page.getByRole('button', { name: '重印', exact: true }).count()).toBe(0);
      // The click handed the focus back: Enter is still "next sale".
      expect(await isFocused(nextSaleButton(page))).toBe(true);
      await page.close();
    });
  });

  it('the member statement: closing balance as the ledger holds it, and a PDF with the member in it', async () => {
    await withShop(async (served) => {
      const member = await knownMember(served);
      const page = await openCheckout(served);
      await page.evaluate((id) => {
        location.hash = `#/members/${encodeURIComponent(id)}`;
      }, member.id);
      await page.getByRole('heading', { level: 1, name: member.name }).waitFor();
      const open = page.getByRole('button', { name: '对账单' });
      await open.focus();
      await page.keyboard.press('Enter');

      const dialog = page.getByRole('dialog', { name: '会员对账单' });
      await dialog.waitFor();
      await expect.poll(() => focusedName(page)).toBe('开始日期');
      // The last three months up to today: rows enough to read, and the range ends today.
      await dialog.getByRole('button', { name: '近三个月' }).click();
      const today = businessDate(new Date());
      expect(await dialog.getByLabel('结束日期').inputValue()).toBe(today);
      const from = await dialog.getByLabel('开始日期').inputValue();
      const statement = await served.api<Statement>('receipts.statement', { memberId: member.id, from, to: today });
      expect(statement.entries.length).toBeGreaterThan(0);

      const balance = member.balancePrincipalMinor + member.balanceBonusMinor;
      const closing = dialog.getByRole('group', { name: '期末储值余额' });
      await expect.poll(async () => flat(await closing.textContent())).toContain(zh(balance));
      expect(flat(await dialog.getByRole('group', { name: '期末积分' }).textContent()).replace(/[,，]/g, '')).toContain(String(member.points));
      expect(await dialog.getByRole('table', { name: '明细' }).getByRole('row').count()).toBe(statement.entries.length + 1);
      await shot(page, 'statement-dialog-zh-CN');

      // Save PDF: a download, whose text has the member's name.
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '保存 PDF' }).click()]);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-statement-')), download.suggestedFilename());
      await download.saveAs(file);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(member.name);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });

      // Esc closes it and gives the focus back to the button that opened it.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => isFocused(open)).toBe(true);
      await page.close();
    });
  });

  it('the e-bill line: the masked phone for a member who agreed to e-bills, nothing for one who did not', async () => {
    await withShop(async (served) => {
      const info = await served.api<AppInfo>('app.info');
      const staffId = info.staff[0]!.id;
      const consenting = await knownMember(served);
      const recent = await served.api<MemberSummary[]>('members.recent', { limit: 50 });
      const other = recent.find((m) => m.id !== consenting.id && m.phone.startsWith('+861') && !m.archivedAt);
      if (!other) throw new Error('no second member with a Chinese mobile number');
      await served.api('consent.set', { staffId, memberId: consenting.id, kind: 'sms_bill', granted: true });
      await served.api('consent.set', { staffId, memberId: other.id, kind: 'sms_bill', granted: false });
      expect((await served.api<Member>('members.get', { memberId: other.id })).smsBillConsent).toBe(false);
      const product = await someProduct(served);

      const page = await openCheckout(served);
      await sellForCash(served, page, consenting, product);
      const national = typedPhone(consenting);
      const masked = `${national.slice(0, 3)}****${national.slice(-4)}`;
      await page.getByText(`电子账单短信已发送至 ${masked}`).waitFor();
      expect(await page.getByText(national).count()).toBe(0); // never the whole number
      await startNextSale(page);

      await sellForCash(served, page, other, product);
      expect(await page.getByText('电子账单短信').count()).toBe(0);
      await page.close();
    });
  });
});
