/**
 * End-to-end harness: runs `scripts/serve.ts` (what `npm run serve` runs) as a child process on a
 * free port, and drives Debian's Chromium with playwright-core. Screenshots go to test-output/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { DB_FILE_NAME } from '../../src-main/ledger/db.ts';
import type { Member, MemberSummary } from '../../src-main/ledger/types.ts';
import { PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-output', 'screenshots');

export interface Served {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The URL a person opens, with the access token in the fragment. */
  openUrl: string;
  token: string;
  dataDir: string;
  /** Call the API as the page does. */
  api: <T>(method: string, input?: unknown) => Promise<T>;
  stop: () => Promise<void>;
}

/**
 * Start `scripts/serve.ts` on a fresh data folder: empty (a new shop), or with `demo` a private copy
 * of the demo shop the global setup generated (so tests may change it freely).
 */
export async function serve(options: { demo?: boolean; dataDir?: string } = {}): Promise<Served> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-e2e-'));
  if (options.demo) fs.copyFileSync(path.join(inject('demoTemplateDir'), DB_FILE_NAME), path.join(dataDir, DB_FILE_NAME));
  const args = [path.join(PROJECT_ROOT, 'scripts', 'serve.ts'), '--data-dir', dataDir, '--port', '0'];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  const url = new URL(openUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const base = url.origin;
  return {
    url: base,
    openUrl,
    token,
    dataDir,
    api: async <T>(method: string, input: unknown = {}) => {
      const res = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.value as T;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
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
