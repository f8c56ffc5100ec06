/**
 * `npm run bench`: performance benchmarks (never timing asserts in tests). Each suite measures its
 * subject and a baseline in the same run; the harness prints one table (n, median, p95, p99, max and
 * the ratio to the baseline) and writes every sample to test-output/bench/results.json.
 *
 *   npm run bench                         every suite (builds the renderer first)
 *   npm run bench -- --only member-search one suite
 *   npm run bench -- --quick              few samples, to try the harness (not figures for the record)
 *   node scripts/bench/run.ts --ci        the scale suite on two small shops, a few samples: proves the
 *                                         harness works (part of npm test); writes ci-results.json
 *
 * Generated shops are cached in test-output/bench/shops/ (see shop.ts); delete that folder to force
 * regeneration. A new suite exports a `Suite` (suite.ts) and is added to SUITES below.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { memberSearchSuite } from './member-search.ts';
import { formatTable, machine, withRatios, writeResults, type MeasuredRow, type SuiteResult } from './report.ts';
import { receiptsSuite } from './receipts.ts';
import { retentionSuite } from './retention.ts';
import { CI_SIZES, scaleSuite } from './scale.ts';
import { BENCH_DIR } from './shop.ts';
import type { Suite } from './suite.ts';

const SUITES: readonly Suite[] = [scaleSuite(), memberSearchSuite, retentionSuite, receiptsSuite];

const { values } = parseArgs({
  options: { only: { type: 'string', multiple: true }, quick: { type: 'boolean', default: false }, ci: { type: 'boolean', default: false } },
});
if (values.ci) values.quick = true;

const chosen = values.ci ? [scaleSuite(CI_SIZES)] : values.only ? SUITES.filter((s) => values.only!.includes(s.name)) : SUITES;
if (chosen.length === 0) {
  console.error(`No such suite: ${values.only!.join(', ')}. Suites: ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const startedAt = new Date();
const probe = new Database(':memory:');
const facts: Record<string, unknown> = {
  sqlite: (probe.prepare('select sqlite_version() as v').get() as { v: string }).v,
  quick: values.quick,
};
probe.close();
const log = (line: string) => console.log(line);
const results: Array<SuiteResult & { rows: MeasuredRow[] }> = [];

for (const suite of chosen) {
  log(`\n== ${suite.name}: ${suite.description}`);
  const started = performance.now();
  const result = await suite.run({ quick: values.quick, log, note: (key, value) => (facts[key] = value) });
  const rows = withRatios(result.measurements);
  results.push({ ...result, rows });
  log(`\n${suite.name} (${((performance.now() - started) / 1000).toFixed(0)} s), times in ms:\n`);
  log(formatTable(rows));
}

const info = machine(facts);
const file = path.join(BENCH_DIR, values.ci ? 'ci-results.json' : 'results.json');
writeResults(file, { startedAt: startedAt.toISOString(), machine: info, suites: results });
log(`\n${info.cpus} × ${info.cpuModel}, ${info.memoryGiB} GiB, Node ${info.node}, SQLite ${String(facts['sqlite'])}${facts['chromium'] ? `, Chromium ${String(facts['chromium'])}` : ''}`);
log(`Results: ${path.relative(process.cwd(), file)}${values.quick ? ' (quick run: too few samples for the record)' : ''}`);
