/**
 * A modal dialog that asks for a few things and confirms them once: its title (the dialog's name),
 * the fields, Cancel (Esc) and the confirm button (F9, or Enter in a one-line field). Closing waits
 * while the action is under way. The caller's `onConfirm` checks and sends; the dialog only asks.
 */
import { useId, type ReactNode } from 'react';
import { KEYS, useShortcut } from '../app/shortcuts.ts';
import { ConfirmFoot } from './DialogFoot.tsx';
import { DialogHead } from './DialogHead.tsx';
import { useModalDialog } from './use-modal-dialog.ts';

interface FormDialogProps {
  /** The dialog's own class (its width). */
  className: string;
  bodyClassName: string;
  title: string;
  meta?: ReactNode;
  onClose: () => void;
  /** Right after it opened: where the person starts. */
  onOpen: () => void;
  busy: boolean;
  confirmLabel: string;
  confirmDisabled: boolean;
  danger?: boolean;
  onConfirm: () => void;
  children: ReactNode;
}

export function FormDialog({ className, bodyClassName, title, meta, onClose, onOpen, busy, confirmLabel, confirmDisabled, danger, onConfirm, children }: FormDialogProps) {
  const titleId = useId();
  const close = () => {
    if (!busy) onClose();
  };
  const dialog = useModalDialog(close, { returnFocus: true, onOpen });
  useShortcut(KEYS.pay, onConfirm, true, { inDialog: true });

  return (
    <dialog {...dialog} className={`dialog ${className}`} aria-labelledby={titleId}>
      <form
        className="dialog-inner"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        <DialogHead titleId={titleId} title={title} meta={meta} onClose={close} />
        <div className={`dialog-body ${bodyClassName}`}>{children}</div>
        <ConfirmFoot onCancel={close} busy={busy} confirmLabel={confirmLabel} confirmDisabled={confirmDisabled} danger={danger} />
      </form>
    </dialog>
  );
}
