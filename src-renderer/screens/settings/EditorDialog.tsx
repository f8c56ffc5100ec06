/**
 * The modal form the list sections edit a row in (product, tier, bonus rule). It opens with focus on
 * `initialFocus`, saves with Enter or Ctrl+S, closes with Esc, and gives focus back to whatever had it
 * before (the search box or the list). Read-only staff see the same form with every control disabled.
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { SAVE_KEY_ARIA, SAVE_KEY_LABEL, useSaveKey } from './keys.ts';
import { FixFieldsNotice } from './parts.tsx';

interface EditorDialogProps {
  title: string;
  /** A line under the title (e.g. "the default tier"). */
  meta?: ReactNode;
  readOnly: boolean;
  saving: boolean;
  /** A refusal from the API not tied to one field. */
  error: unknown;
  /** The form's own check found problems (shown on the fields). */
  fieldProblems: boolean;
  initialFocus: RefObject<HTMLInputElement | null>;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function EditorDialog({ title, meta, readOnly, saving, error, fieldProblems, initialFocus, onSubmit, onClose, children }: EditorDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first control (the close button); the person types into the form.
    const first = initialFocus.current;
    if (first && !first.disabled) {
      first.focus();
      first.select();
    }
    return () => {
      if (dialog?.open) dialog.close();
      requestAnimationFrame(() => {
        if (returnTo?.isConnected) returnTo.focus();
      });
    };
  }, []);

  // A refusal is read out and its notice is where focus goes, so Enter does not resend blindly.
  useEffect(() => {
    if (error) noticeRef.current?.focus();
  }, [error]);

  const submit = () => {
    if (!readOnly && !saving) onSubmit();
  };
  useSaveKey(submit, { inDialog: true });

  return (
    <dialog
      ref={ref}
      className="dialog settings-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        className="dialog-inner"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <header className="dialog-head">
          <div>
            <h2 className="dialog-title" id={titleId}>
              {title}
            </h2>
            {meta ? <p className="dialog-meta">{meta}</p> : null}
          </div>
          <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label={t('common.close')}>
            <Icon name="close" />
          </button>
        </header>
        <div className="dialog-body">
          <div ref={noticeRef} tabIndex={-1} className="form-notice">
            {error ? <ErrorNotice error={error} title={t('settings.notSaved')} /> : fieldProblems ? <FixFieldsNotice /> : null}
          </div>
          <fieldset className="settings-fieldset" disabled={readOnly}>
            <legend className="visually-hidden">{title}</legend>
            {children}
          </fieldset>
        </div>
        <footer className="dialog-foot">
          <button type="button" className="btn" onClick={onClose} aria-keyshortcuts="Escape">
            {readOnly ? t('common.close') : t('common.cancel')}
            <kbd className="kbd" aria-hidden="true">
              Esc
            </kbd>
          </button>
          {readOnly ? null : (
            <button type="submit" className="btn btn-primary" disabled={saving} aria-keyshortcuts={SAVE_KEY_ARIA}>
              {saving ? t('settings.saving') : t('settings.save')}
              <kbd className="kbd" aria-hidden="true">
                {SAVE_KEY_LABEL}
              </kbd>
            </button>
          )}
        </footer>
      </form>
    </dialog>
  );
}
