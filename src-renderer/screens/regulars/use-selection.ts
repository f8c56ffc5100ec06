/**
 * The rows ticked on a list, by id, each kept with the row it was ticked on (so a selection made over
 * several pages still knows the names to show). `resetKey`: when it changes (other filters, another
 * segment), the selection empties, so nobody is messaged who is no longer on the list in front of you.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';

export interface Selection<T> {
  has: (id: string) => boolean;
  count: number;
  items: T[];
  ids: string[];
  toggle: (row: T) => void;
  /** Tick (or untick) all of these rows. */
  setAll: (rows: readonly T[], on: boolean) => void;
  clear: () => void;
}

export function useSelection<T>(idOf: (row: T) => string, resetKey: string = ''): Selection<T> {
  const [chosen, setChosen] = useState<ReadonlyMap<string, T>>(new Map());
  useEffect(() => setChosen(new Map()), [resetKey]);

  const toggle = useCallback(
    (row: T) =>
      setChosen((prev) => {
        const next = new Map(prev);
        const id = idOf(row);
        if (next.has(id)) next.delete(id);
        else next.set(id, row);
        return next;
      }),
    [idOf],
  );
  const setAll = useCallback(
    (rows: readonly T[], on: boolean) =>
      setChosen((prev) => {
        const next = new Map(prev);
        for (const row of rows) {
          if (on) next.set(idOf(row), row);
          else next.delete(idOf(row));
        }
        return next;
      }),
    [idOf],
  );
  const clear = useCallback(() => setChosen(new Map()), []);

  return useMemo(
    () => ({ has: (id: string) => chosen.has(id), count: chosen.size, items: [...chosen.values()], ids: [...chosen.keys()], toggle, setAll, clear }),
    [chosen, toggle, setAll, clear],
  );
}
