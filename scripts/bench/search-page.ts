/**
 * Keystroke-to-results on the member list in Chromium, measured inside the page.
 *
 * A probe installed before the app starts records (all on the page's performance.now() clock):
 * - the last keydown (typed queries) or input event (a Chinese input method's commit), as the
 *   browser stamped them (`event.timeStamp`), which is when the cashier pressed the key;
 * - each `members.search` request the app sends, when it left and when its response arrived;
 * - the moment a DOM mutation leaves the list showing fresh results for exactly the expected query
 *   (the results listbox without its stale mark, or the "nothing found" panel);
 * - the frame after that (requestAnimationFrame, then a task): when the results are on screen.
 * The probe knows the screen through its accessible names and MemberList.tsx's `is-stale` mark.
 */
import type { Page } from 'playwright-core';
import type { SearchQuery } from './search-queries.ts';

/** zh-CN accessible names of the member list (the shop's locale in bench shops). */
const RESULTS_LABEL = '搜索结果';
const SEARCH_LABEL = '搜索会员';

/** Runs in the page before any of the app's scripts (kept as source: the scripts' tsconfig has no DOM types). */
const PROBE = `(() => {
  const probe = { expect: null, keyAt: null, inputAt: null, requests: [], doneAt: null, paintedAt: null, found: null, first: null };
  window.__benchProbe = probe;
  const stamp = (e) => (e.timeStamp > 0 && e.timeStamp <= performance.now() ? e.timeStamp : performance.now());
  addEventListener('keydown', (e) => { probe.keyAt = stamp(e); }, true);
  addEventListener('input', (e) => { probe.inputAt = stamp(e); }, true);
  const realFetch = window.fetch;
  window.fetch = function (resource, init) {
    const url = typeof resource === 'string' ? resource : resource instanceof URL ? resource.href : resource.url;
    if (!url.includes('/api/members.search')) return realFetch.apply(this, arguments);
    let query = null;
    try { query = JSON.parse(init.body).query; } catch {}
    const record = { query, start: performance.now(), end: null };
    probe.requests.push(record);
    return realFetch.apply(this, arguments).then((response) => { record.end = performance.now(); return response; });
  };
  const check = () => {
    if (probe.expect === null || probe.doneAt !== null) return;
    const input = document.querySelector('input[type="search"]');
    if (!input || input.value.trim() !== probe.expect) return;
    const list = document.querySelector('[role="listbox"][aria-label=${JSON.stringify(RESULTS_LABEL)}]');
    const fresh = list && !list.classList.contains('is-stale');
    if (!fresh && !document.querySelector('.member-list .empty')) return;
    probe.doneAt = performance.now();
    probe.found = list ? list.querySelectorAll('[role="option"]').length : 0;
    probe.first = list ? list.querySelector('[role="option"]')?.getAttribute('aria-label') ?? null : null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { probe.paintedAt = performance.now(); };
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

interface ProbeState {
  keyAt: number | null;
  inputAt: number | null;
  requests: Array<{ query: string | null; start: number; end: number | null }>;
  doneAt: number | null;
  paintedAt: number | null;
  found: number | null;
  first: string | null;
}

export interface SearchSample {
  query: SearchQuery;
  /** Key pressed (or input method committed) → results on screen. */
  totalMs: number;
  /** Key pressed → results in the DOM. */
  toDomMs: number;
  /** Key pressed → the request for this query left (the debounce and React's work). */
  toRequestMs: number;
  /** Request → response (HTTP, the bridge, the ledger's search). */
  requestMs: number;
  /** Response → results in the DOM (JSON and React rendering). */
  renderMs: number;
  /** DOM → next frame. */
  paintMs: number;
  /** Searches sent for earlier prefixes of this query (typing slower than the debounce). */
  prefixRequests: number;
  found: number;
  firstResult: string | null;
}

export async function openMemberList(page: Page, openUrl: string): Promise<void> {
  await page.addInitScript({ content: PROBE });
  await page.goto(openUrl);
  // The till opens on checkout; F6 is the members screen, as a cashier gets there.
  await page.getByRole('link', { name: /收银/ }).waitFor();
  await page.keyboard.press('F6');
  await page.getByRole('searchbox', { name: SEARCH_LABEL }).waitFor();
  await waitForIdleList(page);
}

/** The little of the page's globals the waits below read (the scripts' tsconfig has no DOM types). */
interface PageElement {
  value?: string;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  __benchProbe: { paintedAt: number | null };
  document: { querySelector(selector: string): PageElement | null; activeElement: unknown };
}

/** The search box is empty and focused, and the recent members are shown (nothing pending). */
async function waitForIdleList(page: Page): Promise<void> {
  await page.waitForFunction((resultsLabel) => {
    const { document } = globalThis as unknown as PageGlobals;
    const input = document.querySelector('input[type="search"]');
    const list = document.querySelector('[role="listbox"]');
    return input?.value === '' && document.activeElement === input && list !== null && list.getAttribute('aria-label') !== resultsLabel;
  }, RESULTS_LABEL);
}

/**
 * Type `query` as a cashier does (key by key with `keyDelayMs` held per key, or one input method
 * commit), wait for its results on screen, read the probe, and clear the box with Escape.
 */
export async function measureSearch(page: Page, query: SearchQuery, keyDelayMs: number): Promise<SearchSample> {
  await page.evaluate(
    `Object.assign(window.__benchProbe, { expect: ${JSON.stringify(query.text)}, keyAt: null, inputAt: null, requests: [], doneAt: null, paintedAt: null, found: null, first: null })`,
  );
  if (query.input === 'ime') await page.keyboard.insertText(query.text);
  else await page.keyboard.type(query.text, { delay: keyDelayMs });
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__benchProbe.paintedAt !== null, undefined, { timeout: 15_000 });
  const probe = (await page.evaluate('window.__benchProbe')) as ProbeState;
  await page.keyboard.press('Escape');
  await waitForIdleList(page);

  const start = query.input === 'ime' ? probe.inputAt : probe.keyAt;
  const request = probe.requests.filter((r) => r.query === query.text).at(-1);
  if (start === null || probe.doneAt === null || probe.paintedAt === null) throw new Error(`probe incomplete for ${JSON.stringify(query)}`);
  if (!request || request.end === null) throw new Error(`no search request seen for ${JSON.stringify(query.text)}`);
  return {
    query,
    totalMs: probe.paintedAt - start,
    toDomMs: probe.doneAt - start,
    toRequestMs: request.start - start,
    requestMs: request.end - request.start,
    renderMs: probe.doneAt - request.end,
    paintMs: probe.paintedAt - probe.doneAt,
    prefixRequests: probe.requests.filter((r) => r.query !== query.text).length,
    found: probe.found ?? 0,
    firstResult: probe.first,
  };
}
