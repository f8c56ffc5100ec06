/** Small building blocks the settings sections share: heading, list tools, check and choice cards, save bar, notices. */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { Notice } from '../../components/ErrorNotice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { NEW_KEY, SAVE_KEY_ARIA, SAVE_KEY_LABEL } from './keys.ts';

export function SectionHead({ id, title, intro, action }: { id: string; title: string; intro: string; action?: ReactNode }) {
  return (
    <header className="settings-head">
      <div className="settings-head-text">
        <h2 className="settings-title" id={id}>
          {title}
        </h2>
        <p className="settings-intro">{intro}</p>
      </div>
      {action}
    </header>
  );
}

/** The "new …" button of a list section, with its key. */
export function NewButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="btn btn-primary" onClick={onClick} aria-keyshortcuts={NEW_KEY}>
      <Icon name="plus" />
      {label}
      <kbd className="kbd" aria-hidden="true">
        {NEW_KEY}
      </kbd>
    </button>
  );
}

/** The line above a list: its status (count, searching, saved) and the keys it takes, then any extra controls. */
export function ListTools({ status, statusId, keys, keysId, children }: { status: string; statusId?: string; keys: string; keysId: string; children?: ReactNode }) {
  return (
    <div className="settings-list-tools">
      <span className="list-status" id={statusId} role="status" aria-live="polite">
        {status}
      </span>
      <span className="list-keys" id={keysId}>
        {keys}
      </span>
      {children}
    </div>
  );
}

/** A checkbox drawn as a card with a one-line explanation. */
export function CheckCard({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`} />
      <span className="check-text">
        <span className="check-label" id={`${id}-label`}>
          {label}
        </span>
        <span className="check-hint" id={`${id}-hint`}>
          {hint}
        </span>
      </span>
    </label>
  );
}

/** A card that is one choice (radios, ←/→): its title names the choices, a hint under them, then anything the choice brings. */
export function ChoiceCard<K extends string>(props: {
  title: string;
  options: ReadonlyArray<{ key: K; label: ReactNode; lang?: string }>;
  value: K;
  onChange: (key: K) => void;
  hint: string;
  children?: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className="card settings-card" aria-labelledby={titleId}>
      <ChoiceGroup label={props.title} labelId={titleId} labelClassName="settings-card-title" className="choice-group-card" options={props.options} value={props.value} onChange={props.onChange} />
      <p className="field-hint">{props.hint}</p>
      {props.children}
    </section>
  );
}

/** Shown above every section when the person at the till may only look. */
export function ReadOnlyNotice() {
  const { t } = useTranslation();
  return <Notice kind="note" className="settings-readonly" title={t('settings.readOnly.title')} text={t('settings.readOnly.body')} />;
}

/** "Fix the marked fields" above a form whose own check failed. */
export function FixFieldsNotice() {
  const { t } = useTranslation();
  return <Notice kind="error" text={t('settings.fixFields')} />;
}

/**
 * The bottom bar of a settings form: whether there are unsaved changes (or that they were saved),
 * undo, and Save with its key. Save is a submit button of the surrounding form.
 */
export function SaveBar({ dirty, saving, savedNote, onRevert }: { dirty: boolean; saving: boolean; savedNote: boolean; onRevert: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="settings-savebar">
      <span className={`savebar-status${dirty ? ' is-dirty' : ''}`} role="status">
        {dirty ? (
          <>
            <span className="dirty-dot" aria-hidden="true" />
            {t('settings.unsaved')}
          </>
        ) : savedNote ? (
          <>
            <Icon name="check" size={18} />
            {t('settings.saved')}
          </>
        ) : null}
      </span>
      <button type="button" className="btn" onClick={onRevert} disabled={!dirty || saving}>
        {t('settings.revert')}
      </button>
      <SaveButton saving={saving} disabled={!dirty || saving} />
    </div>
  );
}

/** Save (Ctrl+S), the submit button of a settings form; "Saving…" while it runs. */
export function SaveButton({ saving, disabled }: { saving: boolean; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="btn btn-primary" disabled={disabled} aria-keyshortcuts={SAVE_KEY_ARIA}>
      {saving ? t('settings.saving') : t('settings.save')}
      <kbd className="kbd" aria-hidden="true">
        {SAVE_KEY_LABEL}
      </kbd>
    </button>
  );
}
