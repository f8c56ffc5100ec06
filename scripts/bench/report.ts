/**
 * What a benchmark hands back, and how the harness prints and stores it. Every measurement names its
 * case and data size; a case measured on the subject data (e.g. 100,000 members) is paired with the
 * same case on the baseline data (e.g. 2,000 members) measured in the same run, and the report gives
 * the ratio of their medians and p99s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarize, type Summary } from './stats.ts';

export interface Measurement {
  suite: string;
  /** What was timed, e.g. "chromium: keystroke → results on screen". Same text for subject and baseline. */
  case: string;
  /** 'summary' rows come first in the printed table; 'detail' rows (per query kind, phases) after. */
  level: 'summary' | 'detail';
  role: 'subject' | 'baseline';
  /** e.g. "100,000 members". */
  dataLabel: string;
  dataSize: number;
  /** Milliseconds. */
  samples: number[];
}

export interface MeasuredRow extends Omit<Measurement, 'samples'> {
  stats: Summary;
  /** Subject rows: median and p99 divided by the baseline's (same suite and case). */
  ratio: { median: number; p99: number } | null;
  samples: number[];
}

export interface SuiteResult {
  name: string;
  description: string;
  /** Facts worth keeping next to the figures (generation time, query mix, typing cadence, …). */
  notes: Record<string, unknown>;
  measurements: Measurement[];
}

export function withRatios(measurements: readonly Measurement[]): MeasuredRow[] {
  const baselines = new Map(measurements.filter((m) => m.role === 'baseline').map((m) => [`${m.suite}\u0000${m.case}`, summarize(m.samples)]));
  return measurements.map((m) => {
    const stats = summarize(m.samples);
    const base = m.role === 'subject' ? baselines.get(`${m.suite}\u0000${m.case}`) : undefined;
    return {
      suite: m.suite,
      case: m.case,
      level: m.level,
      role: m.role,
      dataLabel: m.dataLabel,
      dataSize: m.dataSize,
      stats,
      ratio: base ? { median: stats.median / base.median, p99: stats.p99 / base.p99 } : null,
      samples: m.samples,
    };
  });
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '' : `×${x >= 10 ? x.toFixed(0) : x.toFixed(2)}`);

/** A plain-text table: one row per measurement, subject rows followed by their baseline. */
export function formatTable(rows: readonly MeasuredRow[]): string {
  const header = ['case', 'data', 'n', 'median', 'p95', 'p99', 'max', 'median vs base', 'p99 vs base'];
  const ordered = [...rows.filter((r) => r.level === 'summary'), ...rows.filter((r) => r.level === 'detail')];
  const lines = ordered.map((r) => [
    r.case,
    `${r.dataLabel}${r.role === 'baseline' ? ' (base)' : ''}`,
    String(r.stats.n),
    ms(r.stats.median),
    ms(r.stats.p95),
    ms(r.stats.p99),
    ms(r.stats.max),
    ratio(r.ratio?.median),
    ratio(r.ratio?.p99),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const numeric = (i: number) => i >= 2;
  const fmt = (cells: string[]) => cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  const out = [fmt(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let level = ordered[0]?.level;
  for (let i = 0; i < lines.length; i++) {
    if (ordered[i]!.level !== level) {
      out.push('');
      level = ordered[i]!.level;
    }
    out.push(fmt(lines[i]!));
  }
  return out.join('\n');
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  platform: string;
  node: string;
  [key: string]: unknown;
}

export function machine(extra: Record<string, unknown> = {}): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    ...extra,
  };
}

export function writeResults(file: string, data: { startedAt: string; machine: Machine; suites: Array<SuiteResult & { rows: MeasuredRow[] }> }): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const json = {
    startedAt: data.startedAt,
    machine: data.machine,
    percentiles: 'nearest rank; times in milliseconds',
    suites: data.suites.map((s) => ({ name: s.name, description: s.description, notes: s.notes, results: s.rows })),
  };
  fs.writeFileSync(file, JSON.stringify(json, null, 1) + '\n');
}

/** A case over its floor (same data): how much the function adds to reading or writing its rows. */
export interface FloorRatio {
  case: string;
  floor: string;
  data: string;
  median: number;
  p99: number;
}

/** Each case over its floor (same shop): how much the function adds to reading its data. */
export function ratiosToFloor(measurements: readonly Measurement[], floorOf: ReadonlyMap<string, string>): FloorRatio[] {
  const result: FloorRatio[] = [];
  for (const m of measurements) {
    const floorName = floorOf.get(m.case);
    const floor = measurements.find((f) => f.case === floorName && f.role === m.role);
    if (!floor) continue;
    const a = summarize(m.samples);
    const b = summarize(floor.samples);
    result.push({ case: m.case, floor: floor.case, data: m.dataLabel, median: a.median / b.median, p99: a.p99 / b.p99 });
  }
  return result;
}

export function formatFloorRatios(ratios: readonly FloorRatio[]): string {
  const x = (v: number) => `×${v >= 10 ? v.toFixed(0) : v.toFixed(2)}`;
  const width = Math.max(...ratios.map((r) => r.case.length));
  return ratios.map((r) => `${r.case.padEnd(width)}  ${r.data.padEnd(32)}  ${x(r.median).padStart(7)}  ${x(r.p99).padStart(7)}`).join('\n');
}
