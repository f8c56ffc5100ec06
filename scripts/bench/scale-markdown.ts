/**
 * The scale suite's latest results (test-output/bench/results.json) as the Markdown table README and
 * docs/BENCHMARKS.md show: each operation at both sizes with its floor, the growth and the budgets.
 *
 *   node scripts/bench/scale-markdown.ts [results.json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR } from './shop.ts';

interface Row {
  case: string;
  role: 'subject' | 'baseline';
  stats: { n: number; median: number; p99: number };
  ratio: { median: number; p99: number } | null;
}
interface Results {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; sqlite?: string };
  suites: Array<{ name: string; results: Row[]; notes: Record<string, unknown> }>;
}

const file = process.argv[2] ?? path.join(BENCH_DIR, 'results.json');
const results = JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
const scale = results.suites.find((s) => s.name === 'scale');
if (!scale) throw new Error(`no scale suite in ${file}`);

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const times = (x: number) => `×${x >= 10 ? x.toFixed(0) : x.toFixed(2)}`;
const floors = new Map((scale.notes['ratios to floor'] as Array<{ case: string; floor: string; data: string; median: number; p99: number }>).map((r) => [`${r.case}\u0000${r.data}`, r]));
const subjectLabel = (scale.notes['shop subject'] as { members: number; bills: number });
const baselineLabel = (scale.notes['shop baseline'] as { members: number; bills: number });
const size = (s: { members: number; bills: number }) => `${(s.members / 1000).toFixed(0)}k / ${s.bills >= 1e6 ? `${s.bills / 1e6}M` : `${s.bills / 1000}k`}`;

const lines = [
  `| operation | ${size(subjectLabel)} median / p99 | ${size(baselineLabel)} median / p99 | growth (median, p99) | vs floor at ${size(subjectLabel)} (median, p99) |`,
  '|---|---:|---:|---:|---:|',
];
for (const subject of scale.results.filter((r) => r.role === 'subject' && !r.case.startsWith('floor:'))) {
  const baseline = scale.results.find((r) => r.role === 'baseline' && r.case === subject.case)!;
  const floor = [...floors.values()].find((f) => f.case === subject.case && f.data.startsWith(subjectLabel.members.toLocaleString('en')));
  lines.push(
    `| ${subject.case} | ${ms(subject.stats.median)} / ${ms(subject.stats.p99)} | ${ms(baseline.stats.median)} / ${ms(baseline.stats.p99)} | ${times(subject.ratio!.median)}, ${times(subject.ratio!.p99)} | ${floor ? `${times(floor.median)}, ${times(floor.p99)}` : ''} |`,
  );
}
const main = scale.notes['main process'] as { peakRssMiB: number };
const shop = (role: string) => scale.notes[`shop ${role}`] as { fileMiB: number; generationSeconds: number | null };
lines.push('', `Main process peak RSS on the ${size(subjectLabel)} shop: ${main.peakRssMiB} MiB. Data file: ${shop('subject').fileMiB} MiB (${size(subjectLabel)}), ${shop('baseline').fileMiB} MiB (${size(baselineLabel)}); generated in ${shop('subject').generationSeconds ?? '?'} s and ${shop('baseline').generationSeconds ?? '?'} s.`);
lines.push('', '| budget (issue 6) | measured | |', '|---|---|---|');
for (const v of scale.notes['budgets'] as Array<{ budget: string; measured: string; holds: boolean }>) lines.push(`| ${v.budget} | ${v.measured} | ${v.holds ? 'holds' : '**missed**'} |`);
const m = results.machine;
lines.push('', `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}${m.sqlite ? `, SQLite ${m.sqlite}` : ''}; run ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC; times in ms.`);
console.log(lines.join('\n'));
