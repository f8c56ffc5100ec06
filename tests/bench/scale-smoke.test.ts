/**
 * `npm run bench` in CI size: the scale suite on two small shops with a few samples, through the same
 * command line, only to prove it runs end to end and reports what it should. Timings are never asserted.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';

const run = promisify(execFile);

interface Row {
  case: string;
  role: 'subject' | 'baseline';
  stats: { n: number; median: number; p99: number };
  ratio: { median: number; p99: number } | null;
}

describe('npm run bench (CI size)', () => {
  it('measures every operation on both shops beside its floor, checks the budgets and writes the table and JSON', { timeout: 600_000 }, async () => {
    const { stdout } = await run(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'bench', 'run.ts'), '--ci'], { cwd: PROJECT_ROOT, maxBuffer: 64 * 2 ** 20 });
    const results = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test-output', 'bench', 'ci-results.json'), 'utf8')) as {
      machine: { cpus: number; node: string };
      suites: Array<{ name: string; results: Row[]; notes: Record<string, unknown> }>;
    };
    const [scale] = results.suites;
    expect(scale?.name).toBe('scale');
    const cases = new Set(scale!.results.map((r) => r.case));
    for (const expected of [
      'members.search: last4',
      'members.search: phone',
      'members.search: code',
      'members.search: nameSubstring',
      'members.search: initials',
      'checkout.commit: 3 lines, stored value + card, points, e-bill',
      'floor: checkout rows in one transaction',
      'topups.create: ¥200 by WeChat with the bonus rule, e-bill',
      'bills.refund: a whole 3-line sale (stored value + card, points), e-bill',
      'member page: members.get + members.history + retention.outlook',
      'retention.lapsed: first page by value at risk',
      'retention.segments: segment summary',
      'reports.sales: one month by day and payment method',
      'reports.liability: stored value (aged) and points',
    ]) {
      expect(cases).toContain(expected);
    }
    // Every case on both shops, with samples, and the subject's growth ratio against the baseline.
    for (const name of cases) {
      const subject = scale!.results.find((r) => r.case === name && r.role === 'subject')!;
      const baseline = scale!.results.find((r) => r.case === name && r.role === 'baseline')!;
      expect(subject.stats.n).toBeGreaterThanOrEqual(3);
      expect(baseline.stats.n).toBeGreaterThanOrEqual(3);
      expect(subject.stats.p99).toBeGreaterThan(0);
      expect(subject.ratio!.median).toBeCloseTo(subject.stats.median / baseline.stats.median, 6);
    }
    // Ratios to the floors, the budgets' verdicts, the shops' sizes and the main process's memory.
    const notes = scale!.notes;
    const floorRatios = notes['ratios to floor'] as Array<{ case: string; median: number }>;
    expect(floorRatios.map((r) => r.case)).toContain('checkout.commit: 3 lines, stored value + card, points, e-bill');
    expect(floorRatios.every((r) => Number.isFinite(r.median) && r.median > 0)).toBe(true);
    const budgets = notes['budgets'] as Array<{ budget: string; holds: boolean; measured: string }>;
    expect(budgets.map((b) => b.budget)).toEqual(expect.arrayContaining(['checkout p99', 'checkout p99 vs its floor', 'member page p99', 'lapsed first page p99', 'monthly report p99', 'main process peak RSS']));
    expect((notes['main process'] as { peakRssMiB: number }).peakRssMiB).toBeGreaterThan(30);
    expect((notes['shop subject'] as { members: number; fileMiB: number }).members).toBe(1000);
    // The printed table has a row per case and shop.
    expect(stdout).toContain('checkout.commit: 3 lines, stored value + card, points, e-bill');
    expect(stdout.split('\n').filter((l) => l.startsWith('members.search: last4')).length).toBe(2);
  });
});
