/**
 * The settings screens' own keys. Saving is Ctrl+S (what every desktop program uses; function keys
 * are the till's screens). "New" reuses F2, the till's key for adding something (a member elsewhere).
 */
import { useEffect, useRef } from 'react';
import { KEYS } from '../../app/shortcuts.ts';

export const NEW_KEY = KEYS.newMember;
/** As shown on the key cap and as aria-keyshortcuts wants it. */
export const SAVE_KEY_LABEL = 'Ctrl+S';
export const SAVE_KEY_ARIA = 'Control+S';

const isSaveKey = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.code === 'KeyS' || event.key.toLowerCase() === 's');

/**
 * Ctrl+S runs `handler` (the newest one). It is always kept from the browser (which would offer to
 * save the page) while a settings form is on screen, even when there is nothing to save. A form
 * under an open dialog leaves the key to the dialog; the dialog's own form passes `inDialog`.
 */
export function useSaveKey(handler: () => void, options: { inDialog?: boolean } = {}): void {
  const inDialog = options.inDialog ?? false;
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSaveKey(event) || event.defaultPrevented || event.isComposing) return;
      if (!inDialog && document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [inDialog]);
}

/**
 * Lists save in their dialogs, so on a list Ctrl+S has nothing to do — but must not open the browser's
 * "save page" either. Listens on window, after every form's document listener has had its turn.
 */
export function useSaveKeyGuard(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isSaveKey(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
