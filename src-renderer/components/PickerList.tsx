/**
 * The dropdown under a picker's combobox (a SearchField with look "picker"): its options, the one
 * `nav` highlights marked, chosen by a click (Enter belongs to the combobox). Pressing an option does
 * not take the focus from the combobox, so typing goes on.
 */
import type { ReactNode } from 'react';
import type { ListNavigation } from './use-list-navigation.ts';

interface PickerListProps<T> {
  id: string;
  /** The listbox's accessible name. */
  label: string;
  items: readonly T[];
  /** From useListNavigation over the same items, with the same option ids. */
  nav: ListNavigation;
  optionId: (item: T) => string;
  /** An option's accessible name. */
  optionLabel: (item: T) => string;
  onChoose: (item: T) => void;
  /** More classes on the list and on each option (e.g. the product columns). */
  className?: string;
  optionClassName?: string;
  /** Answers to an older query while a newer one runs. */
  stale?: boolean;
  children: (item: T) => ReactNode;
}

export function PickerList<T>(props: PickerListProps<T>) {
  const { id, label, items, nav, optionId, optionLabel, onChoose, className, optionClassName, stale = false, children } = props;
  if (items.length === 0) return null;
  return (
    <ul id={id} className={`picker-list${className ? ` ${className}` : ''}${stale ? ' is-stale' : ''}`} role="listbox" aria-label={label}>
      {items.map((item, i) => {
        const active = i === nav.index;
        return (
          <li
            key={optionId(item)}
            id={optionId(item)}
            role="option"
            aria-selected={active}
            aria-label={optionLabel(item)}
            className={`picker-option${optionClassName ? ` ${optionClassName}` : ''}${active ? ' is-active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onChoose(item)}
            onMouseMove={() => nav.setHighlight(i)}
          >
            {children(item)}
          </li>
        );
      })}
    </ul>
  );
}
