/**
 * A `<dialog>` shown modal for as long as its component is mounted: showModal on mount (then
 * `onOpen`, e.g. to focus where the person types first), close on unmount, and Esc (the dialog's
 * cancel event) calls `onCancel` instead of closing it behind React's back, so the owner decides.
 * Spread the answer on the element: `<dialog {...useModalDialog(onClose)} className="dialog">`.
 */
import { useEffect, useRef, type RefObject, type SyntheticEvent } from 'react';

interface ModalDialogOptions {
  /** Right after it opened (showModal focuses the first control; move focus elsewhere here). */
  onOpen?: () => void;
  /** On closing, give focus back to whatever had it before the dialog opened. */
  returnFocus?: boolean;
}

export interface ModalDialogProps {
  ref: RefObject<HTMLDialogElement | null>;
  onCancel: (event: SyntheticEvent<HTMLDialogElement>) => void;
}

export function useModalDialog(onCancel: () => void, options: ModalDialogOptions = {}): ModalDialogProps {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef({ onCancel, options });
  latest.current = { onCancel, options };

  // Only on mounting: what the dialog shows may change while it is open, the dialog stays.
  useEffect(() => {
    const dialog = ref.current;
    const { onOpen, returnFocus = false } = latest.current.options;
    const returnTo = returnFocus && document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    onOpen?.();
    return () => {
      if (dialog?.open) dialog.close();
      if (returnTo) {
        requestAnimationFrame(() => {
          if (returnTo.isConnected) returnTo.focus();
        });
      }
    };
  }, []);

  return {
    ref,
    onCancel: (event) => {
      event.preventDefault();
      latest.current.onCancel();
    },
  };
}
