/**
 * A settings list (products, tiers, bonus rules) as a listbox: ↑/↓ (and PageUp/PageDown) move the
 * highlight, Enter opens the highlighted row. Either the list itself takes focus, or a search box
 * drives it (the box keeps focus and points at the row with aria-activedescendant).
 */
import type { ReactNode } from 'react';
import { useListNavigation, type ListNavigation } from '../../components/use-list-navigation.ts';

export interface PickColumn {
  label: string;
  align?: 'end';
}

export const optionId = (listId: string, key: string) => `${listId}-o-${key}`;

/**
 * The highlight of a pick list and its keys (Enter opens the row), for the list or the search box
 * that drives it. Home/End only where the list itself has focus: in a search box they move the caret.
 */
export function usePickNavigation<T>(listId: string, items: readonly T[], keyOf: (item: T) => string, onOpen: (item: T) => void, homeEnd: boolean): ListNavigation {
  return useListNavigation({ count: items.length, optionId: (i) => optionId(listId, keyOf(items[i]!)), homeEnd, onOpen: (i) => onOpen(items[i]!) });
}

export interface PickListProps<T> {
  id: string;
  /** The listbox's accessible name. */
  label: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  rowLabel: (item: T) => string;
  columns: readonly PickColumn[];
  cells: (item: T) => ReactNode[];
  /** From usePickNavigation over the same items. */
  nav: ListNavigation;
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

export function PickList<T>(props: PickListProps<T>) {
  const { id, label, items, keyOf, rowLabel, columns, cells, nav, onOpen, className, rowClass, focusable = false, stale = false, describedBy } = props;

  return (
    <div className={`card row-list ${className}`}>
      <div className="row-list-row row-list-head pick-row" aria-hidden="true">
        {columns.map((c, i) => (
          <span key={i} className={c.align === 'end' ? 'align-end' : undefined}>
            {c.label}
          </span>
        ))}
      </div>
      <ul
        id={id}
        className={`row-list-body pick-list${stale ? ' is-stale' : ''}`}
        role="listbox"
        aria-label={label}
        aria-describedby={describedBy}
        tabIndex={focusable ? 0 : undefined}
        aria-activedescendant={focusable ? nav.activeId : undefined}
        onKeyDown={focusable ? (e) => void nav.onKeyDown(e) : undefined}
      >
        {items.map((item, i) => {
          const key = keyOf(item);
          const active = i === nav.index;
          return (
            <li
              key={key}
              id={optionId(id, key)}
              role="option"
              aria-selected={active}
              aria-label={rowLabel(item)}
              className={`row-list-row pick-row${active ? ' is-active' : ''}${rowClass ? ` ${rowClass(item)}` : ''}`}
              onClick={() => {
                nav.setHighlight(i);
                onOpen(item);
              }}
              onMouseMove={() => {
                if (!active) nav.setHighlight(i);
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
