/**
 * Sends a money action exactly once per intended action. The idempotency key belongs to the draft
 * (what would be sent): pressing confirm again for the same draft — a double press, or a retry after
 * a lost answer — reuses the key, so the ledger records one bill or top-up; a changed draft gets a
 * new key. While a call is in flight, or once it succeeded (until `reset`), further presses do nothing.
 */
import { useCallback, useRef, useState } from 'react';

export function useIdempotentCommit<D, R>(send: (draft: D, idempotencyKey: string) => Promise<R>) {
  const keyRef = useRef<{ draft: string; key: string } | null>(null);
  const busyRef = useRef(false);
  const doneRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<R | null>(null);
  const sendRef = useRef(send);
  sendRef.current = send;

  const keyFor = (draft: D): string => {
    const id = JSON.stringify(draft);
    if (keyRef.current?.draft !== id) keyRef.current = { draft: id, key: crypto.randomUUID() };
    return keyRef.current.key;
  };

  const commit = async (draft: D): Promise<R | null> => {
    if (busyRef.current || doneRef.current) return null;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const done = await sendRef.current(draft, keyFor(draft));
      doneRef.current = true;
      setResult(done);
      return done;
    } catch (e) {
      setError(e);
      return null;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  /** Ready for the next action: a new key, nothing shown. */
  const reset = useCallback(() => {
    keyRef.current = null;
    doneRef.current = false;
    setError(null);
    setResult(null);
  }, []);

  return { commit, reset, busy, error, result, clearError: () => setError(null) };
}
