/**
 * Staff in Chromium against the demo shop, keyboard only: the owner locks the till and a cashier (小林)
 * signs in with her PIN; she refunds a bill above the refund limit, is asked for the owner's PIN by
 * the one approval dialog, a wrong PIN is refused (with the tries left) and the owner's goes through;
 * the ledger has the refund as hers and the audit log names the owner as approver, which the owner
 * then reads in Back office → Audit log. The owner adds a person with a PIN on the staff tab, who
 * then appears on the sign-in screen. Screenshots of the sign-in screen, the approval dialog, the
 * staff tab and the audit log.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src-main/audit/types.ts';
import type { Bill, BillSummary, CheckoutResult, StaffMember } from '../../src-main/ledger/types.ts';
import { businessDate } from '../../src-main/ledger/time.ts';
import type { SessionView } from '../../src-main/staff/types.ts';
import { demoPin, demoTill, expectFocused, openTill, screenshot, signInAt } from './harness.ts';

let owner: StaffMember;
let cashier: StaffMember;

const till = demoTill(async ({ served }) => {
  const staff = await served.api<StaffMember[]>('staff.list');
  owner = staff.find((s) => s.role === 'owner')!;
  cashier = staff.find((s) => s.name === '小林')!;
});

/** A walk-in sale of ¥150.00 paid by card, above the demo's ¥100.00 refund limit (made as the owner). */
async function bigSale(): Promise<Bill> {
  const result = await till.served.api<CheckoutResult>('checkout.commit', {
    idempotencyKey: crypto.randomUUID(),
    staffId: owner.id,
    memberId: null,
    lines: [{ name: '生日蛋糕 8 寸', amountMinor: 15_000 }],
    payments: [{ method: 'card', amountMinor: 15_000 }],
  });
  return result.bill;
}

async function openBill(page: Page, billNo: string): Promise<void> {
  await page.keyboard.press('F7');
  const list = page.getByRole('listbox', { name: /的账单$/ });
  await list.waitFor();
  await expectFocused(list);
  const bills = await till.served.api<BillSummary[]>('bills.listOfDay', { businessDate: businessDate(new Date()), limit: 500 });
  const index = bills.findIndex((b) => b.billNo === billNo);
  expect(index).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => list.getByRole('option', { selected: true }).getAttribute('aria-label')).toContain(billNo);
  await page.keyboard.press('Enter');
  await page.getByRole('article', { name: `账单 ${billNo}` }).waitFor();
}

describe('a cashier and the owner’s PIN', () => {
  it('asks for the owner’s PIN when a cashier refunds above the limit, refuses a wrong one, and records the approver', async () => {
    const sale = await bigSale();
    const page = await openTill(till);

    // The owner locks the till; 小林 signs in on the sign-in screen.
    await page.getByRole('button', { name: /锁定收银台/ }).click();
    await page.getByRole('heading', { name: '登录收银台' }).waitFor();
    const people = page.getByRole('listbox', { name: '员工' });
    await expectFocused(people);
    expect(await people.getByRole('option').allTextContents()).toHaveLength(4);
    await signInAt(page, '小林');
    expect((await till.served.api<SessionView>('staff.session')).staff).toMatchObject({ id: cashier.id, role: 'cashier' });
    await page.getByRole('button', { name: '小林（收银员）：锁定收银台（换人登录）' }).waitFor();

    // Her refund of ¥150.00 is above the limit: the owner's PIN is asked for.
    await openBill(page, sale.billNo);
    await page.keyboard.press('r');
    const refund = page.getByRole('dialog', { name: `退款 · 账单 ${sale.billNo}` });
    await refund.waitFor();
    // A: everything that can be refunded.
    await page.keyboard.press('a');
    const confirm = refund.getByRole('button', { name: /确认退款/ });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await page.keyboard.press('F9');
    const approval = page.getByRole('dialog', { name: '需要店主授权' });
    await approval.waitFor();
    expect(await approval.textContent()).toContain('超过限额的退款需要店主的 PIN');
    const pin = approval.getByLabel('授权人 PIN');
    await expectFocused(pin);
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await approval.getByRole('alert').filter({ hasText: 'PIN 不正确，还可以再试 4 次' }).waitFor();
    expect(await pin.inputValue()).toBe('');
    await screenshot(page, 'staff-approval-wrong-pin-zh-CN');
    // Masked: what is typed is not shown.
    expect(await pin.getAttribute('type')).toBe('password');
    await page.keyboard.type(demoPin('店主'));
    await screenshot(page, 'staff-approval-zh-CN');
    await page.keyboard.press('Enter');
    await approval.waitFor({ state: 'detached' });
    await refund.getByRole('status').filter({ hasText: '已退款' }).waitFor();
    await screenshot(page, 'staff-approved-refund-zh-CN');

    // The ledger: the refund is hers, for the whole ¥150.00.
    const original = await till.served.api<Bill>('bills.get', { billId: sale.id });
    expect(original.refunds).toHaveLength(1);
    const made = await till.served.api<Bill>('bills.get', { billId: original.refunds[0]!.id });
    expect(made).toMatchObject({ totalMinor: -15_000, staffId: cashier.id, staffName: '小林' });
    await page.keyboard.press('Enter');

    // The owner signs back in and reads it in the audit log: 小林 did it, 店主 approved.
    await signInAt(page, '店主');
    const log = await till.served.api<AuditPage>('audit.list', { kind: 'sales', subject: sale.billNo });
    expect(log.rows.map((r) => [r.action, r.staffName, r.approvedByName])).toEqual([
      ['bills.refund', '小林', '店主'],
      ['checkout.commit', '店主', null],
    ]);
    const failed = await till.served.api<AuditPage>('audit.list', { kind: 'signIn', staffId: cashier.id });
    expect(failed.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['staff.approvalFailed', 'staff.signIn']));

    await page.evaluate("location.hash = '#/office/audit'");
    const table = page.getByRole('table', { name: '操作日志' });
    await table.waitFor();
    await page.getByLabel('对象').fill(sale.billNo);
    // The refund's row (the wrong PIN's row names the refund too, as what it was typed for).
    const row = table.getByRole('row').filter({ hasText: '账单退款' }).filter({ hasText: '退款单号' });
    await row.waitFor();
    const shown = (await row.textContent()) ?? '';
    expect(shown).toContain('小林');
    expect(shown).toContain('店主 授权');
    expect(shown).toContain('-¥150.00');
    await page.getByLabel('对象').fill('');
    await table.getByRole('row').filter({ hasText: 'PIN 错误（授权）' }).first().waitFor();
    await screenshot(page, 'staff-audit-log-zh-CN');
    await page.close();
  });

  it('lets the owner add a person with a PIN, who can then sign in', async () => {
    const page = await openTill(till);
    await page.evaluate("location.hash = '#/office/staff'");
    const people = page.getByRole('table').filter({ hasText: '周店长' });
    await people.waitFor();
    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog', { name: '添加员工' });
    await dialog.waitFor();
    await expectFocused(dialog.getByLabel('姓名'));
    await page.keyboard.type('Lily');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expectFocused(dialog.getByLabel('PIN（可稍后设置）'));
    await page.keyboard.type('5678');
    await page.keyboard.press('F9');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: '已保存：Lily' }).waitFor();
    const lily = page.getByRole('row').filter({ hasText: 'Lily' });
    expect(await lily.textContent()).toContain('收银员');
    expect(await lily.textContent()).toContain('已设置');
    await screenshot(page, 'staff-tab-zh-CN');

    await signInAt(page, 'Lily', '5678');
    await page.getByRole('button', { name: 'Lily（收银员）：锁定收银台（换人登录）' }).waitFor();
    // The sign-in screen, in English, as the next person sees it.
    await page.getByRole('button', { name: /锁定收银台/ }).click();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { name: 'Sign in at the till' }).waitFor();
    await page.getByRole('listbox', { name: 'Staff' }).getByRole('option', { name: /^Amy/ }).click();
    await page.getByText('Demo shop PIN: 2222').waitFor();
    await screenshot(page, 'staff-sign-in-en');
    await page.getByRole('radio', { name: '中文' }).check();
    await signInAt(page, '店主');
    await page.close();
  });
});
