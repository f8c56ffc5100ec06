/**
 * The SMS provider: which one (or none), its account fields as its config schema lists them, and its
 * secrets — write-only password fields that say "set" when a secret is stored and keep it when left
 * empty. Ctrl+S saves (`sms.setProvider`); below, a test message to a phone shows whether it went.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderStatus } from '../../../src-main/sms/types.ts';
import { api } from '../../api.ts';
import { Notice } from '../../components/ErrorNotice.tsx';
import { Field, TextField, controlProps } from '../../components/Field.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { ChoiceCard, SectionHead } from './parts.tsx';
import { checkConfig, fieldsOf, PROVIDER_CHOICES, secretsOf, valuesFrom, type ProviderChoice, type ProviderValues } from './provider-fields.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { TestMessage } from './TestMessage.tsx';
import { settingsText } from './text.ts';
import { useShownErrors } from './use-shown-errors.ts';

type FieldName = keyof typeof settingsText.zhCN.provider.field;
type HintName = keyof typeof settingsText.zhCN.provider.fieldHint;
type SecretName = keyof typeof settingsText.zhCN.provider.secret;
type ErrorName = keyof typeof settingsText.zhCN.provider.err;
const has = <K extends string>(record: Record<K, unknown>, name: string): name is K => Object.hasOwn(record, name);

/** Why a field was refused, by field; fields with only "required" are not listed. */
const FIELD_ERRORS: Record<string, ErrorName> = {
  baseUrl: 'url',
  url: 'url',
  accountSid: 'accountSid',
  from: 'from',
  endpoint: 'endpoint',
  protocol: 'protocol',
  templateParamName: 'templateParamName',
  smsSdkAppId: 'digits',
  templateId: 'digits',
};

interface ProviderDraft {
  choice: ProviderChoice;
  values: ProviderValues;
}

/**
 * Unsaved provider fields outlive the section, like the other settings forms' drafts; typed secrets
 * do not (they stay in the form only, never in a module-wide store).
 */
let unsavedDraft: ProviderDraft | null = null;

const draftOf = (status: ProviderStatus): ProviderDraft => ({ choice: status.config?.kind ?? 'none', values: valuesFrom(status.config) });

export function ProviderSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const query = useApiQuery('sms.provider', {});
  // What the last save answered, newer than the first read.
  const [saved, setSaved] = useState<ProviderStatus | null>(null);
  const status = saved ?? query.data;

  if (!status) {
    return (
      <section className="settings-section" aria-labelledby={headingId}>
        <SectionHead id={headingId} title={t('settings.provider.title')} intro={t('settings.provider.intro')} />
        <QueryStatus query={query} />
      </section>
    );
  }
  return <ProviderForm status={status} onSaved={setSaved} readOnly={readOnly} headingId={headingId} />;
}

function ProviderForm({ status, onSaved, readOnly, headingId }: { status: ProviderStatus; onSaved: (status: ProviderStatus) => void; readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const saved = draftOf(status);
  const [draft, setDraftState] = useState<ProviderDraft>(() => unsavedDraft ?? saved);
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [justSaved, setJustSaved] = useState(false);
  const shownErrors = useShownErrors<string>();
  const fieldRefs = useRef(new Map<string, HTMLElement>());

  const kind = draft.choice === 'none' ? null : draft.choice;
  const typedSecrets = kind ? Object.fromEntries(secretsOf(kind).flatMap((name) => ((secrets[name] ?? '').trim() ? [[name, secrets[name]!]] : []))) : {};
  const dirty =
    draft.choice !== saved.choice || (kind !== null && JSON.stringify(draft.values[kind]) !== JSON.stringify(saved.values[kind])) || Object.keys(typedSecrets).length > 0;
  /** Whether the stored config (of this provider) has the secret. */
  const secretIsSet = (name: string) => status.config?.kind === kind && status.secrets.some((s) => s.name === name && s.set);

  const setDraft = (next: ProviderDraft) => {
    unsavedDraft = next;
    setDraftState(next);
    setJustSaved(false);
  };
  const clearError = (name: string) => shownErrors.clear([name]);
  const revert = () => {
    unsavedDraft = null;
    setDraftState(saved);
    setSecrets({});
    shownErrors.clearAll();
    setSaveError(null);
  };

  const submit = async () => {
    let config = null;
    if (kind) {
      const checked = checkConfig(kind, draft.values[kind]);
      const missingSecrets = secretsOf(kind).filter((name) => !secretIsSet(name) && !(secrets[name] ?? '').trim());
      const bad = [...(checked.ok ? [] : checked.badFields), ...missingSecrets];
      if (bad.length > 0) {
        shownErrors.show(bad, (name) => fieldRefs.current.get(name)?.focus());
        return;
      }
      if (!checked.ok) return;
      config = checked.config;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const next = await api.call('sms.setProvider', { config, secrets: typedSecrets });
      unsavedDraft = null;
      setDraftState(draftOf(next));
      setSecrets({});
      setJustSaved(true);
      onSaved(next);
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const fieldLabel = (name: string) => (has<FieldName>(settingsText.zhCN.provider.field, name) ? t(`settings.provider.field.${name}`) : name);
  const fieldError = (name: string): string | null => {
    if (!shownErrors.has(name) || !kind) return null;
    const typed = (draft.values[kind][name] ?? '').trim();
    const field = fieldsOf(kind).find((f) => f.name === name);
    if (typed === '' && field?.defaultValue === null) return t('settings.err.required');
    const reason = name === 'endpoint' && kind === 'tencent' ? 'tencentEndpoint' : FIELD_ERRORS[name];
    return reason ? t(`settings.provider.err.${reason}`) : t('settings.err.required');
  };
  const registerRef = (name: string) => (el: HTMLElement | null) => {
    if (el) fieldRefs.current.set(name, el);
    else fieldRefs.current.delete(name);
  };

  const encryptionKey = has<'safeStorage' | 'aes-256-gcm-keyfile'>(settingsText.zhCN.provider.encryption, status.encryption) ? status.encryption : 'other';

  return (
    <SettingsForm
      headingId={headingId}
      title={t('settings.provider.title')}
      intro={t('settings.provider.intro')}
      form={{ dirty, saving, error: saveError, justSaved, revert }}
      readOnly={readOnly}
      fieldProblems={shownErrors.any}
      onSubmit={submit}
    >
      <ChoiceCard
        title={t('settings.provider.choice')}
        options={PROVIDER_CHOICES.map((choice) => ({ key: choice, label: t(`settings.provider.kind.${choice}`) }))}
        value={draft.choice}
        onChange={(choice) => {
          setDraft({ ...draft, choice });
          shownErrors.clearAll();
        }}
        hint={t(`settings.provider.kindHint.${draft.choice}`)}
      />

      {kind ? (
        <section className="card settings-card" aria-labelledby={`${uid}-account`}>
          <h3 className="settings-card-title" id={`${uid}-account`}>
            {t('settings.provider.account')}
          </h3>
          <div className="form-grid provider-fields">
            {fieldsOf(kind).map((field) => {
              const id = `${uid}-${kind}-${field.name}`;
              const value = draft.values[kind][field.name] ?? '';
              const onValue = (next: string) => {
                setDraft({ ...draft, values: { ...draft.values, [kind]: { ...draft.values[kind], [field.name]: next } } });
                clearError(field.name);
              };
              const error = fieldError(field.name);
              const hint = has<HintName>(settingsText.zhCN.provider.fieldHint, field.name)
                ? t(`settings.provider.fieldHint.${field.name}`)
                : field.defaultValue !== null
                  ? t('settings.provider.defaultHint', { value: field.defaultValue })
                  : undefined;
              if (field.options) {
                return (
                  <Field key={id} id={id} label={fieldLabel(field.name)} hint={hint} error={error}>
                    <select ref={registerRef(field.name)} {...controlProps(id, error, hint !== undefined)} className="select" value={value} onChange={(e) => onValue(e.target.value)}>
                      {field.options.map((option) => (
                        <option key={option} value={option}>
                          {option}
                        </option>
                      ))}
                    </select>
                  </Field>
                );
              }
              return (
                <TextField
                  key={id}
                  id={id}
                  inputRef={registerRef(field.name)}
                  label={fieldLabel(field.name)}
                  mark={field.defaultValue === null ? 'required' : undefined}
                  hint={hint}
                  error={error}
                  value={value}
                  onValue={onValue}
                  placeholder={field.defaultValue ?? undefined}
                  spellCheck={false}
                  maxLength={300}
                  className={field.name === 'url' || field.name === 'baseUrl' ? 'field-wide' : undefined}
                />
              );
            })}
          </div>

          <h3 className="settings-card-title provider-secrets-title">{t('settings.provider.secrets')}</h3>
          <p className="field-hint">{t('settings.provider.secretsHint')}</p>
          <div className="form-grid provider-fields">
            {secretsOf(kind).map((name) => {
              const id = `${uid}-${kind}-secret-${name}`;
              const isSet = secretIsSet(name);
              const label = has<SecretName>(settingsText.zhCN.provider.secret, name) ? t(`settings.provider.secret.${name}`) : name;
              return (
                <TextField
                  key={id}
                  id={id}
                  inputRef={registerRef(name)}
                  type="password"
                  autoComplete="new-password"
                  spellCheck={false}
                  label={label}
                  mark={isSet ? undefined : 'required'}
                  hint={
                    <span className={`secret-state${isSet ? ' is-set' : ''}`}>{isSet ? t('settings.provider.secretSet') : t('settings.provider.secretMissing')}</span>
                  }
                  error={shownErrors.has(name) ? t('settings.provider.err.secretRequired') : null}
                  value={secrets[name] ?? ''}
                  onValue={(value) => {
                    setSecrets((prev) => ({ ...prev, [name]: value }));
                    setJustSaved(false);
                    clearError(name);
                  }}
                  placeholder={isSet ? t('settings.provider.secretKeepPlaceholder') : undefined}
                  maxLength={500}
                />
              );
            })}
          </div>
          <p className="provider-encryption">{t(`settings.provider.encryption.${encryptionKey}`)}</p>
        </section>
      ) : (
        <Notice kind="note" className="settings-warn-note" text={t('settings.provider.noneNote')} />
      )}

      <TestMessage canSend={status.config !== null && !dirty} />
    </SettingsForm>
  );
}
