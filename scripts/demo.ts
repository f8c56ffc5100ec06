/**
 * `npm run demo`: write the demo café (a year of history, about 2,000 members) as a data file.
 *
 *   npm run demo                        into ./demo-shop (refuses to replace an existing demo)
 *   npm run demo -- --out DIR           into DIR/regulars.sqlite
 *   npm run demo -- --force             replace the file that is there
 *   npm run demo -- --seed 7 --members 300 --days 120   a different or smaller shop
 *   npm run demo -- --traffic 2         a busier shop (more regulars and walk-ins; takes longer)
 *   npm run demo -- --end 2027-03-31    history up to that day's closing time (default 2026-11-20)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE_NAME } from '../src-main/ledger/db.ts';
import { DEFAULT_DEMO_OPTIONS, writeDemoShop, type DemoOptions } from '../src-main/demo/demo-shop.ts';
import { InstanceLockedError } from '../src-main/platform/instance-lock.ts';
import { DEMO_DIR, MIGRATIONS_DIR } from '../src-main/platform/project-paths.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    seed: { type: 'string' },
    members: { type: 'string' },
    days: { type: 'string' },
    traffic: { type: 'string' },
    end: { type: 'string' },
  },
});

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < (name === 'seed' ? 0 : 1)) {
    console.error(`--${name} must be a whole number${name === 'seed' ? '' : ' above zero'} (got ${value})`);
    process.exit(2);
  }
  return n;
}

const options: DemoOptions = {
  ...DEFAULT_DEMO_OPTIONS,
  seed: positiveInteger('seed', values.seed, DEFAULT_DEMO_OPTIONS.seed),
  members: positiveInteger('members', values.members, DEFAULT_DEMO_OPTIONS.members),
  days: positiveInteger('days', values.days, DEFAULT_DEMO_OPTIONS.days),
};
if (values.end !== undefined) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.end);
  const end = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 20, 0, 0) : null;
  if (!end || end.getDate() !== Number(match![3])) {
    console.error(`--end must be a date like 2026-11-20 (got ${values.end})`);
    process.exit(2);
  }
  options.endDate = end;
}
if (values.traffic !== undefined) {
  const traffic = Number(values.traffic);
  if (!(traffic > 0 && traffic <= 5)) {
    console.error(`--traffic must be a number above 0 and at most 5 (got ${values.traffic})`);
    process.exit(2);
  }
  options.traffic = traffic;
}
const dir = path.resolve(values.out ?? DEMO_DIR);
const target = path.join(dir, DB_FILE_NAME);
if (fs.existsSync(target) && !values.force) {
  console.error(`${target} already exists; add --force to replace it.`);
  process.exit(1);
}

console.log(`Generating the demo shop (seed ${options.seed}, ${options.members} members, ${options.days} days, traffic ${options.traffic ?? 1}) …`);
let result: ReturnType<typeof writeDemoShop>;
try {
  result = writeDemoShop(dir, MIGRATIONS_DIR, options);
} catch (error) {
  if (error instanceof InstanceLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const { file, summary, milliseconds } = result;
const n = (x: number) => x.toLocaleString('en-US');
console.log(`Wrote ${file}`);
console.log(`  members        ${n(summary.members)}`);
console.log(`  bills          ${n(summary.sales)} sales (${n(summary.walkInSales)} walk-in), ${n(summary.refunds)} refunds`);
console.log(`  top-ups        ${n(summary.topups)} (${n(summary.topupRefunds)} refunded)`);
console.log(`  adjustments    ${n(summary.walletAdjustments)} stored value, ${n(summary.pointsAdjustments)} points`);
console.log(`  took           ${(milliseconds / 1000).toFixed(1)} s`);
