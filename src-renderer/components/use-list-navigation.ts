/**
 * Keyboard movement through a listbox of options, for a list that has focus itself or a search box
 * that drives one (the box keeps focus and points at the option with aria-activedescendant):
 * ↑/↓ and PageUp/PageDown move the highlight, Home/End too where asked (not in a search box, where
 * they move the caret), Enter opens the highlighted option where the caller gives `onOpen`. The
 * highlighted option is scrolled into view whenever it changes.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';

/** How far PageUp/PageDown move: about what a list shows at once. */
const PAGE_STEP = 8;

export interface ListNavigationOptions {
  /** How many options the list has now. */
  count: number;
  /** The element id of the option at an index (to scroll it into view and for aria-activedescendant). */
  optionId: (index: number) => string;
  /** Home/End move the highlight too. */
  homeEnd?: boolean;
  /** Enter on a non-empty list opens the highlighted option. */
  onOpen?: (index: number) => void;
}

export interface ListNavigation {
  /** The highlighted option, kept inside the list; -1 when the list is empty. */
  index: number;
  /** The highlighted option's element id, for aria-activedescendant; undefined when the list is empty. */
  activeId: string | undefined;
  setHighlight: (index: number) => void;
  /** Handles a key for the list; answers whether it did (and then it has prevented the default). */
  onKeyDown: (event: KeyboardEvent) => boolean;
}

/** Where a key moves the highlight from `index` in a list of `count`, or null for a key it does not move. */
function target(key: string, index: number, count: number, homeEnd: boolean): number | null {
  const last = Math.max(count - 1, 0);
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, last);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'PageDown':
      return Math.min(index + PAGE_STEP, last);
    case 'PageUp':
      return Math.max(index - PAGE_STEP, 0);
    case 'Home':
      return homeEnd ? 0 : null;
    case 'End':
      return homeEnd ? last : null;
    default:
      return null;
  }
}

export function useListNavigation({ count, optionId, homeEnd = false, onOpen }: ListNavigationOptions): ListNavigation {
  const [highlight, setHighlight] = useState(0);
  const index = count > 0 ? Math.min(highlight, count - 1) : -1;
  const activeId = index >= 0 ? optionId(index) : undefined;

  // Braces, not an arrow expression: scrollIntoView may return a Promise, which React would take
  // for a cleanup function.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const onKeyDown = (event: KeyboardEvent): boolean => {
    if (event.key === 'Enter' && onOpen && index >= 0) {
      event.preventDefault();
      onOpen(index);
      return true;
    }
    const next = target(event.key, Math.max(index, 0), count, homeEnd);
    if (next === null) return false;
    event.preventDefault();
    setHighlight(next);
    return true;
  };

  return { index, activeId, setHighlight, onKeyDown };
}
