/**
 * The modal form the list sections edit a row in (product, tier, bonus rule). It opens with focus on
 * `initialFocus`, saves with Enter or Ctrl+S, closes with Esc, and gives focus back to whatever had it
 * before (the search box or the list). Read-only staff see the same form with every control disabled.
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { DialogHead } from '../../components/DialogHead.tsx';
import { useModalDialog } from '../../components/use-modal-dialog.ts';
import { useSaveKey } from './keys.ts';
import { FixFieldsNotice, SaveButton } from './parts.tsx';
import type { EditorForm } from './use-editor-form.ts';

interface EditorDialogProps {
  title: string;
  /** A line under the title (e.g. "the default tier"). */
  meta?: ReactNode;
  readOnly: boolean;
  /** Whether it is saving, the API's refusal not tied to one field, whether fields show problems. */
  form: Pick<EditorForm<string>, 'saving' | 'apiError' | 'fieldProblems'>;
  initialFocus: RefObject<HTMLInputElement | null>;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function EditorDialog({ title, meta, readOnly, form, initialFocus, onSubmit, onClose, children }: EditorDialogProps) {
  const { saving, apiError: error, fieldProblems } = form;
  const { t } = useTranslation();
  const titleId = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const dialog = useModalDialog(onClose, {
    returnFocus: true,
    // showModal focuses the first control (the close button); the person types into the form.
    onOpen: () => {
      const first = initialFocus.current;
      if (first && !first.disabled) {
        first.focus();
        first.select();
      }
    },
  });

  // A refusal is read out and its notice is where focus goes, so Enter does not resend blindly.
  useEffect(() => {
    if (error) noticeRef.current?.focus();
  }, [error]);

  const submit = () => {
    if (!readOnly && !saving) onSubmit();
  };
  useSaveKey(submit, { inDialog: true });

  return (
    <dialog {...dialog} className="dialog settings-dialog" aria-labelledby={titleId}>
      <form
        className="dialog-inner"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogHead titleId={titleId} title={title} meta={meta} onClose={onClose} />
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
          {readOnly ? null : <SaveButton saving={saving} disabled={saving} />}
        </footer>
      </form>
    </dialog>
  );
}
