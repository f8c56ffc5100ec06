/**
 * The bottom of a confirming dialog, drawn the same in every one: Cancel (Esc) and the confirm button
 * (F9); once the action is done, the one "Done" button that closes it.
 */
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { KEYS } from '../app/shortcuts.ts';
import { Icon } from './Icon.tsx';

interface ConfirmFootProps {
  onCancel: () => void;
  /** The action is under way: Cancel waits for it. */
  busy: boolean;
  confirmLabel: string;
  confirmDisabled: boolean;
  /** Called by the confirm button; without it the button submits the dialog's form. */
  onConfirm?: () => void;
  confirmRef?: Ref<HTMLButtonElement>;
  /** A confirm that takes something away (e.g. "do not contact") is drawn as such. */
  danger?: boolean;
}

export function ConfirmFoot({ onCancel, busy, confirmLabel, confirmDisabled, onConfirm, confirmRef, danger = false }: ConfirmFootProps) {
  const { t } = useTranslation();
  return (
    <footer className="dialog-foot confirm-foot">
      <button type="button" className="btn btn-large" onClick={onCancel} disabled={busy} aria-keyshortcuts="Escape">
        {t('common.cancel')}
        <kbd className="kbd" aria-hidden="true">
          Esc
        </kbd>
      </button>
      <button
        type={onConfirm ? 'button' : 'submit'}
        ref={confirmRef}
        className={`btn btn-large ${danger ? 'btn-danger' : 'btn-primary'}`}
        onClick={onConfirm}
        disabled={confirmDisabled}
        aria-keyshortcuts={KEYS.pay}
      >
        {confirmLabel}
        <kbd className="kbd" aria-hidden="true">
          {KEYS.pay}
        </kbd>
      </button>
    </footer>
  );
}

export function DoneFoot({ label, onClose, buttonRef }: { label: string; onClose: () => void; buttonRef?: Ref<HTMLButtonElement> }) {
  return (
    <footer className="dialog-foot">
      <button type="button" className="btn btn-primary btn-large" ref={buttonRef} onClick={onClose}>
        <Icon name="check" />
        {label}
      </button>
    </footer>
  );
}
