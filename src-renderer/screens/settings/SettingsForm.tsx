/**
 * A settings section that is one form of shop settings (shop, points): its heading, what stops the
 * save (the API's refusal, or fields the form's own check marked), the fields (disabled for staff
 * who may only look) and the save bar. Enter in a field and Ctrl+S both submit, and only when there
 * is something unsaved and no save is running.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useSaveKey } from './keys.ts';
import { FixFieldsNotice, SaveBar, SectionHead } from './parts.tsx';
import type { SettingsDraft } from './use-settings-draft.ts';

interface SettingsFormProps {
  headingId: string;
  title: string;
  intro: string;
  form: Pick<SettingsDraft<unknown>, 'dirty' | 'saving' | 'error' | 'justSaved' | 'revert'>;
  readOnly: boolean;
  /** The form's own check found problems (shown on the fields). */
  fieldProblems: boolean;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}

export function SettingsForm({ headingId, title, intro, form, readOnly, fieldProblems, onSubmit, children }: SettingsFormProps) {
  const { t } = useTranslation();
  const submit = () => {
    if (!readOnly && !form.saving && form.dirty) void onSubmit();
  };
  useSaveKey(submit);

  return (
    <form
      className="settings-section settings-form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <SectionHead id={headingId} title={title} intro={intro} />
      {form.error ? <ErrorNotice error={form.error} title={t('settings.notSaved')} /> : fieldProblems ? <FixFieldsNotice /> : null}

      <fieldset className="settings-fieldset" disabled={readOnly}>
        <legend className="visually-hidden">{title}</legend>
        {children}
      </fieldset>

      {readOnly ? null : <SaveBar dirty={form.dirty} saving={form.saving} savedNote={form.justSaved} onRevert={form.revert} />}
    </form>
  );
}
