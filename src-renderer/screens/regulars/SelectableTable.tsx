/**
 * A column-declared table whose rows can be ticked, made for the keyboard: the table is one Tab stop
 * (the current row's checkbox), ↑/↓/PgUp/PgDn/Home/End move between rows, Space ticks, Enter opens the
 * row (where `onOpen` is given), ←/→ walk through the row's own buttons and links, and Tab goes on
 * through the current row's buttons and out of the table. The header's box ticks the whole page.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Selection } from './use-selection.ts';

/** What a cell needs to take part in the row's keyboard movement: spread on its buttons and links. */
export interface RowControl {
  tabIndex: 0 | -1;
}

export interface Column<T> {
  key: string;
  header: string;
  /** Figures line up on the right. */
  end?: boolean;
  className?: string;
  cell: (row: T, control: RowControl) => ReactNode;
}

interface SelectableTableProps<T> {
  label: string;
  rows: readonly T[];
  rowId: (row: T) => string;
  /** The checkbox's accessible name (who or what the row is). */
  rowLabel: (row: T) => string;
  columns: readonly Column<T>[];
  selection: Selection<T>;
  /** Rows that cannot be ticked have no checkbox and are skipped by ↑/↓. */
  canSelect?: (row: T) => boolean;
  onOpen?: (row: T) => void;
  selectPageLabel: string;
  /** The rows answer an older question while a newer one is asked. */
  stale?: boolean;
  className?: string;
}

const PAGE_STEP = 8;
const CONTROLS = 'input:not([disabled]), button:not([disabled]), a[href]';

export function SelectableTable<T>(props: SelectableTableProps<T>) {
  const { label, rows, rowId, rowLabel, columns, selection, canSelect = () => true, onOpen, selectPageLabel, stale = false, className } = props;
  const base = useId();
  const domId = (row: T) => `${base}-${rowId(row)}`;
  const selectable = rows.filter(canSelect);
  const [activeId, setActiveId] = useState<string | null>(null);
  // The current row stays on its row across reloads; a row that left the list hands over to the first.
  const current = selectable.find((r) => rowId(r) === activeId) ?? selectable[0];
  const currentId = current ? rowId(current) : null;

  const pageTicked = selectable.filter((r) => selection.has(rowId(r))).length;
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = pageTicked > 0 && pageTicked < selectable.length;
  }, [pageTicked, selectable.length]);

  const controlsOf = (row: T): HTMLElement[] => {
    const tr = document.getElementById(domId(row));
    return tr ? [...tr.querySelectorAll<HTMLElement>(CONTROLS)] : [];
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    const tr = (event.target as HTMLElement).closest('tr');
    const index = selectable.findIndex((r) => domId(r) === tr?.id);
    if (index < 0) return;
    const row = selectable[index]!;
    const controls = controlsOf(row);
    const at = controls.indexOf(event.target as HTMLElement);
    const last = selectable.length - 1;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(index + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(index - 1, 0);
        break;
      case 'PageDown':
        next = Math.min(index + PAGE_STEP, last);
        break;
      case 'PageUp':
        next = Math.max(index - PAGE_STEP, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        event.preventDefault();
        const step = event.key === 'ArrowRight' ? 1 : -1;
        controls[Math.min(Math.max(at + step, 0), controls.length - 1)]?.focus();
        return;
      }
      case 'Enter':
        // Enter on a button or link is theirs; on the checkbox it opens the row.
        if (onOpen && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          onOpen(row);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    const target = selectable[next]!;
    setActiveId(rowId(target));
    // The same column's control in the other row: ↓ from "log call" lands on the next "log call".
    const there = controlsOf(target);
    (there[Math.max(at, 0)] ?? there[0])?.focus();
  };

  const cellClass = (c: Column<T>) => [c.end ? 'align-end' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`table-wrap select-table-wrap${stale ? ' is-stale' : ''}`}>
      <table className={`table select-table${className ? ` ${className}` : ''}`} aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="select-cell">
              <label className="select-hit">
                <input
                  ref={allBox}
                  type="checkbox"
                  className="select-box"
                  aria-label={selectPageLabel}
                  checked={selectable.length > 0 && pageTicked === selectable.length}
                  disabled={selectable.length === 0}
                  onChange={(e) => selection.setAll(selectable, e.target.checked)}
                />
              </label>
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.end ? 'align-end' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((row) => {
            const id = rowId(row);
            const isCurrent = id === currentId;
            const ticked = selection.has(id);
            const control: RowControl = { tabIndex: isCurrent ? 0 : -1 };
            return (
              <tr
                key={id}
                id={domId(row)}
                className={`${ticked ? 'is-selected' : ''}${isCurrent ? ' is-current' : ''}`.trim() || undefined}
                onFocus={() => {
                  if (canSelect(row)) setActiveId(id);
                }}
              >
                <td className="select-cell">
                  {canSelect(row) ? (
                    <label className="select-hit">
                      <input type="checkbox" className="select-box" aria-label={rowLabel(row)} checked={ticked} tabIndex={control.tabIndex} onChange={() => selection.toggle(row)} />
                    </label>
                  ) : null}
                </td>
                {columns.map((c) => (
                  <td key={c.key} className={cellClass(c)}>
                    {c.cell(row, control)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
