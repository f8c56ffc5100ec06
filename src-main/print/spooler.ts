/**
 * The till's print loop: after a commit wrote a print job, print waiting jobs one at a time (a printer
 * takes one receipt at a time anyway) outside any transaction, and record each outcome. A screen that
 * wants to show "printed" or the reason it failed waits on the job with `waitFor`.
 */
import type { Ledger } from '../ledger/db.ts';
import { claimNextPrintJob, failInterruptedJobs, finishPrintJob, getPrintJob } from './jobs.ts';
import { sendJob, type SendDeps } from './send-job.ts';
import type { PrintJob } from './types.ts';

type JobView = PrintJob;

export interface SpoolerOptions extends SendDeps {
  ledger: Ledger;
  onError?: (error: unknown) => void;
}

export class PrintSpooler {
  private readonly options: SpoolerOptions;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly waiters = new Map<string, Set<(job: JobView) => void>>();

  constructor(options: SpoolerOptions) {
    this.options = options;
    failInterruptedJobs(options.ledger);
  }

  /** A job was just written: print it now. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    const { ledger } = this.options;
    while (!this.stopped && ledger.sqlite.open) {
      const job = claimNextPrintJob(ledger);
      if (!job) return;
      const outcome = await sendJob(ledger, job, this.options);
      // Closed while the printer answered: the job stays `printing` and is marked interrupted next start.
      if (!ledger.sqlite.open) return;
      finishPrintJob(ledger, job.id, outcome);
      this.notify(getPrintJob(ledger, job.id));
    }
  }

  private notify(job: JobView): void {
    const waiting = this.waiters.get(job.id);
    if (!waiting) return;
    this.waiters.delete(job.id);
    for (const resolve of waiting) resolve(job);
  }

  /** The job once it is printed or failed, or as it stands after `timeoutMs`. */
  waitFor(jobId: string, timeoutMs: number): Promise<JobView> {
    const now = getPrintJob(this.options.ledger, jobId);
    if (now.status === 'printed' || now.status === 'failed' || timeoutMs <= 0 || this.stopped) return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = (job: JobView) => {
        clearTimeout(timer);
        resolve(job);
      };
      const timer = setTimeout(() => {
        this.waiters.get(jobId)?.delete(done);
        resolve(getPrintJob(this.options.ledger, jobId));
      }, timeoutMs);
      let set = this.waiters.get(jobId);
      if (!set) this.waiters.set(jobId, (set = new Set()));
      set.add(done);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
    for (const [jobId, set] of this.waiters) {
      const job = getPrintJob(this.options.ledger, jobId);
      for (const resolve of set) resolve(job);
    }
    this.waiters.clear();
  }
}
