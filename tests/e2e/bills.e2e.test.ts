/**
 * Bill history and refunds in Chromium against the demo shop, keyboard only: a cashier goes to today's
 * bills (F7), opens a member's bill that was paid partly with stored value, refunds one line after
 * reading the ledger's preview, and the ledger agrees with every number shown. Then a walk-in's cash
 * bill is refunded in full with a double-pressed confirm, which makes exactly one refund. Screenshots
 * of a day's bills with one open, in Chinese and English at 1366×768 and at 1920×1080. A day's totals
 * on screen are the ledger's day summary, which is also what the bills themselves add up to, and
 * opening a day takes two calls, not one per bill.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src-main/api/money-format.ts';
import type { Bill, BillSummary, CheckoutQuote, CheckoutResult, DaySummary, Member, PaymentMethod, Product, RefundPreview, StaffMember } from '../../src-main/ledger/types.ts';
import { businessDate } from '../../src-main/ledger/time.ts';
import { demoTill, expectFocused, knownMember, openTill, screenshot } from './harness.ts';

let staffId: string;
let products: Product[];
let member: Member;

const till = demoTill(async ({ served }) => {
  const info = await served.api<{ staff: StaffMember[] }>('app.info');
  staffId = info.staff.find((s) => s.role === 'owner')!.id;
  products = await served.api<Product[]>('products.list', {});
  member = await knownMember(served);
});

const zh = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN');
const product = (name: string) => {
  const found = products.find((p) => p.name === name);
  if (!found) throw new Error(`no product ${name}`);
  return found;
};

/** A sale made the way the checkout makes it (quote, then commit with the total split over tenders). */
async function sell(memberId: string | null, lines: Array<{ productId: string; quantity: number }>, pay: (total: number) => Array<{ method: string; amountMinor: number; tenderedMinor?: number }>): Promise<Bill> {
  const quote = await till.served.api<CheckoutQuote>('checkout.quote', { memberId, lines });
  const result = await till.served.api<CheckoutResult>('checkout.commit', {
    idempotencyKey: crypto.randomUUID(),
    staffId,
    memberId,
    lines,
    payments: pay(quote.totalMinor),
  });
  return result.bill;
}

const today = () => businessDate(new Date());
/** A business day moved by whole days, as the ledger names days. */
const shiftIso = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return businessDate(new Date(y, m - 1, d + days));
};
const dayBills = () => till.served.api<BillSummary[]>('bills.listOfDay', { businessDate: today(), limit: 500 });
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The day's totals region shows the ledger's summary of the day, and that summary is what the day's
 * bills add up to, read one by one with bills.get (totals, payment rows, points, refunded amounts).
 */
async function expectDayTotals(totals: Locator, day: string): Promise<void> {
  const summary = await till.served.api<DaySummary>('bills.daySummary', { businessDate: day });
  const bills = await till.served.api<BillSummary[]>('bills.listOfDay', { businessDate: day, limit: 2000 });
  const details = await Promise.all(bills.map((b) => till.served.api<Bill>('bills.get', { billId: b.id })));
  const sales = details.filter((b) => b.kind === 'sale');
  const refunds = details.filter((b) => b.kind === 'refund');
  expect(summary.salesCount).toBe(sales.length);
  expect(summary.refundsCount).toBe(refunds.length);
  expect(summary.salesMinor).toBe(sum(sales.map((b) => b.totalMinor)));
  expect(summary.refundsMinor).toBe(0 - sum(refunds.map((b) => b.totalMinor)));
  expect(summary.netMinor).toBe(sum(details.map((b) => b.totalMinor)));
  expect(summary.pointsEarned).toBe(sum(details.map((b) => b.pointsEarned)));
  const byMethod = new Map<PaymentMethod, number>();
  for (const p of details.flatMap((b) => b.payments)) byMethod.set(p.method, (byMethod.get(p.method) ?? 0) + p.amountMinor);
  expect(new Map(summary.byMethod.map((m) => [m.method, m.netMinor]))).toEqual(byMethod);
  for (const b of details) expect(b.refundedMinor).toBe(0 - sum(b.refunds.map((r) => r.totalMinor)));

  await expect.poll(() => text(totals.getByRole('group', { name: '销售额' }))).toContain(zh(summary.salesMinor));
  expect(await text(totals.getByRole('group', { name: '销售额' }))).toContain(`${summary.salesCount} 笔`);
  expect(await text(totals.getByRole('group', { name: '退款' }))).toContain(zh(0 - summary.refundsMinor));
  expect(await text(totals.getByRole('group', { name: '退款' }))).toContain(`${summary.refundsCount} 笔`);
  expect(await text(totals.getByRole('group', { name: '净收入' }))).toContain(zh(summary.netMinor));
  const methods = totals.getByRole('list', { name: /按付款方式/ }).getByRole('listitem');
  expect(await methods.count()).toBe(summary.byMethod.length);
  for (const [i, m] of summary.byMethod.entries()) expect(await text(methods.nth(i))).toContain(zh(m.netMinor));
}

/** From the bills screen with the list focused: walk with ↓ to the bill and open it with Enter. */
async function openWithKeys(page: Page, list: Locator, billNo: string): Promise<void> {
  const bills = await dayBills();
  const index = bills.findIndex((b) => b.billNo === billNo);
  expect(index).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => list.getByRole('option', { selected: true }).getAttribute('aria-label')).toContain(billNo);
  await page.keyboard.press('Enter');
}

describe('bill history and refunds', () => {
  it('refunds one line of a member bill paid partly with stored value, keyboard only, as the preview said', async () => {
    const latte = product('拿铁');
    const americano = product('美式');
    const sale = await sell(member.id, [
      { productId: latte.id, quantity: 2 },
      { productId: americano.id, quantity: 1 },
    ], (total) => [
      { method: 'stored_value', amountMinor: 3000 },
      { method: 'cash', amountMinor: total - 3000, tenderedMinor: 10000 },
    ]);
    const latteLine = sale.lines.find((l) => l.productId === latte.id)!;
    const before = await till.served.api<Member>('members.get', { memberId: member.id });

    const page = await openTill(till);
    await page.keyboard.press('F7');

    // Today's bills, the list holding the focus.
    const list = page.getByRole('listbox', { name: /的账单$/ });
    await list.waitFor();
    await expectFocused(list);
    await page.getByRole('heading', { level: 1, name: '账单' }).waitFor();
    expect(await text(page.locator('.bills-day'))).toContain('今天');

    await openWithKeys(page, list, sale.billNo);
    const receipt = page.getByRole('article', { name: `账单 ${sale.billNo}` });
    await receipt.waitFor();
    expect(await text(receipt)).toContain(zh(sale.totalMinor));
    expect(await text(receipt)).toContain(member.name);
    expect(page.url()).toContain(`bill=${sale.id}`);
    // The bill's keys work once it has put the focus on its next action.
    await expectFocused(page.getByRole('button', { name: '退款', exact: true }));

    // R starts the refund; the focus is on the first line's quantity.
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: `退款 · 账单 ${sale.billNo}` });
    await dialog.waitFor();
    const latteQty = dialog.getByRole('spinbutton', { name: '拿铁 退货数量' });
    await expectFocused(latteQty);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('+');
    await page.keyboard.press('+'); // only 2 were sold: stays at 2
    await expect.poll(() => latteQty.inputValue()).toBe('2');
    expect(await dialog.getByRole('spinbutton', { name: '美式 退货数量' }).inputValue()).toBe('0');

    // The preview on screen is the ledger's preview for exactly this choice.
    const preview = await till.served.api<RefundPreview>('bills.refundPreview', { billId: sale.id, lines: [{ lineId: latteLine.id, quantity: 2 }] });
    expect(preview.totalMinor).toBe(latteLine.netMinor);
    const confirm = dialog.getByRole('button', { name: /确认退款/ });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    const amount = dialog.getByRole('group', { name: '退款金额' });
    expect(await text(amount)).toContain(zh(preview.totalMinor));
    const tenders = dialog.getByRole('list', { name: '退回方式' }).getByRole('listitem');
    const sv = preview.tenders.find((t) => t.method === 'stored_value')!;
    const cash = preview.tenders.find((t) => t.method === 'cash')!;
    expect(sv.amountMinor).toBeGreaterThan(0);
    expect(cash.amountMinor).toBeGreaterThan(0);
    expect(sv.amountMinor + cash.amountMinor).toBe(preview.totalMinor);
    expect(await text(tenders.filter({ hasText: '储值' }))).toContain(zh(sv.amountMinor));
    expect(await text(tenders.filter({ hasText: '现金' }))).toContain(zh(cash.amountMinor));
    // Points per the shop's policy (reverse): the refunded share of what the bill earned, rounded down.
    expect(preview.policy.earnedPoints).toBe('reverse');
    const expectedReversed = Math.floor((sale.pointsEarned * latteLine.netMinor) / sale.totalMinor);
    expect(preview.pointsEarnedReversed).toBe(expectedReversed);
    if (expectedReversed > 0) {
      expect(await text(dialog.getByRole('group', { name: '扣回本单所得积分' }))).toContain(`-${expectedReversed}`);
    }
    const after = preview.memberAfter!;
    expect(await text(dialog.getByRole('group', { name: '储值余额' }))).toContain(zh(after.balancePrincipalMinor + after.balanceBonusMinor));
    await screenshot(page, 'bills-refund-preview-zh-CN');

    await page.keyboard.press('F9');
    await dialog.getByRole('status').filter({ hasText: '已退款' }).waitFor();
    await expectFocused(dialog.getByRole('button', { name: '完成' }));
    await screenshot(page, 'bills-refund-done-zh-CN');

    // The ledger behind it.
    const original = await till.served.api<Bill>('bills.get', { billId: sale.id });
    expect(original.refunds).toHaveLength(1);
    const refund = await till.served.api<Bill>('bills.get', { billId: original.refunds[0]!.id });
    expect(await text(dialog)).toContain(`退款单 ${refund.billNo}`);
    expect(refund.kind).toBe('refund');
    expect(refund.totalMinor).toBe(-latteLine.netMinor);
    expect(refund.lines.map((l) => [l.refundOfLineId, l.quantity])).toEqual([[latteLine.id, -2]]);
    const svBack = -refund.payments.filter((p) => p.method === 'stored_value').reduce((a, p) => a + p.amountMinor, 0);
    expect(svBack).toBe(sv.amountMinor);
    const now = await till.served.api<Member>('members.get', { memberId: member.id });
    expect(now.balancePrincipalMinor + now.balanceBonusMinor - (before.balancePrincipalMinor + before.balanceBonusMinor)).toBe(svBack);
    expect(now.balancePrincipalMinor).toBe(after.balancePrincipalMinor);
    expect(now.balanceBonusMinor).toBe(after.balanceBonusMinor);
    expect(now.points).toBe(before.points - expectedReversed);
    expect(refund.pointsEarned).toBe(-expectedReversed);
    expect(original.lines.find((l) => l.id === latteLine.id)!.refundedQuantity).toBe(2);
    expect(original.lines.find((l) => l.productId === americano.id)!.refundedQuantity).toBe(0);
    // What the result shows: the amount back per method and the member's balance now.
    expect(await text(dialog.getByRole('group', { name: '退款金额' }))).toContain(zh(latteLine.netMinor));
    expect(await text(dialog.getByRole('group', { name: '储值余额' }))).toContain(zh(now.balancePrincipalMinor + now.balanceBonusMinor));

    // Enter closes the result; the bill now shows what was refunded of the line.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => text(receipt)).toContain(`已退 2 件 · ${zh(latteLine.netMinor)}`);
    // The refund bill is in today's list, and the sale says it is partly refunded.
    await list.getByRole('option', { name: new RegExp(refund.billNo) }).waitFor();
    expect((await dayBills()).find((b) => b.id === sale.id)!.refundedMinor).toBe(latteLine.netMinor);
    expect(await list.getByRole('option', { name: new RegExp(sale.billNo) }).getAttribute('aria-label')).toContain('部分退款');
    expect(await text(list.getByRole('option', { name: new RegExp(sale.billNo) }))).toContain('部分退款');
    await page.close();
  });

  it('refunds all that is left of a walk-in cash bill; a double-pressed confirm makes one refund', async () => {
    const sale = await sell(null, [
      { productId: product('拿铁').id, quantity: 1 },
      { productId: product('美式').id, quantity: 3 },
    ], (total) => [{ method: 'cash', amountMinor: total, tenderedMinor: 20000 }]);

    const page = await openTill(till);
    await page.keyboard.press('F7');
    const list = page.getByRole('listbox', { name: /的账单$/ });
    await expectFocused(list);
    await openWithKeys(page, list, sale.billNo);
    const receipt = page.getByRole('article', { name: `账单 ${sale.billNo}` });
    expect(await text(receipt)).toContain('散客');
    await expectFocused(page.getByRole('button', { name: '退款', exact: true }));

    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: `退款 · 账单 ${sale.billNo}` });
    await dialog.waitFor();
    await page.keyboard.press('a'); // all remaining
    await expect.poll(() => dialog.getByRole('spinbutton', { name: '美式 退货数量' }).inputValue()).toBe('3');
    const confirm = dialog.getByRole('button', { name: /确认退款/ });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    expect(await text(dialog.getByRole('group', { name: '退款金额' }))).toContain(zh(sale.totalMinor));
    expect(await text(dialog.getByRole('list', { name: '退回方式' }))).toContain(`现金${zh(sale.totalMinor)}`);
    expect(await text(dialog)).toContain('退完后这张账单就全部退清了');

    await page.keyboard.press('F9');
    await page.keyboard.press('F9');
    await dialog.getByRole('status').filter({ hasText: '已退款' }).waitFor();
    await page.keyboard.press('F9');

    const original = await till.served.api<Bill>('bills.get', { billId: sale.id });
    expect(original.refunds).toHaveLength(1);
    expect(original.lines.every((l) => l.refundedQuantity === l.quantity)).toBe(true);
    const refunds = (await dayBills()).filter((b) => b.originalBillId === sale.id);
    expect(refunds).toHaveLength(1);
    const refund = await till.served.api<Bill>('bills.get', { billId: refunds[0]!.id });
    expect(refund.totalMinor).toBe(-sale.totalMinor);
    expect(refund.payments.map((p) => [p.method, p.amountMinor])).toEqual([['cash', -sale.totalMinor]]);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Nothing is left to refund: the action says so and R does nothing.
    await page.getByRole('button', { name: '已全部退款' }).waitFor();
    expect(await page.getByRole('button', { name: '已全部退款' }).isDisabled()).toBe(true);
    await page.keyboard.press('r');
    expect(await page.getByRole('dialog').count()).toBe(0);
    // Esc closes the bill, the list has the focus again, still on the sale (the refund bill came in
    // above it); the sale is marked fully refunded.
    await page.keyboard.press('Escape');
    await receipt.waitFor({ state: 'hidden' });
    await expectFocused(list);
    expect(await list.getByRole('option', { selected: true }).getAttribute('aria-label')).toContain(sale.billNo);
    expect((await dayBills()).find((b) => b.id === sale.id)!.refundedMinor).toBe(sale.totalMinor);
    const row = list.getByRole('option', { name: new RegExp(`${sale.billNo}.*已全退`) });
    expect(await text(row)).toContain('已全退');
    await page.close();
  });

  it('shows a day of bills with one open, in Chinese and English, at 1366×768 and 1920×1080', async () => {
    // A few more of today's bills, so the day has several kinds.
    await sell(member.id, [{ productId: product('燕麦拿铁').id, quantity: 2 }], (total) => [{ method: 'stored_value', amountMinor: total }]);
    await sell(null, [{ productId: product('冷萃').id, quantity: 1 }], (total) => [{ method: 'wechat', amountMinor: total }]);
    const bills = await dayBills();
    const sale = bills.find((b) => b.kind === 'sale' && b.memberId === member.id)!;

    // The browser's own locale decides how a date field is typed (month/day/year here).
    const page = await till.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    await page.goto(till.served.openUrl);
    await page.getByRole('link', { name: /收银/ }).waitFor();
    await page.keyboard.press('F7');
    const list = page.getByRole('listbox', { name: /的账单$/ });
    await expectFocused(list);
    expect(await list.getByRole('option').count()).toBe(bills.length);
    // The day's totals are the ledger's summary, and the bills' own sums; today has refunds by now.
    const totals = page.getByRole('region', { name: '当日汇总' });
    await expectDayTotals(totals, today());
    expect(await text(totals.getByRole('group', { name: '退款' }))).not.toContain('0 笔');
    const methods = totals.getByRole('list', { name: /按付款方式/ });
    for (const name of ['储值', '现金', '微信支付']) expect(await text(methods)).toContain(name);

    await openWithKeys(page, list, sale.billNo);
    await page.getByRole('article', { name: `账单 ${sale.billNo}` }).waitFor();
    await screenshot(page, 'bills-day-zh-CN');

    // The demo's last day (a day full of bills): PgUp back to it from today.
    let back = 1;
    while (back < 60 && (await till.served.api<BillSummary[]>('bills.listOfDay', { businessDate: shiftIso(today(), -back), limit: 1 })).length === 0) back++;
    const demoDay = shiftIso(today(), -back);
    await page.keyboard.press('Escape');
    await page.getByRole('article', { name: `账单 ${sale.billNo}` }).waitFor({ state: 'hidden' });
    // From here the page's calls are counted: a day opens with its list and its summary, no bill details.
    const calls: string[] = [];
    page.on('request', (request) => {
      const match = /^\/api\/(.+)$/.exec(new URL(request.url()).pathname);
      if (match) calls.push(decodeURIComponent(match[1]!));
    });
    for (let i = 0; i < back; i++) await page.keyboard.press('PageUp');
    await expect.poll(() => page.url()).toContain(`date=${demoDay}`);
    const demoBills = await till.served.api<BillSummary[]>('bills.listOfDay', { businessDate: demoDay, limit: 500 });
    await expect.poll(() => list.getByRole('option').count()).toBe(demoBills.length);
    expect(demoBills.length).toBeGreaterThan(5);
    await expectDayTotals(totals, demoDay);
    expect(calls).toContain('bills.daySummary');
    expect(calls.filter((c) => c === 'bills.get')).toEqual([]);
    // Badges from each sale's refunded amount, as many as the ledger's figures call for.
    const refundedSales = demoBills.filter((b) => b.kind === 'sale' && b.refundedMinor > 0);
    const badged = list.getByRole('option').filter({ hasText: /已全退|部分退款/ });
    expect(await badged.count()).toBe(refundedSales.length);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: `账单 ${demoBills[1]!.billNo}` }).waitFor();
    await totals.getByRole('list', { name: /按付款方式/ }).waitFor();
    await screenshot(page, 'bills-demo-day-zh-CN');

    // D jumps to the date field; a typed date and Enter show that day, back in the list.
    await page.keyboard.press('d');
    const dateField = page.getByLabel('跳到日期');
    await expectFocused(dateField);
    const [y, mo, d] = shiftIso(demoDay, -1).split('-');
    await page.keyboard.type(`${mo}${d}${y}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`date=${shiftIso(demoDay, -1)}`);
    await expectFocused(list);
    // PgDn comes back.
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.url()).toContain(`date=${demoDay}`);
    await expect.poll(() => list.getByRole('option').count()).toBe(demoBills.length);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: `账单 ${demoBills[1]!.billNo}` }).waitFor();
    await totals.getByRole('list', { name: /按付款方式/ }).waitFor();

    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'bills-demo-day-1920-zh-CN');

    // Reprint prints only the receipt, till-roll narrow (72 mm is 272 CSS px).
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').isVisible()).toBe(false);
    const printed = page.locator('.receipt-print');
    expect(await printed.isVisible()).toBe(true);
    expect(await text(printed)).toContain(demoBills[1]!.billNo);
    expect((await printed.boundingBox())!.width).toBeLessThanOrEqual(273);
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { level: 1, name: 'Bills' }).waitFor();
    await page.getByRole('region', { name: 'Day totals' }).waitFor();
    await screenshot(page, 'bills-demo-day-en');
    // The language switch has the focus; back to the list, then T for today.
    await page.getByRole('listbox', { name: /^Bills of/ }).focus();
    await page.keyboard.press('t');
    await expect.poll(() => page.url()).not.toContain('date=');
    const listEn = page.getByRole('listbox', { name: /^Bills of/ });
    await expect.poll(() => listEn.getByRole('option').count()).toBe(bills.length);
    await expectFocused(listEn);
    await openWithKeys(page, listEn, sale.billNo);
    await page.getByRole('article', { name: `Bill ${sale.billNo}` }).waitFor();
    await screenshot(page, 'bills-day-en');
    await expectFocused(page.getByRole('button', { name: 'Refund', exact: true }));
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: `Refund · bill ${sale.billNo}` });
    await dialog.waitFor();
    await page.keyboard.press('a');
    await expect.poll(() => dialog.getByRole('button', { name: /Confirm refund/ }).isEnabled()).toBe(true);
    await screenshot(page, 'bills-refund-preview-en');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('radio', { name: '中文' }).check();
    await page.close();
  });
});
