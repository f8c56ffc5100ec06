/** Stopwatches and the machine's load, shared by the suites. */
import os from 'node:os';

export function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** The 1-minute load average, reported beside figures measured on a shared machine. */
export const loadAverage = (): number => Number(os.loadavg()[0]!.toFixed(2));
