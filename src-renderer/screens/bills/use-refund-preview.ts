/**
 * The ledger's preview of a refund (`bills.refundPreview`) for the quantities chosen, asked again a
 * moment after each change; only the answer for the current choice counts as fresh, so the dialog
 * never confirms numbers the cashier did not see.
 */
import { useEffect, useState } from 'react';
import type { RefundPreview } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';

export interface RefundChoice {
  lineId: string;
  quantity: number;
}

export interface PreviewState {
  /** The preview for exactly the current choice, or null while it is being asked for. */
  preview: RefundPreview | null;
  /** The last preview shown, possibly for an earlier choice: kept on screen (dimmed) while asking. */
  shown: RefundPreview | null;
  error: unknown;
  pending: boolean;
}

const SETTLE_MS = 120;

export function choiceKey(choice: readonly RefundChoice[]): string {
  return choice.map((c) => `${c.lineId}:${c.quantity}`).join(',');
}

export function useRefundPreview(billId: string, choice: readonly RefundChoice[]): PreviewState {
  const key = choiceKey(choice);
  const [answer, setAnswer] = useState<{ key: string; preview: RefundPreview | null; error: unknown }>({ key: '', preview: null, error: null });
  const [shown, setShown] = useState<RefundPreview | null>(null);

  useEffect(() => {
    if (choice.length === 0) {
      setShown(null);
      return;
    }
    let alive = true;
    const lines = choice.map((c) => ({ lineId: c.lineId, quantity: c.quantity }));
    const timer = setTimeout(() => {
      api
        .call('bills.refundPreview', { billId, lines })
        .then((preview) => {
          if (!alive) return;
          setAnswer({ key, preview, error: null });
          setShown(preview);
        })
        .catch((error: unknown) => {
          if (alive) setAnswer({ key, preview: null, error });
        });
    }, SETTLE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // `key` stands for `choice`.
  }, [billId, key]);

  const fresh = choice.length > 0 && answer.key === key;
  return {
    preview: fresh ? answer.preview : null,
    shown: choice.length > 0 ? shown : null,
    error: fresh ? answer.error : null,
    pending: choice.length > 0 && !fresh,
  };
}
