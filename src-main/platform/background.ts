/**
 * Work the app does on its own while it runs, the same in Electron and `npm run serve`: deliver the SMS
 * outbox, print queued receipts, and once a day back up the data file (unless the owner turned that
 * off), greet today's birthdays (when the owner turned that on) and refit the retention model on the
 * day's visits. All of it is driven by rows in the data file (and the backup folder), so a quit at any
 * moment loses nothing: the next start picks up where this one stopped.
 */
import type { Ledger } from '../ledger/db.ts';
import { LedgerError } from '../ledger/errors.ts';
import { businessDate } from '../ledger/time.ts';
import { PrintSpooler } from '../print/spooler.ts';
import type { SystemPrinter } from '../print/system-printer.ts';
import { greetTodaysBirthdays } from '../retention/birthdays.ts';
import { fitModel, latestFit } from '../retention/model.ts';
import { requeueInterrupted } from '../sms/outbox.ts';
import { loadProvider } from '../sms/provider-settings.ts';
import type { SecretBox } from '../sms/secrets.ts';
import { OutboxSender } from '../sms/sender.ts';

export interface BackgroundOptions {
  ledger: Ledger;
  secretBox: SecretBox;
  /** How often the daily jobs check whether today's work is done (default 10 minutes). */
  dailyCheckMs?: number;
  /** Timeout of one SMS send (default: the provider module's 15 s). */
  smsTimeoutMs?: number;
  /** The desktop shell's system printers (null under `npm run serve`). */
  systemPrinter?: SystemPrinter | null;
  /** Tests: a shorter network printer timeout. */
  printerTimeoutMs?: number;
  logError?: (error: unknown) => void;
  /** The automatic daily backup: asked at every daily check; it knows itself whether one is due, and never throws. */
  dailyBackup?: () => Promise<unknown>;
}

export interface Background {
  sender: OutboxSender;
  spooler: PrintSpooler;
  /** Run today's jobs now if not done yet (also on a timer). */
  runDailyJobs: () => void;
  stop: () => Promise<void>;
}

export function startBackground(options: BackgroundOptions): Background {
  const { ledger, secretBox } = options;
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  requeueInterrupted(ledger);
  const sender = new OutboxSender({
    ledger,
    provider: () => loadProvider(ledger, secretBox, options.smsTimeoutMs ? { timeoutMs: options.smsTimeoutMs } : {}),
    onError: logError,
  });
  sender.start();
  const spooler = new PrintSpooler({
    ledger,
    systemPrinter: options.systemPrinter ?? null,
    ...(options.printerTimeoutMs ? { networkTimeoutMs: options.printerTimeoutMs } : {}),
    onError: logError,
  });

  let lastDay: string | null = null;
  const runDailyJobs = () => {
    if (!ledger.sqlite.open) return;
    void options.dailyBackup?.();
    const today = businessDate(ledger.clock());
    if (lastDay === today) return;
    try {
      if (greetTodaysBirthdays(ledger) > 0) sender.wake();
      if (latestFit(ledger)?.asOfDate !== today) fitModel(ledger, today);
      lastDay = today;
    } catch (error) {
      // Too little history to fit is normal for a new shop: try again tomorrow, say nothing.
      if (error instanceof LedgerError && error.code === 'NOT_ENOUGH_HISTORY') lastDay = today;
      else logError(error);
    }
  };
  const daily = setInterval(runDailyJobs, options.dailyCheckMs ?? 600_000);
  daily.unref?.();
  // After start-up settles, not in the way of the first screen.
  const first = setTimeout(runDailyJobs, 2_000);
  first.unref?.();

  return {
    sender,
    spooler,
    runDailyJobs,
    stop: async () => {
      clearInterval(daily);
      clearTimeout(first);
      await Promise.all([sender.stop(), spooler.stop()]);
    },
  };
}
