/**
 * The till in Chromium against `npm run serve`, keyboard only, on a copy of the demo shop: each sale
 * is checked on screen and in the ledger behind it (bills, payments, member balances and points).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src-main/api/money-format.ts';
import type { Bill, BillSummary, CheckoutQuote, Member, MemberSummary, Product } from '../../src-main/ledger/types.ts';
import { demoTill, focusedName, knownMember, openTill, screenshot, startNextSale } from './harness.ts';

let products: Product[];
let today: string;

const till = demoTill(async ({ served }) => {
  products = await till.served.api<Product[]>('products.list', {});
  const d = new Date();
  today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

const zh = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN');
const en = (minor: number) => formatMoney(minor, 'CNY', 'en');
/** Text with grouping and spaces removed, to compare figures regardless of how they wrap. */
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

function product(name: string): Product {
  const p = products.find((x) => x.name === name);
  if (!p) throw new Error(`no product ${name}`);
  return p;
}

/** The till on a new page, where it opens: checkout, with the member field focused. */
async function openCheckout(size?: { width: number; height: number }): Promise<Page> {
  const page = await openTill(till, size);
  await page.getByRole('combobox', { name: '查找会员' }).waitFor();
  await expect.poll(() => focusedName(page)).toBe('查找会员');
  return page;
}

async function billsToday(): Promise<BillSummary[]> {
  return till.served.api<BillSummary[]>('bills.listOfDay', { businessDate: today });
}

/** Choose a member by typing in the member field and pressing Enter on the one match. */
async function chooseMember(page: Page, query: string, member: MemberSummary) {
  await page.keyboard.type(query);
  await page.getByRole('option', { name: new RegExp(`${member.name}，会员号 ${member.code}`) }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: '当前会员' }).getByText(member.name).waitFor();
}

/** Add a product by scanning its barcode into the item field (fast keys + Enter, like a scanner). */
async function scan(page: Page, p: Product, expectedQuantity = 1) {
  await page.keyboard.type(p.barcode!, { delay: 5 });
  await page.keyboard.press('Enter');
  try {
    await page.getByRole('row', { name: `${p.name}，数量 ${expectedQuantity}` }).waitFor({ timeout: 5000 });
  } catch (e) {
    await screenshot(page, 'failed-scan');
    throw e;
  }
}

/** Move through the payment rows with ↓ until the named one has the focus. */
async function focusTender(page: Page, label: string) {
  for (let i = 0; i < 8 && (await focusedName(page)) !== label; i++) await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toBe(label);
}

describe('checkout at the till, keyboard only', () => {
  it('walk-in cash sale: two items, 100 handed over, change on screen and in the ledger', async () => {
    const before = await billsToday();
    const page = await openCheckout();
    const latte = product('拿铁');
    const croissant = product('可颂');

    await page.keyboard.press('F10');
    await page.getByText('散客消费（不记会员）').waitFor();
    await scan(page, latte);
    await scan(page, croissant);
    await scan(page, latte, 2);
    // 2 × 28.00 + 15.00 = 71.00, no discount for a walk-in.
    const total = 2 * latte.priceMinor + croissant.priceMinor;
    const summary = page.getByRole('region', { name: '本单合计' });
    await expect.poll(async () => flat(await summary.getByRole('group', { name: '应收' }).textContent())).toContain(zh(total));
    await screenshot(page, 'checkout-cart-zh-CN');

    await page.keyboard.press('F9');
    await expect.poll(() => focusedName(page)).toBe('现金实收');
    await page.keyboard.type('100');
    const change = 10_000 - total;
    const payment = page.getByRole('region', { name: '收款' });
    await expect.poll(async () => flat(await payment.getByRole('group', { name: '找零' }).textContent())).toContain(zh(change));
    await screenshot(page, 'checkout-pay-cash-zh-CN');
    await page.keyboard.press('F9');

    await page.getByRole('heading', { name: '收款完成' }).waitFor();
    expect(flat(await page.getByRole('group', { name: '找零' }).textContent())).toContain(zh(change));
    await screenshot(page, 'checkout-done-zh-CN');

    const after = await billsToday();
    expect(after.length).toBe(before.length + 1);
    const summaryRow = after.find((b) => !before.some((x) => x.id === b.id))!;
    const bill = await till.served.api<Bill>('bills.get', { billId: summaryRow.id });
    expect(bill.memberId).toBeNull();
    expect(bill.totalMinor).toBe(total);
    expect(bill.lines.map((l) => [l.name, l.quantity, l.netMinor])).toEqual([
      [latte.name, 2, 2 * latte.priceMinor],
      [croissant.name, 1, croissant.priceMinor],
    ]);
    expect(bill.payments).toHaveLength(1);
    expect(bill.payments[0]).toMatchObject({ method: 'cash', amountMinor: total, tenderedMinor: 10_000, changeMinor: change });
    // The receipt on screen is this bill.
    await page.getByRole('article', { name: `账单 ${bill.billNo}` }).waitFor();

    // One key starts the next sale, with the member field ready.
    await startNextSale(page);
    expect(await page.getByRole('table', { name: '购物清单' }).count()).toBe(0);
    await page.close();
  });

  it('member sale paid partly from stored value and partly by card: the balance drops by exactly the stored-value part', async () => {
    const member = await knownMember(till.served);
    const balance = member.balancePrincipalMinor + member.balanceBonusMinor;
    expect(balance).toBeGreaterThan(3000);
    const page = await openCheckout();
    await chooseMember(page, '13812345678', member);

    const cake = product('巴斯克芝士蛋糕');
    const latte = product('拿铁');
    await scan(page, cake);
    await scan(page, latte);
    const quote = await till.served.api<CheckoutQuote>('checkout.quote', { memberId: member.id, lines: [{ productId: cake.id }, { productId: latte.id }] });
    expect(quote.discountMinor).toBeGreaterThan(0); // gold tier
    const summary = page.getByRole('region', { name: '本单合计' });
    await expect.poll(async () => flat(await summary.getByRole('group', { name: '应收' }).textContent())).toContain(zh(quote.totalMinor));

    await page.keyboard.press('F9');
    await expect.poll(() => focusedName(page)).toBe('储值');
    // 30.00 from stored value, the rest by card.
    const stored = 3000;
    await page.keyboard.type('30');
    await focusTender(page, '银行卡');
    await page.keyboard.press('Enter'); // fills in what is still due
    const payment = page.getByRole('region', { name: '收款' });
    await expect.poll(async () => flat(await payment.textContent())).toContain(`付后余额 ${zh(balance - stored)}`);
    await expect.poll(async () => flat(await payment.getByRole('group', { name: '找零' }).textContent())).toContain(zh(0));
    await screenshot(page, 'checkout-pay-split-zh-CN');
    await page.keyboard.press('F9');

    await page.getByRole('heading', { name: '收款完成' }).waitFor();
    expect(flat(await page.getByRole('group', { name: '储值余额' }).textContent())).toContain(zh(balance - stored));

    const after = await till.served.api<Member>('members.get', { memberId: member.id });
    expect(after.balancePrincipalMinor + after.balanceBonusMinor).toBe(balance - stored);
    const [newest] = await till.served.api<BillSummary[]>('bills.listOfDay', { businessDate: today, limit: 1 }).then((b) => b.filter((x) => x.memberId === member.id).slice(-1));
    const bill = await till.served.api<Bill>('bills.get', { billId: newest!.id });
    const sv = bill.payments.find((p) => p.method === 'stored_value')!;
    const card = bill.payments.find((p) => p.method === 'card')!;
    expect(sv.amountMinor).toBe(stored);
    expect(sv.principalMinor + sv.bonusMinor).toBe(stored);
    expect(after.balancePrincipalMinor).toBe(member.balancePrincipalMinor - sv.principalMinor);
    expect(card.amountMinor).toBe(quote.totalMinor - stored);
    expect(after.points).toBe(member.points + bill.pointsEarned);
    await page.close();
  });

  it('insufficient balance: a clear message, no bill, and the rest paid another way', async () => {
    const member = await knownMember(till.served);
    const balance = member.balancePrincipalMinor + member.balanceBonusMinor;
    const before = await billsToday();
    const page = await openCheckout();
    await chooseMember(page, '13812345678', member);
    // A custom amount above the balance.
    const amount = balance + 10_000;
    await page.keyboard.type((amount / 100).toFixed(2));
    await page.keyboard.press('Enter');
    await page.getByRole('row', { name: '自定义金额，数量 1' }).waitFor();
    const quote = await till.served.api<CheckoutQuote>('checkout.quote', { memberId: member.id, lines: [{ name: '自定义金额', amountMinor: amount }] });

    await page.keyboard.press('F9');
    await expect.poll(() => focusedName(page)).toBe('储值');
    await page.keyboard.type((quote.totalMinor / 100).toFixed(2));
    const alert = page.getByRole('alert').filter({ hasText: '储值余额不足' });
    await alert.waitFor();
    expect(flat(await alert.textContent())).toContain(zh(balance));
    await screenshot(page, 'checkout-insufficient-zh-CN');
    await page.keyboard.press('F9'); // refused: nothing happens
    expect((await billsToday()).length).toBe(before.length);

    // Take all the balance, the rest by WeChat Pay.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter'); // fills in min(balance, due)
    await focusTender(page, '微信支付');
    await page.keyboard.press('Enter');
    await expect.poll(async () => flat(await page.getByRole('region', { name: '收款' }).textContent())).toContain(`付后余额 ${zh(0)}`);
    await page.keyboard.press('F9');
    await page.getByRole('heading', { name: '收款完成' }).waitFor();

    const after = await till.served.api<Member>('members.get', { memberId: member.id });
    expect(after.balancePrincipalMinor + after.balanceBonusMinor).toBe(0);
    const bills = await billsToday();
    expect(bills.length).toBe(before.length + 1);
    const bill = await till.served.api<Bill>('bills.get', { billId: bills.find((b) => !before.some((x) => x.id === b.id))!.id });
    expect(bill.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['stored_value', balance],
      ['wechat', quote.totalMinor - balance],
    ]);
    await page.close();
  });

  it('a double-pressed confirm makes one bill', async () => {
    const before = await billsToday();
    const page = await openCheckout();
    await page.keyboard.press('F10');
    await scan(page, product('美式'));
    await page.keyboard.press('F9');
    await expect.poll(() => focusedName(page)).toBe('现金实收');
    await page.keyboard.press('Enter'); // exact cash
    await expect.poll(async () => flat(await page.getByRole('region', { name: '收款' }).getByRole('group', { name: '找零' }).textContent())).toContain(zh(0));
    // Confirm pressed three times in a row: one bill, and the receipt stays up (the last press is not
    // taken as "next sale", or the change to hand back would vanish before anyone read it).
    await page.keyboard.press('F9');
    await page.keyboard.press('F9');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '收款完成' }).waitFor();
    await expect.poll(async () => (await billsToday()).length).toBe(before.length + 1);
    // Still one after anything in flight has landed, and still on the receipt.
    await till.served.api('app.info');
    expect((await billsToday()).length).toBe(before.length + 1);
    expect(await page.getByRole('heading', { name: '收款完成' }).isVisible()).toBe(true);
    // A deliberate Enter (not part of the double press) then starts the next sale.
    await startNextSale(page);
    await page.close();
  });

  it('new member from checkout with F2: phone and name only, consents unticked, and the sale is theirs', async () => {
    const page = await openCheckout();
    const phone = '13900001234';
    await page.keyboard.type(phone);
    await page.getByText('没有找到“13900001234”').waitFor();
    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog', { name: '新建会员' });
    await dialog.waitFor();
    // The phone typed in the search is carried over; the name is next.
    await expect.poll(() => focusedName(page)).toMatch(/姓名/);
    await page.keyboard.type('黎思远');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: '当前会员' }).getByText('黎思远').waitFor();

    const [created] = await till.served.api<MemberSummary[]>('members.search', { query: phone });
    const member = await till.served.api<Member>('members.get', { memberId: created!.id });
    expect(member.name).toBe('黎思远');
    expect(member.smsBillConsent).toBe(false);
    expect(member.smsMarketingConsent).toBe(false);

    await expect.poll(() => focusedName(page)).toBe('扫码或搜索商品');
    await scan(page, product('可颂'));
    await page.keyboard.press('F9');
    await expect.poll(() => focusedName(page)).toBe('现金实收');
    await page.keyboard.press('Enter');
    await expect.poll(async () => flat(await page.getByRole('region', { name: '收款' }).getByRole('group', { name: '找零' }).textContent())).toContain(zh(0));
    await page.keyboard.press('F9');
    await page.getByRole('heading', { name: '收款完成' }).waitFor();
    const after = await till.served.api<Member>('members.get', { memberId: member.id });
    expect(after.visitCount).toBe(1);
    expect(after.totalSpentMinor).toBe(product('可颂').priceMinor);
    expect(after.points).toBeGreaterThan(0);
    await page.close();
  });

  it('in English at 1920×1080: the same sale reads in English with English money', async () => {
    const page = await openCheckout({ width: 1920, height: 1080 });
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('combobox', { name: 'Find member' }).focus();
    const target = await knownMember(till.served);
    await page.keyboard.type('13812345678');
    await page.getByRole('option', { name: new RegExp(`${target.name}, member ${target.code}`) }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type(product('提拉米苏').barcode!, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByRole('row', { name: '提拉米苏, quantity 1' }).waitFor();
    const quote = await till.served.api<CheckoutQuote>('checkout.quote', { memberId: target.id, lines: [{ productId: product('提拉米苏').id }] });
    await expect.poll(async () => flat(await page.getByRole('region', { name: 'This sale' }).getByRole('group', { name: 'Total' }).textContent())).toContain(en(quote.totalMinor));
    await screenshot(page, 'checkout-cart-en-1920');
    await page.keyboard.press('F9');
    await page.getByRole('region', { name: 'Payment' }).waitFor();
    await screenshot(page, 'checkout-pay-en-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'checkout-pay-en');
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'This sale' }).waitFor();
    await page.getByRole('radio', { name: '中文' }).check();
    await page.close();
  });
});
