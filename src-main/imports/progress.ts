/**
 * How far each running preview or import has got, for the screen's progress bar. The screen makes a
 * key per call and asks `imports.progress` while the call runs: reading and checking yield to the
 * event loop every few hundred rows, so those questions are answered in between. The final write is
 * one transaction and cannot be interrupted; the bar says "writing" until it ends.
 */
import type { ImportPhase, ImportProgress } from './types.ts';

/** Rows checked between two yields to the event loop. */
export const CHECK_CHUNK_ROWS = 500;
/** A finished call's progress is kept this long, for a screen whose last poll comes late. */
const KEEP_FINISHED_MS = 60_000;
const MAX_TRACKED = 100;

const running = new Map<string, ImportProgress & { finishedAt?: number }>();

export interface ProgressReporter {
  report(phase: ImportPhase, done: number, total: number): void;
  finish(): void;
}

const ignore: ProgressReporter = { report: () => {}, finish: () => {} };

export function progressReporter(key: string | undefined): ProgressReporter {
  if (!key) return ignore;
  forgetFinished();
  return {
    report: (phase, done, total) => {
      running.set(key, { phase, done, total });
    },
    finish: () => {
      const last = running.get(key);
      running.set(key, { phase: 'done', done: last?.total ?? 0, total: last?.total ?? 0, finishedAt: Date.now() });
    },
  };
}

export function progressOf(key: string): ImportProgress | null {
  const found = running.get(key);
  return found ? { phase: found.phase, done: found.done, total: found.total } : null;
}

function forgetFinished(): void {
  const now = Date.now();
  for (const [key, p] of running) if (p.finishedAt !== undefined && now - p.finishedAt > KEEP_FINISHED_MS) running.delete(key);
  // A screen that never polls must not make this grow without end.
  while (running.size > MAX_TRACKED) running.delete(running.keys().next().value!);
}

/** Let the event loop answer other calls (the progress questions among them). */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
