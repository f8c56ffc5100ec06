/**
 * A short settings list whose rows are edited in a dialog (tiers, bonus rules): loading it, the
 * highlight and its keys (the list itself has focus, Enter edits), F2 for a new row, and after a save
 * the list reloaded with the saved row highlighted.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useShortcut } from '../../app/shortcuts.ts';
import type { ListNavigation } from '../../components/use-list-navigation.ts';
import { NEW_KEY } from './keys.ts';
import { usePickNavigation } from './PickList.tsx';

interface EditedListOptions<T> {
  fetch: () => Promise<T[]>;
  readOnly: boolean;
  /** After a save and the reload (e.g. reload the shop info); a failure shows as the list's error. */
  afterSave?: (row: T) => Promise<void>;
}

export interface EditedList<T> {
  /** The listbox's id. */
  listId: string;
  /** null until the first answer. */
  rows: T[] | null;
  items: T[];
  error: unknown;
  load: (showId?: string) => Promise<void>;
  nav: ListNavigation;
  /** The row open in the editor; `row: null` is a new one. */
  editing: { row: T | null } | null;
  open: (row: T | null) => void;
  close: () => void;
  onSaved: (row: T) => Promise<void>;
  /** The last row saved, for "saved" in the status line. */
  saved: T | null;
}

export function useEditedList<T extends { id: string }>({ fetch, readOnly, afterSave }: EditedListOptions<T>): EditedList<T> {
  const listId = useId();
  const [rows, setRows] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<{ row: T | null } | null>(null);
  const [saved, setSaved] = useState<T | null>(null);
  const latestFetch = useRef(fetch);
  latestFetch.current = fetch;

  const items = rows ?? [];
  const open = (row: T | null) => setEditing({ row });
  const nav = usePickNavigation(listId, items, (row) => row.id, open, true);
  const { setHighlight } = nav;

  const load = useCallback(
    async (showId?: string) => {
      setError(null);
      try {
        const list = await latestFetch.current();
        setRows(list);
        if (showId) setHighlight(Math.max(0, list.findIndex((row) => row.id === showId)));
      } catch (e) {
        setError(e);
      }
    },
    [setHighlight],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useShortcut(NEW_KEY, () => open(null), !readOnly && editing === null);

  const onSaved = async (row: T) => {
    setEditing(null);
    setSaved(row);
    await load(row.id);
    await afterSave?.(row).catch(setError);
  };

  return { listId, rows, items, error, load, nav, editing, open, close: () => setEditing(null), onSaved, saved };
}
