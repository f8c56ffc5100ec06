/**
 * Keys that belong to the bills screen (letters, paging, arrows), with the manners of the shared
 * useShortcut: never during IME composition or with Ctrl/Alt/⌘, never while typing in a form field
 * (there the key means what the field says), and not while a modal dialog is open unless the key
 * belongs to that dialog. The F-keys stay in shortcuts.ts.
 */
import { useEffect, useRef } from 'react';

/** What the bills screen shows on its buttons and announces in aria-keyshortcuts. */
export const BILL_KEYS = {
  prevDay: { keys: ['PageUp', 'ArrowLeft'], label: 'PgUp', aria: 'PageUp ArrowLeft' },
  nextDay: { keys: ['PageDown', 'ArrowRight'], label: 'PgDn', aria: 'PageDown ArrowRight' },
  today: { keys: ['t'], label: 'T', aria: 'T' },
  date: { keys: ['d'], label: 'D', aria: 'D' },
  print: { keys: ['p'], label: 'P', aria: 'P' },
  refund: { keys: ['r'], label: 'R', aria: 'R' },
  allRemaining: { keys: ['a'], label: 'A', aria: 'A' },
} as const;

export function isFormField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

export function useKeys(
  keys: readonly string[],
  handler: (event: KeyboardEvent) => void,
  enabled = true,
  options: { inDialog?: boolean; inFields?: (target: Element) => boolean } = {},
): void {
  const latest = useRef(handler);
  latest.current = handler;
  const inDialog = options.inDialog ?? false;
  const inFields = useRef(options.inFields);
  inFields.current = options.inFields;
  const joined = keys.join(' ');
  useEffect(() => {
    if (!enabled) return;
    const wanted = joined.split(' ');
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (!wanted.includes(key)) return;
      if (isFormField(event.target) && !(event.target instanceof Element && inFields.current?.(event.target))) return;
      if (!inDialog && document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [joined, enabled, inDialog]);
}
