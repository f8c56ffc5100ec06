/**
 * End-to-end harness: the served app and Chromium (scripts/lib/served-app.ts) wired into vitest, with
 * the demo shop copy, screenshots (test-output/) and the keyboard/focus helpers the tests share.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { DB_FILE_NAME } from '../../src-main/ledger/db.ts';
import type { Member, MemberSummary } from '../../src-main/ledger/types.ts';
import { PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';
import { launchChromium, serve as serveApp, type Served } from '../../scripts/lib/served-app.ts';
import { DEMO_OWNER_PIN, DEMO_STAFF } from '../../src-main/demo/demo-staff.ts';

export { launchChromium, type Served };

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-output', 'screenshots');

/**
 * `npm run serve` on a fresh data folder: empty (a new shop: nobody can sign in before the owner sets
 * a PIN), or with `demo` a private copy of the demo shop the global setup generated (so tests may
 * change it freely), with its owner signed in at the till — so the page opens on the frame, and
 * `served.api` calls act as the owner.
 */
export function serve(options: { demo?: boolean; dataDir?: string } = {}): Promise<Served> {
  return serveApp({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.demo ? { copyOf: path.join(inject('demoTemplateDir'), DB_FILE_NAME), ownerPin: DEMO_OWNER_PIN } : {}),
  });
}

/** A demo person's PIN by name (店主, 小林, Amy, 周店长). */
export function demoPin(name: string): string {
  const person = DEMO_STAFF.find((p) => p.name === name);
  if (!person) throw new Error(`no demo person ${name}`);
  return person.pin;
}

/**
 * Sign in at the till as a person does: lock the till if someone is signed in, pick `name` on the
 * sign-in screen (↑/↓ and Enter), type the PIN, Enter; resolves once the frame is back. The session is
 * the till's: `served.api` calls act as this person from then on.
 */
export async function signInAt(page: Page, name: string, pin = demoPin(name)): Promise<void> {
  const lock = page.getByRole('button', { name: /锁定收银台|Lock the till/ });
  if (await lock.isVisible()) await lock.click();
  const list = page.getByRole('listbox', { name: /^(员工|Staff)$/ });
  await list.waitFor();
  const option = list.getByRole('option', { name: new RegExp(`^${name}`) });
  await option.waitFor();
  // Keyboard: move the highlight to the person, Enter opens their PIN.
  await list.focus();
  const options = await list.getByRole('option').all();
  const labels = await Promise.all(options.map((o) => o.getAttribute('aria-label')));
  const selected = await Promise.all(options.map((o) => o.getAttribute('aria-selected')));
  const from = selected.indexOf('true');
  const to = labels.findIndex((l) => l?.startsWith(name));
  for (let i = from; i !== to; i += to > from ? 1 : -1) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('Enter');
  const pinField = page.getByLabel(/^PIN$/);
  await expectFocused(pinField);
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /锁定收银台|Lock the till/ }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** What a test file drives: its own copy of the demo shop, served, and a Chromium. */
export interface DemoTill {
  served: Served;
  browser: Browser;
}

/**
 * Starts a private copy of the demo shop and a Chromium before the file's tests and stops both after
 * them. The answer is filled in by then: read `till.served` / `till.browser` inside the tests.
 * `setup` runs once both are up (e.g. to read the products the tests sell).
 */
export function demoTill(setup?: (till: DemoTill) => Promise<void>): DemoTill {
  const till = {} as DemoTill;
  beforeAll(async () => {
    till.served = await serve({ demo: true });
    till.browser = await launchChromium();
    await setup?.(till);
  }, 180_000);
  afterAll(async () => {
    await till.browser?.close();
    await till.served?.stop();
  });
  return till;
}

/** A new page on the till, opened with the access token, once the frame is there (on checkout). */
export async function openTill(till: DemoTill, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await till.browser.newPage({ viewport });
  await page.goto(till.served.openUrl);
  await page.getByRole('link', { name: /收银/ }).waitFor();
  return page;
}

/** The demo shop's known member (曾晓雯, phone 13812345678) as the ledger has them now. */
export async function knownMember(served: Served): Promise<Member> {
  const [found] = await served.api<MemberSummary[]>('members.search', { query: '13812345678' });
  expect(found?.name).toBe('曾晓雯');
  return served.api<Member>('members.get', { memberId: found!.id });
}

export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === el.ownerDocument.activeElement);
}

/** Waits (polling) until the element has the keyboard focus. */
export async function expectFocused(locator: Locator): Promise<void> {
  await expect.poll(() => isFocused(locator)).toBe(true);
}

/** The name of the focused control, from its aria-label or its <label>; null when it has neither. */
export function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    const id = el.id;
    const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
    if (!label) return null;
    // What a screen reader says: a mark such as "必填" after the label is aria-hidden.
    const spoken = label.cloneNode(true) as HTMLElement;
    for (const hidden of spoken.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return spoken.textContent;
  });
}

/**
 * Enter on the sale's done screen starts the next sale — once the receipt has been up long enough that
 * the press is not the tail of a double-pressed confirm (SaleDone ignores those), so press until taken.
 */
export async function startNextSale(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        if (await page.getByRole('heading', { name: '收款完成' }).isVisible()) await page.keyboard.press('Enter');
        return focusedName(page);
      },
      { interval: 200 },
    )
    .toBe('查找会员');
}
