/**
 * The sending loop: after a commit wrote messages into the outbox, deliver them one at a time through
 * the configured provider, outside any transaction, and record each answer. Retries wait with backoff
 * (outbox.ts), so a shop that is offline for a day sends everything once it is back online.
 */
import type { Ledger } from '../ledger/db.ts';
import { claimNextDue, nextDueAt, recordOutcome } from './outbox.ts';
import type { SmsProvider } from './providers/types.ts';

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

export interface SenderOptions {
  ledger: Ledger;
  /** The provider as configured now (null: none set up; messages wait). Read on every drain, so a settings change applies at once. */
  provider: () => SmsProvider | null;
  /** Longest sleep between drains when nothing is due sooner (a message written by another path is picked up by then). */
  idleMs?: number;
  onError?: (error: unknown) => void;
}

export class OutboxSender {
  private readonly options: SenderOptions;
  private draining: Promise<DrainResult> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;

  constructor(options: SenderOptions) {
    this.options = options;
  }

  /** Deliver everything due now. Concurrent calls share one pass (and ask for another when it ends). */
  drain(): Promise<DrainResult> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.pass().finally(() => {
      this.draining = null;
      if (this.again) {
        this.again = false;
        void this.drain();
      } else {
        this.schedule();
      }
    });
    return this.draining;
  }

  private async pass(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
    const { ledger } = this.options;
    let provider: SmsProvider | null;
    try {
      provider = this.options.provider();
    } catch (error) {
      this.options.onError?.(error);
      return result;
    }
    if (!provider) return result;
    for (;;) {
      const claimed = claimNextDue(ledger);
      if (!claimed) return result;
      const outcome = await provider.send(claimed.sms);
      // The app may have closed the ledger while the provider answered: the message stays `sending`
      // and is sent again at the next start.
      if (!ledger.sqlite.open) return result;
      recordOutcome(ledger, claimed, provider.kind, outcome);
      if (outcome.status === 'sent') result.sent++;
      else if (outcome.status === 'retry') result.retried++;
      else result.failed++;
    }
  }

  /** Keep draining on a timer: at the next due message, or after `idleMs`. */
  start(): void {
    this.stopped = false;
    void this.drain();
  }

  /** A transaction just wrote messages: send them now rather than at the next tick. */
  wake(): void {
    if (!this.stopped) void this.drain();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.draining?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped || !this.options.ledger.sqlite.open) return;
    if (this.timer) clearTimeout(this.timer);
    const idle = this.options.idleMs ?? 60_000;
    let wait = idle;
    try {
      const due = nextDueAt(this.options.ledger);
      if (due) wait = Math.max(0, Math.min(idle, due.getTime() - this.options.ledger.clock().getTime()));
    } catch (error) {
      this.options.onError?.(error);
    }
    this.timer = setTimeout(() => void this.drain().catch((error: unknown) => this.options.onError?.(error)), wait);
    this.timer.unref?.();
  }
}
