/** Load one bill (`bills.get`); the latest request wins, and `reload` asks again (after a refund). */
import { useCallback, useEffect, useState } from 'react';
import type { Bill } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';

export interface LoadedBill {
  /** The bill asked for, or null while it loads (never a previous bill). */
  bill: Bill | null;
  error: unknown;
  reload: () => void;
}

export function useBill(billId: string | null): LoadedBill {
  const [loaded, setLoaded] = useState<Bill | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!billId) return;
    let alive = true;
    setError(null);
    api
      .call('bills.get', { billId })
      .then((b) => {
        if (alive) setLoaded(b);
      })
      .catch((e: unknown) => {
        if (alive) setError(e);
      });
    return () => {
      alive = false;
    };
  }, [billId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { bill: loaded && loaded.id === billId ? loaded : null, error: billId ? error : null, reload };
}
