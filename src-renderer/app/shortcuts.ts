/**
 * The till's keyboard map, in one place so screens never fight over a key and every button can show
 * its key. Function keys, because a cashier presses them without looking and a barcode scanner never
 * sends them. F1/F5/F11/F12 stay free (help, reload, full screen, developer tools in a browser).
 */
import { useEffect, useRef } from 'react';

export const KEYS = {
  // Screens (the frame's navigation).
  checkout: 'F3',
  topup: 'F4',
  members: 'F6',
  bills: 'F7',
  settings: 'F8',
  // Actions on a screen.
  newMember: 'F2',
  /** Checkout: continue without a member. */
  walkIn: 'F10',
  /** Checkout: go to payment / confirm the payment; top-up: confirm. */
  pay: 'F9',
} as const;

export type ShortcutKey = (typeof KEYS)[keyof typeof KEYS] | 'Escape';

/**
 * Call `handler` when `key` is pressed anywhere on the page, unless `enabled` is false or a modal
 * dialog is open (a dialog handles its own keys; pass `inDialog` for a shortcut that belongs to one).
 * The newest handler is always used, so callers need not memoize.
 */
export function useShortcut(key: ShortcutKey, handler: (event: KeyboardEvent) => void, enabled = true, options: { inDialog?: boolean } = {}): void {
  const inDialog = options.inDialog ?? false;
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== key || event.defaultPrevented || event.isComposing) return;
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      if (!inDialog && document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [key, enabled, inDialog]);
}
