/**
 * A settings list (products, tiers, bonus rules) as a listbox: ↑/↓ (and PageUp/PageDown) move the
 * highlight, Enter opens the highlighted row. Either the list itself takes focus, or a search box
 * drives it (the box keeps focus and points at the row with aria-activedescendant).
 */
import { useEffect, type KeyboardEvent, type ReactNode } from 'react';

const PAGE_STEP = 8;

export interface PickColumn {
  label: string;
  align?: 'end';
}

/** Arrow/page/Enter handling shared by the listbox and the search box that drives it. */
export function listKeyHandler(options: {
  count: number;
  highlight: number;
  setHighlight: (index: number) => void;
  open: (index: number) => void;
  /** Home/End move the highlight too (not in a search box, where they move the caret). */
  homeEnd?: boolean;
}): (event: KeyboardEvent) => boolean {
  const { count, highlight, setHighlight, open, homeEnd = false } = options;
  const last = Math.max(count - 1, 0);
  return (event) => {
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = Math.min(highlight + 1, last);
    else if (event.key === 'ArrowUp') next = Math.max(highlight - 1, 0);
    else if (event.key === 'PageDown') next = Math.min(highlight + PAGE_STEP, last);
    else if (event.key === 'PageUp') next = Math.max(highlight - PAGE_STEP, 0);
    else if (homeEnd && event.key === 'Home') next = 0;
    else if (homeEnd && event.key === 'End') next = last;
    else if (event.key === 'Enter' && count > 0) {
      event.preventDefault();
      open(Math.min(highlight, last));
      return true;
    }
    if (next === null) return false;
    event.preventDefault();
    setHighlight(next);
    return true;
  };
}

interface PickListProps<T> {
  id: string;
  /** The listbox's accessible name. */
  label: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  rowLabel: (item: T) => string;
  columns: readonly PickColumn[];
  cells: (item: T) => ReactNode[];
  highlight: number;
  setHighlight: (index: number) => void;
  onOpen: (item: T) => void;
  /** Grid columns for this list (a class in settings.css). */
  className: string;
  rowClass?: (item: T) => string;
  /** The list itself is a tab stop (no search box drives it). */
  focusable?: boolean;
  /** Results for an older query while a newer one runs. */
  stale?: boolean;
  describedBy?: string;
}

export const optionId = (listId: string, key: string) => `${listId}-o-${key}`;

export function PickList<T>(props: PickListProps<T>) {
  const { id, label, items, keyOf, rowLabel, columns, cells, highlight, setHighlight, onOpen, className, rowClass, focusable = false, stale = false, describedBy } = props;
  const current = items.length > 0 ? items[Math.min(highlight, items.length - 1)] : undefined;
  const currentKey = current ? keyOf(current) : null;

  useEffect(() => {
    if (currentKey) document.getElementById(optionId(id, currentKey))?.scrollIntoView({ block: 'nearest' });
  }, [id, currentKey]);

  const onKeyDown = listKeyHandler({ count: items.length, highlight, setHighlight, open: (i) => onOpen(items[i]!), homeEnd: true });

  return (
    <div className={`pick ${className}`}>
      <div className="pick-row pick-head" aria-hidden="true">
        {columns.map((c, i) => (
          <span key={i} className={c.align === 'end' ? 'align-end' : undefined}>
            {c.label}
          </span>
        ))}
      </div>
      <ul
        id={id}
        className={`pick-list${stale ? ' is-stale' : ''}`}
        role="listbox"
        aria-label={label}
        aria-describedby={describedBy}
        tabIndex={focusable ? 0 : undefined}
        aria-activedescendant={focusable && currentKey ? optionId(id, currentKey) : undefined}
        onKeyDown={focusable ? (e) => void onKeyDown(e) : undefined}
      >
        {items.map((item, i) => {
          const key = keyOf(item);
          const active = key === currentKey;
          return (
            <li
              key={key}
              id={optionId(id, key)}
              role="option"
              aria-selected={active}
              aria-label={rowLabel(item)}
              className={`pick-row${active ? ' is-active' : ''}${rowClass ? ` ${rowClass(item)}` : ''}`}
              onClick={() => {
                setHighlight(i);
                onOpen(item);
              }}
              onMouseMove={() => {
                if (!active) setHighlight(i);
              }}
            >
              {cells(item).map((cell, c) => (
                <span key={c} className={`pick-cell${columns[c]?.align === 'end' ? ' align-end' : ''}`}>
                  {cell}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
