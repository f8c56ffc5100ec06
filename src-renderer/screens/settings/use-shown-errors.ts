/**
 * Which fields of a settings form show their problem: none while the owner types, the refused ones
 * once a save is refused (the first of them gets the focus), each until it is changed again.
 */
import { useCallback, useMemo, useState } from 'react';

export interface ShownErrors<K extends string> {
  has: (key: K) => boolean;
  /** Any problem is shown (the form says "fix the marked fields"). */
  any: boolean;
  /** A refused save: show these problems and focus the first field (in screen order). */
  show: (keys: readonly K[], focus: (key: K) => void) => void;
  /** These fields changed: their problems wait for the next save. */
  clear: (keys: readonly K[]) => void;
  clearAll: () => void;
}

export function useShownErrors<K extends string>(): ShownErrors<K> {
  const [shown, setShown] = useState<ReadonlySet<K>>(new Set());
  const show = useCallback((keys: readonly K[], focus: (key: K) => void) => {
    setShown(new Set(keys));
    if (keys[0] !== undefined) focus(keys[0]);
  }, []);
  const clear = useCallback((keys: readonly K[]) => setShown((prev) => (keys.some((k) => prev.has(k)) ? new Set([...prev].filter((k) => !keys.includes(k))) : prev)), []);
  const clearAll = useCallback(() => setShown(new Set()), []);
  return useMemo(() => ({ has: (key: K) => shown.has(key), any: shown.size > 0, show, clear, clearAll }), [shown, show, clear, clearAll]);
}
