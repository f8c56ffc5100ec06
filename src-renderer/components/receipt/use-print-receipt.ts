/**
 * The one way a screen prints a bill's or top-up's receipt, whatever printer the till has
 * (Settings → Printing):
 * - none: the browser prints the receipt on screen (`printOnScreen`), or — where the screen shows none,
 *   as for a top-up — the receipt page from `print.preview`;
 * - the system printer while the till runs in a browser: the main process cannot reach it, so the
 *   browser prints the `print.preview` page itself;
 * - otherwise the main process prints (`print.receipt`) and the screen follows the job (`print.job`)
 *   until it is printed or failed.
 * Also follows a job the commit already queued (auto-print). Printing never changes the bill: a
 * failure is only the printer's message and a way to print again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrintJob, PrinterErrorCode } from '../../../src-main/print/types.ts';
import { api } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { useSession } from '../../stores/session.ts';
import { printHtml } from './print-html.ts';

export type ReceiptRef = { billId: string } | { topupId: string };

/** Why a print did not happen: the job's printer code, or the call that failed (e.g. no printer set). */
export type PrintFailure = { code: PrinterErrorCode | null } | { error: unknown };

export type PrintState =
  | { phase: 'idle' }
  | { phase: 'printing' }
  | { phase: 'printed'; warning: PrintJob['warning'] }
  | { phase: 'failed'; failure: PrintFailure };

export interface ReceiptPrinter {
  state: PrintState;
  /** Print (again); does nothing while a print is under way. */
  print: () => void;
}

/** How long one `print.job` call waits for the printer before the screen asks again. */
const WAIT_MS = 10_000;
const IDLE: PrintState = { phase: 'idle' };

const underway = (job: PrintJob) => job.status === 'pending' || job.status === 'printing';

function stateOf(job: PrintJob): PrintState {
  if (job.status === 'printed') return { phase: 'printed', warning: job.warning };
  if (job.status === 'failed') return { phase: 'failed', failure: { code: job.errorCode } };
  return { phase: 'printing' };
}

const keyOf = (ref: ReceiptRef | null) => (ref === null ? '' : 'billId' in ref ? `bill:${ref.billId}` : `topup:${ref.topupId}`);

export function usePrintReceipt(ref: ReceiptRef | null, options: { job?: PrintJob | null; printOnScreen?: () => void } = {}): ReceiptPrinter {
  const { settings, shell } = useAppInfo();
  const staffId = useSession((s) => s.staffId);
  const key = keyOf(ref);
  // The state belongs to one receipt: a panel that moves on to another bill shows nothing printed.
  const [shown, setShown] = useState<{ key: string; state: PrintState }>(() => ({ key, state: options.job ? stateOf(options.job) : IDLE }));
  // Each print gets a number; answers to an older one (or after unmounting) are dropped.
  const run = useRef(0);
  const busy = useRef(false);
  const latest = useRef({ ref, key, staffId, connection: settings.printing.connection, shell, printOnScreen: options.printOnScreen });
  latest.current = { ref, key, staffId, connection: settings.printing.connection, shell, printOnScreen: options.printOnScreen };

  const begin = useCallback((forKey: string): ((state: PrintState) => boolean) => {
    const id = ++run.current;
    busy.current = true;
    return (state) => {
      if (run.current !== id) return false;
      if (state.phase !== 'printing') busy.current = false;
      setShown({ key: forKey, state });
      return true;
    };
  }, []);

  const follow = useCallback(async (job: PrintJob, report: (state: PrintState) => boolean) => {
    let current = job;
    if (!report(stateOf(current))) return;
    while (underway(current)) {
      current = await api.call('print.job', { jobId: current.id, waitMs: WAIT_MS });
      if (!report(stateOf(current))) return;
    }
  }, []);

  // A job the commit queued: follow it from the first render.
  const jobId = options.job?.id ?? null;
  useEffect(() => {
    const job = options.job;
    if (!job || !underway(job)) return;
    const report = begin(latest.current.key);
    follow(job, report).catch((error: unknown) => report({ phase: 'failed', failure: { error } }));
  }, [jobId]);

  // Another receipt (or unmounting): whatever was under way for the last one no longer reports.
  useEffect(
    () => () => {
      run.current++;
      busy.current = false;
    },
    [key],
  );

  const print = useCallback(() => {
    const { ref: target, key: forKey, staffId: staff, connection, shell: where, printOnScreen } = latest.current;
    if (!target || busy.current) return;
    if (connection === 'none' && printOnScreen) {
      printOnScreen();
      return;
    }
    const report = begin(forKey);
    const fail = (error: unknown) => void report({ phase: 'failed', failure: { error } });
    if (connection === 'none' || (connection === 'system' && where === 'browser')) {
      // The browser's print dialog takes over from here: nothing to follow.
      api
        .call('print.preview', target)
        .then((preview) => printHtml(preview.html))
        .then(() => report(IDLE))
        .catch(fail);
      return;
    }
    report({ phase: 'printing' });
    api
      .call('print.receipt', { ...target, staffId: staff ?? '' })
      .then((job) => follow(job, report))
      .catch(fail);
  }, [begin, follow]);

  return { state: shown.key === key ? shown.state : IDLE, print };
}
