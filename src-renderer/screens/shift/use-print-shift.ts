/**
 * Printing a shift's Z report on this till's printer: `shifts.print` queues it, then the screen follows
 * the job (`print.job`) until it is printed or failed — the same states and the same status line as a
 * receipt (components/receipt). With no printer set the call itself is refused and its words are shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrintJob } from '../../../src-main/print/types.ts';
import { api } from '../../api.ts';
import type { PrintState, ReceiptPrinter } from '../../components/receipt/use-print-receipt.ts';
import { useSession } from '../../stores/session.ts';

/** How long one `print.job` call waits for the printer before asking again. */
const WAIT_MS = 10_000;

function stateOf(job: PrintJob): PrintState {
  if (job.status === 'printed') return { phase: 'printed', warning: job.warning };
  if (job.status === 'failed') return { phase: 'failed', failure: { code: job.errorCode } };
  return { phase: 'printing' };
}

export function usePrintShift(shiftId: string): ReceiptPrinter {
  const staffId = useSession((s) => s.staffId);
  const [state, setState] = useState<PrintState>({ phase: 'idle' });
  // Answers to an earlier print (or after leaving the report) are dropped.
  const run = useRef(0);
  const busy = useRef(false);
  useEffect(
    () => () => {
      run.current++;
    },
    [shiftId],
  );

  const print = useCallback(() => {
    if (busy.current || !staffId) return;
    const id = ++run.current;
    busy.current = true;
    const report = (next: PrintState): boolean => {
      if (run.current !== id) return false;
      if (next.phase !== 'printing') busy.current = false;
      setState(next);
      return true;
    };
    report({ phase: 'printing' });
    void (async () => {
      try {
        let job = await api.call('shifts.print', { shiftId, staffId });
        while (report(stateOf(job)) && (job.status === 'pending' || job.status === 'printing')) {
          job = await api.call('print.job', { jobId: job.id, waitMs: WAIT_MS });
        }
      } catch (error) {
        report({ phase: 'failed', failure: { error } });
      }
    })();
  }, [shiftId, staffId]);

  return { state, print };
}
