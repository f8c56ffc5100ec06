/** The shape every benchmark suite has, so `npm run bench` can run them one after another. */
import type { SuiteResult } from './report.ts';

export interface BenchContext {
  /** Fewer samples, for trying the harness out (the figures are then not for the record). */
  quick: boolean;
  log: (line: string) => void;
  /** Facts about the run the harness reports with the machine (e.g. the Chromium version). */
  note: (key: string, value: unknown) => void;
}

export interface Suite {
  name: string;
  description: string;
  run: (ctx: BenchContext) => Promise<SuiteResult>;
}
