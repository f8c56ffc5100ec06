/**
 * Member search at the till: keystroke to results in Chromium on a 100,000-member shop, against the
 * same measurement on a 2,000-member shop (the demo's size) in the same run, and the two layers under
 * it: `members.search` over HTTP (the bridge the page talks to) and `searchMembers` called directly.
 *
 * Both shops are measured side by side, query for query, alternating which goes first, so background
 * load on the machine falls on both alike and the ratios stay meaningful on a shared machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { closeLedger, DB_FILE_NAME, openLedger, type Ledger } from '../../src-main/ledger/db.ts';
import { searchMembers } from '../../src-main/ledger/members.ts';
import { MIGRATIONS_DIR, PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';
import { launchChromium, serve, type Served } from '../lib/served-app.ts';
import type { Measurement } from './report.ts';
import { measureSearch, openMemberList, type SearchSample } from './search-page.ts';
import { drawQueries, QUERY_KINDS, type SearchQuery } from './search-queries.ts';
import { DEMO_OWNER_PIN } from '../../src-main/demo/demo-staff.ts';
import { benchShop, type BenchShop, type BenchShopSpec } from './shop.ts';
import type { BenchContext, Suite } from './suite.ts';
import { loadAverage, time, timeAsync } from './timing.ts';

const SEED = 20261123;
const SUBJECT: BenchShopSpec = { members: 100_000, bills: 3_000, seed: SEED };
const BASELINE: BenchShopSpec = { members: 2_000, bills: 60, seed: SEED };
/** Queries of each kind per shop: 6 kinds × 40 = 240 keystroke measurements, enough for a p99. */
const PER_KIND = 40;
const PER_KIND_QUICK = 5;
/** Rounds over the query set for the API cases (direct and HTTP): 3 × 240 = 720 samples each. */
const API_ROUNDS = 3;
/**
 * How long each key is held while typing. With the browser's own overhead a key takes about 50 ms, a
 * brisk cashier on a numeric keypad: faster than the list's debounce, so the search for the whole
 * query is the one the cashier waits for.
 */
const KEY_DELAY_MS = 40;

/** The member list's own settings, read from its source so the report follows any change there. */
function sourceConstant(file: string, name: string): number {
  const source = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  const match = new RegExp(`const ${name} = (\\d+);`).exec(source);
  if (!match) throw new Error(`${file} no longer defines ${name}: update scripts/bench/member-search.ts`);
  return Number(match[1]);
}

interface Side {
  role: Measurement['role'];
  label: string;
  shop: BenchShop;
  queries: SearchQuery[];
  warmup: SearchQuery[];
  dirs: string[];
  ledger?: Ledger;
  served?: Served;
  page?: Page;
}

function copyShop(shop: BenchShop): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-bench-'));
  fs.copyFileSync(shop.file, path.join(dir, DB_FILE_NAME));
  return dir;
}

/** Both sides, alternating which goes first, for every index. */
function* interleaved(sides: readonly Side[], count: number): Generator<[Side, number]> {
  for (let i = 0; i < count; i++) {
    const order = i % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) yield [side, i];
  }
}




async function run(ctx: BenchContext) {
  const perKind = ctx.quick ? PER_KIND_QUICK : PER_KIND;
  const limit = sourceConstant('src-renderer/screens/members/MemberList.tsx', 'RESULT_LIMIT');
  const debounceMs = sourceConstant('src-renderer/components/member-search.ts', 'DEBOUNCE_MS');
  const sides: Side[] = [BASELINE, SUBJECT].map((spec, i) => {
    const shop = benchShop(spec, ctx.log);
    return {
      role: i === 0 ? 'baseline' : 'subject',
      label: `${spec.members.toLocaleString('en')} members`,
      shop,
      queries: drawQueries(shop.file, SEED, perKind),
      warmup: drawQueries(shop.file, SEED + 1, 1),
      dirs: [],
    };
  });
  const count = sides[0]!.queries.length;
  const measurements: Measurement[] = [];
  const add = (side: Side, name: string, level: Measurement['level'], samples: number[]) =>
    measurements.push({ suite: 'member-search', case: name, level, role: side.role, dataLabel: side.label, dataSize: side.shop.spec.members, samples });
  const perSide = () => new Map<Side, number[]>(sides.map((s) => [s, []]));
  let browser: Browser | undefined;
  // Other work on the machine shows up in the figures: keep the 1-minute load average with them.
  const load: Record<string, number> = { start: loadAverage() };

  try {
    // ---------------------------------------------------------------- the ledger, called directly
    for (const side of sides) {
      const dir = copyShop(side.shop);
      side.dirs.push(dir);
      side.ledger = openLedger(path.join(dir, DB_FILE_NAME), { migrationsFolder: MIGRATIONS_DIR });
    }
    ctx.log(`Direct calls: ${API_ROUNDS} rounds of ${count} queries per shop …`);
    const search = (side: Side, query: string) => searchMembers(side.ledger!, { query, limit });
    for (const [side, i] of interleaved(sides, count)) search(side, side.queries[i]!.text); // warm-up round
    const direct = perSide();
    const directByKind = new Map<string, number[]>();
    for (let round = 0; round < API_ROUNDS; round++) {
      for (const [side, i] of interleaved(sides, count)) {
        const query = side.queries[i]!;
        const ms = time(() => search(side, query.text));
        direct.get(side)!.push(ms);
        const key = `${side.role}/${query.kind}`;
        if (!directByKind.has(key)) directByKind.set(key, []);
        directByKind.get(key)!.push(ms);
      }
    }
    // What a slower typist sends: a search for every prefix of what is typed key by key.
    const prefixes = perSide();
    for (const [side, i] of interleaved(sides, count)) {
      const query = side.queries[i]!;
      if (query.input !== 'keys') continue;
      for (let n = 1; n <= query.text.length; n++) prefixes.get(side)!.push(time(() => search(side, query.text.slice(0, n))));
    }

    // ---------------------------------------------------------------- over HTTP, as the page calls it
    for (const side of sides) {
      const dir = copyShop(side.shop);
      side.dirs.push(dir);
      // Bench shops are set up as the demo café: its owner's PIN signs the till in.
      side.served = await serve({ dataDir: dir, ownerPin: DEMO_OWNER_PIN });
    }
    load['http'] = loadAverage();
    ctx.log(`HTTP: ${API_ROUNDS} rounds of ${count} queries per shop …`);
    const callHttp = (side: Side, query: string) => side.served!.api('members.search', { query, limit });
    for (const side of sides) for (const q of side.warmup) await callHttp(side, q.text);
    const http = perSide();
    for (let round = 0; round < API_ROUNDS; round++) {
      for (const [side, i] of interleaved(sides, count)) http.get(side)!.push(await timeAsync(() => callHttp(side, side.queries[i]!.text)));
    }

    // ---------------------------------------------------------------- Chromium, keystroke to screen
    browser = await launchChromium();
    ctx.note('chromium', browser.version());
    for (const side of sides) {
      side.page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await openMemberList(side.page, side.served!.openUrl);
      for (const q of side.warmup) await measureSearch(side.page, q, KEY_DELAY_MS);
    }
    load['chromium'] = loadAverage();
    ctx.log(`Chromium: ${count} typed queries per shop …`);
    const samples = new Map<Side, SearchSample[]>(sides.map((s) => [s, []]));
    let done = 0;
    for (const [side, i] of interleaved(sides, count)) {
      await side.page!.bringToFront();
      samples.get(side)!.push(await measureSearch(side.page!, side.queries[i]!, KEY_DELAY_MS));
      if (++done % 80 === 0) ctx.log(`  ${done} / ${count * sides.length}`);
    }

    load['end'] = loadAverage();

    // ---------------------------------------------------------------- the figures
    for (const side of sides) {
      const s = samples.get(side)!;
      add(side, 'chromium: keystroke → results on screen', 'summary', s.map((x) => x.totalMs));
      // What is not the deliberate wait: from the request leaving to the results painted (the debounce
      // is skipped for a complete last-4 or phone, so subtracting a constant would be wrong).
      add(side, 'chromium: request sent → results on screen', 'summary', s.map((x) => x.totalMs - x.toRequestMs));
      add(side, 'members.search over HTTP', 'summary', http.get(side)!);
      add(side, 'searchMembers() direct call', 'summary', direct.get(side)!);
    }
    for (const side of sides) {
      const s = samples.get(side)!;
      add(side, 'chromium phase: key → request sent (debounce, React)', 'detail', s.map((x) => x.toRequestMs));
      add(side, 'chromium phase: request → response (HTTP, ledger)', 'detail', s.map((x) => x.requestMs));
      add(side, 'chromium phase: response → DOM (JSON, React)', 'detail', s.map((x) => x.renderMs));
      add(side, 'chromium phase: DOM → next frame', 'detail', s.map((x) => x.paintMs));
      for (const kind of QUERY_KINDS) add(side, `chromium by kind: ${kind}`, 'detail', s.filter((x) => x.query.kind === kind).map((x) => x.totalMs));
      for (const kind of QUERY_KINDS) add(side, `direct call by kind: ${kind}`, 'detail', directByKind.get(`${side.role}/${kind}`) ?? []);
      add(side, 'direct call: every prefix as typed', 'detail', prefixes.get(side)!);
    }

    const all = [...samples.values()].flat();
    const notFirst = all.filter((x) => (x.query.kind === 'phone' || x.query.kind === 'code') && !x.firstResult?.includes(x.query.targetCode));
    const empty = all.filter((x) => x.found === 0);
    if (notFirst.length > 0) ctx.log(`WARNING: ${notFirst.length} phone/code searches did not show their member first, e.g. ${JSON.stringify(notFirst[0])}`);
    if (empty.length > 0) ctx.log(`WARNING: ${empty.length} searches found nobody, e.g. ${JSON.stringify(empty[0]!.query)}`);
    const busiest = Math.max(...Object.values(load));
    if (busiest > 2 * os.cpus().length) ctx.log(`NOTE: the machine was busy (1-minute load average up to ${busiest} on ${os.cpus().length} CPUs): absolute times are inflated, ratios less so.`);

    return {
      name: 'member-search',
      description: 'Member search: keystroke to results in Chromium, members.search over HTTP and searchMembers() directly, 100,000 vs 2,000 members.',
      notes: {
        shops: sides.map((s) => ({ role: s.role, ...s.shop.spec, file: path.relative(PROJECT_ROOT, s.shop.file), generatedThisRun: s.shop.generated, generateMs: s.shop.generateMs })),
        queriesPerShop: count,
        queryKinds: QUERY_KINDS,
        exampleQueries: sides[1]!.queries.slice(0, 12).map((q) => `${q.kind}: ${q.text}`),
        keyHoldMs: KEY_DELAY_MS,
        debounceMs,
        resultLimit: limit,
        apiRounds: API_ROUNDS,
        loadAverage1m: load,
        prefixSearchesSentWhileTyping: all.reduce((n, x) => n + x.prefixRequests, 0),
        phoneOrCodeNotFirst: notFirst.length,
        searchesFindingNobody: empty.length,
        resultsShown: Object.fromEntries(sides.map((s) => [s.role, summarizeFound(samples.get(s)!, limit)])),
      },
      measurements,
    };
  } finally {
    await browser?.close();
    for (const side of sides) {
      await side.served?.stop();
      if (side.ledger) closeLedger(side.ledger);
      for (const dir of side.dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** How many members the searches showed: the median, and how many searches filled the list. */
function summarizeFound(samples: readonly SearchSample[], limit: number): { medianShown: number; searchesAtLimit: number } {
  const found = samples.map((s) => s.found).sort((a, b) => a - b);
  return { medianShown: found[Math.floor(found.length / 2)] ?? 0, searchesAtLimit: found.filter((n) => n >= limit).length };
}

export const memberSearchSuite: Suite = {
  name: 'member-search',
  description: 'Keystroke-to-results for member search, 100,000 members against 2,000',
  run,
};
