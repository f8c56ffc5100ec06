/**
 * New member / edit member. Phone and name are required; birthday is month + day with an optional
 * year; both SMS consents start unticked. Checked here with the ledger's own zod schema before sending;
 * refusals from the API (in the UI language) show above the form and next to the field they concern.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { memberCreate, type MemberCreate } from '../../../src-main/ledger/commands.ts';
import type { Gender, Member } from '../../../src-main/ledger/types.ts';
import { api, ApiCallError } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { navigate, paths } from '../../app/router.ts';
import { describeError, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { currentLocale, i18n } from '../../i18n/index.ts';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { useSession } from '../../stores/session.ts';

type Mode = { mode: 'create'; prefillPhone?: string; prefillName?: string } | { mode: 'edit'; memberId: string };

type FieldName = 'phone' | 'name' | 'birthday' | 'birthYear' | 'gender' | 'tierId' | 'tags' | 'note';

interface FormState {
  phone: string;
  name: string;
  birthMonth: string;
  birthDay: string;
  birthYear: string;
  gender: Gender | '';
  tierId: string;
  tags: string[];
  tagDraft: string;
  note: string;
  smsBillConsent: boolean;
  smsMarketingConsent: boolean;
}

/** Messages are kept as thunks so they follow a language switch while shown. */
type Msg = () => string;
type FieldErrors = Partial<Record<FieldName, Msg>>;

const MAX = { phone: 32, name: 40, note: 500, tag: 20, tags: 20 } as const;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);
const GENDERS: Gender[] = ['female', 'male', 'other'];

/** Mainland numbers are edited as the 11 digits people say; others keep their +country code. */
function phoneForEditing(e164: string): string {
  const cn = /^\+86(1\d{10})$/.exec(e164);
  return cn ? cn[1]! : e164;
}

function fromMember(m: Member): FormState {
  return {
    phone: phoneForEditing(m.phone),
    name: m.name,
    birthMonth: m.birthMonth ? String(m.birthMonth) : '',
    birthDay: m.birthDay ? String(m.birthDay) : '',
    birthYear: m.birthYear ? String(m.birthYear) : '',
    gender: m.gender ?? '',
    tierId: m.tierId,
    tags: [...m.tags],
    tagDraft: '',
    note: m.note,
    smsBillConsent: m.smsBillConsent,
    smsMarketingConsent: m.smsMarketingConsent,
  };
}

/** Maps an API/zod issue path to the field that shows it. */
function fieldOf(path: string): FieldName | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'birthMonth' || head === 'birthDay' || head === 'birthday') return 'birthday';
  if (head === 'birthYear') return 'birthYear';
  if (['phone', 'name', 'gender', 'tierId', 'tags', 'note'].includes(head)) return head as FieldName;
  return null;
}

function Field({
  id,
  label,
  required,
  hint,
  error,
  children,
  optionalText,
  requiredText,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  children: ReactNode;
  optionalText?: string;
  requiredText?: string;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && requiredText ? (
          <span className="field-required" aria-hidden="true">
            {requiredText}
          </span>
        ) : null}
        {!required && optionalText ? (
          <span className="field-optional" aria-hidden="true">
            {optionalText}
          </span>
        ) : null}
      </div>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function MemberForm(props: Mode) {
  const { t } = useTranslation();
  const f = useFormat();
  const info = useAppInfo();
  const staffId = useSession((s) => s.staffId);
  const uid = useId();
  const ids = {
    phone: `${uid}-phone`,
    name: `${uid}-name`,
    month: `${uid}-month`,
    day: `${uid}-day`,
    year: `${uid}-year`,
    tier: `${uid}-tier`,
    tag: `${uid}-tag`,
    note: `${uid}-note`,
    bill: `${uid}-bill`,
    marketing: `${uid}-marketing`,
  };
  const defaultTier = info.tiers.find((tier) => tier.isDefault) ?? info.tiers[0];
  const blank: FormState = {
    phone: props.mode === 'create' ? (props.prefillPhone ?? '') : '',
    name: props.mode === 'create' ? (props.prefillName ?? '') : '',
    birthMonth: '',
    birthDay: '',
    birthYear: '',
    gender: '',
    tierId: defaultTier?.id ?? '',
    tags: [],
    tagDraft: '',
    note: '',
    smsBillConsent: false,
    smsMarketingConsent: false,
  };

  const [form, setForm] = useState<FormState>(blank);
  const [initial, setInitial] = useState<FormState>(blank);
  const [member, setMember] = useState<Member | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const editId = props.mode === 'edit' ? props.memberId : null;

  const load = useCallback(async () => {
    if (!editId) return;
    setLoadError(null);
    try {
      const m = await api.call('members.get', { memberId: editId });
      const state = fromMember(m);
      setMember(m);
      setForm(state);
      setInitial(state);
    } catch (e) {
      setLoadError(e);
    }
  }, [editId]);

  useEffect(() => {
    void load();
  }, [load]);

  const ready = props.mode === 'create' || member !== null;
  useEffect(() => {
    if (ready) firstField.current?.focus();
  }, [ready]);

  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const cancel = useCallback(() => {
    if (editId) navigate(paths.member(editId));
    else navigate(paths.members());
  }, [editId]);

  // Esc leaves the form when nothing was typed (so a stray Esc never throws work away).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !event.isComposing && !dirty) {
        event.preventDefault();
        cancel();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [dirty, cancel]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((prev) => ({ ...prev, [key]: value }));
    const field: FieldName | null = key === 'birthMonth' || key === 'birthDay' ? 'birthday' : key === 'tagDraft' ? 'tags' : fieldOf(key);
    if (field && errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  /** Adds the draft as a tag; answers an error message or null. */
  const tagProblem = (draft: string, tags: string[]): Msg | null => {
    if ([...draft].length > MAX.tag) return () => i18n.t('form.err.tagTooLong');
    if (tags.includes(draft)) return () => i18n.t('form.err.duplicateTag');
    if (tags.length >= MAX.tags) return () => i18n.t('form.err.tooManyTags');
    return null;
  };

  const addTag = () => {
    const draft = form.tagDraft.trim();
    if (!draft) return;
    const problem = tagProblem(draft, form.tags);
    if (problem) {
      setErrors((prev) => ({ ...prev, tags: problem }));
      return;
    }
    setForm((prev) => ({ ...prev, tags: [...prev.tags, draft], tagDraft: '' }));
    setErrors((prev) => ({ ...prev, tags: undefined }));
  };

  const onTagKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' || event.key === ',' || event.key === '，') {
      event.preventDefault();
      addTag();
    } else if (event.key === 'Backspace' && form.tagDraft === '' && form.tags.length > 0) {
      setForm((prev) => ({ ...prev, tags: prev.tags.slice(0, -1) }));
    }
  };

  /** Checks what a person can get wrong, in their words; null when the input is fine. */
  const validate = (state: FormState): { errors: FieldErrors; input: Omit<MemberCreate, 'staffId'> | null } => {
    const e: FieldErrors = {};
    const phone = state.phone.trim();
    const name = state.name.trim();
    if (!phone) e.phone = () => i18n.t('form.err.phoneRequired');
    else if (phone.length > MAX.phone) e.phone = () => i18n.t('form.err.tooLong', { max: MAX.phone });
    if (!name) e.name = () => i18n.t('form.err.nameRequired');
    else if ([...name].length > MAX.name) e.name = () => i18n.t('form.err.tooLong', { max: MAX.name });

    const month = state.birthMonth ? Number(state.birthMonth) : null;
    const day = state.birthDay ? Number(state.birthDay) : null;
    let year: number | null = null;
    if ((month === null) !== (day === null)) e.birthday = () => i18n.t('form.err.birthdayIncomplete');
    const yearText = state.birthYear.trim();
    if (yearText) {
      year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (!Number.isInteger(year) || year < 1900 || year > 2100) e.birthYear = () => i18n.t('form.err.yearInvalid');
      else if (month === null || day === null) e.birthYear = () => i18n.t('form.err.yearNeedsDate');
    }
    if (month !== null && day !== null && !e.birthday) {
      const probe = new Date(Date.UTC(year && !e.birthYear ? year : 2000, month - 1, day));
      if (probe.getUTCMonth() !== month - 1) e.birthday = () => i18n.t('form.err.birthdayInvalid');
    }
    if ([...state.note].length > MAX.note) e.note = () => i18n.t('form.err.tooLong', { max: MAX.note });

    let tags = state.tags;
    const draft = state.tagDraft.trim();
    if (draft) {
      const problem = tagProblem(draft, tags);
      if (problem) e.tags = problem;
      else tags = [...tags, draft];
    }

    const input = {
      phone,
      name,
      birthMonth: month,
      birthDay: day,
      birthYear: e.birthYear ? null : year,
      gender: state.gender || null,
      tierId: state.tierId || null,
      tags,
      note: state.note.trim(),
      smsBillConsent: state.smsBillConsent,
      smsMarketingConsent: state.smsMarketingConsent,
    };
    // The ledger's own schema has the last word on shapes (lengths, control characters, …).
    const checked = memberCreate.safeParse({ ...input, staffId: staffId ?? 'none' });
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = fieldOf(issue.path.map(String).join('.'));
        if (field && !e[field]) e[field] = () => i18n.t('form.err.invalid');
      }
    }
    return { errors: e, input: Object.values(e).some(Boolean) ? null : input };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSubmitError(null);
    const { errors: found, input } = validate(form);
    setErrors(found);
    if (!input || !staffId) {
      const order: FieldName[] = ['phone', 'name', 'birthday', 'birthYear', 'gender', 'tierId', 'tags', 'note'];
      const first = order.find((k) => found[k]);
      const target = first === 'birthday' ? ids.month : first === 'birthYear' ? ids.year : first === 'tierId' ? ids.tier : first === 'tags' ? ids.tag : first ? ids[first as 'phone' | 'name' | 'note'] : null;
      if (target) document.getElementById(target)?.focus();
      return;
    }
    setSaving(true);
    try {
      let saved: Member;
      if (editId) {
        saved = await api.call('members.update', { ...input, memberId: editId, staffId });
      } else {
        saved = await api.call('members.create', { ...input, staffId });
      }
      navigate(paths.member(saved.id), { replace: true });
    } catch (error) {
      setSaving(false);
      setSubmitError(error);
      if (error instanceof ApiCallError) {
        const fieldErrors: FieldErrors = {};
        if (error.code === 'PHONE_INVALID' || error.code === 'PHONE_TAKEN') fieldErrors.phone = () => describeError(error, currentLocale(), info.settings.currency);
        if (error.code === 'TIER_NOT_FOUND') fieldErrors.tierId = () => describeError(error, currentLocale(), info.settings.currency);
        if (error.code === 'VALIDATION') {
          const paths = [...error.issues.map((i) => i.path), String(error.params['field'] ?? '')];
          for (const p of paths) {
            const field = fieldOf(p);
            if (field && !fieldErrors[field]) fieldErrors[field] = () => i18n.t('form.err.invalid');
          }
        }
        setErrors(fieldErrors);
      }
      requestAnimationFrame(() => noticeRef.current?.focus());
    }
  };

  const describedBy = (id: string, field: FieldName, hasHint = false) =>
    errors[field] ? `${id}-error` : hasHint ? `${id}-hint` : undefined;

  const title = props.mode === 'create' ? t('form.newTitle') : t('form.editTitle');

  if (props.mode === 'edit' && !member) {
    return (
      <div className="screen member-form-screen">
        <div className="page-head">
          <h1 className="page-title">{title}</h1>
        </div>
        {loadError ? <ErrorNotice error={loadError} onRetry={() => void load()} /> : <p className="loading" role="status">{t('common.loading')}</p>}
      </div>
    );
  }

  const hasFieldErrors = Object.values(errors).some(Boolean);

  return (
    <div className="screen member-form-screen">
      <div className="page-head">
        <div>
          <h1 className="page-title" id={`${uid}-title`}>
            {title}
          </h1>
          {member ? <p className="page-sub">{t('form.editSubtitle', { name: member.name, code: member.code })}</p> : null}
        </div>
      </div>

      <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${uid}-title`}>
        <div ref={noticeRef} tabIndex={-1} className="form-notice">
          {submitError ? <ErrorNotice error={submitError} title={t('form.errorTitle')} /> : null}
          {!submitError && hasFieldErrors ? (
            <div className="notice is-error" role="alert">
              <Icon name="alert" className="notice-icon" />
              <div className="notice-body">
                <span>{t('form.fixFields')}</span>
              </div>
            </div>
          ) : null}
        </div>

        <div className="form-grid">
          <Field id={ids.phone} label={t('form.phone')} required requiredText={t('form.required')} hint={t('form.phoneHint')} error={errors.phone?.()}>
            <input
              ref={firstField}
              id={ids.phone}
              className="input num"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={form.phone}
              onChange={(e) => set('phone', e.target.value)}
              aria-required="true"
              aria-invalid={errors.phone ? true : undefined}
              aria-describedby={describedBy(ids.phone, 'phone', true)}
              maxLength={MAX.phone}
            />
          </Field>

          <Field id={ids.name} label={t('form.name')} required requiredText={t('form.required')} error={errors.name?.()}>
            <input
              id={ids.name}
              className="input"
              type="text"
              autoComplete="off"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
              aria-required="true"
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy(ids.name, 'name')}
              maxLength={MAX.name}
            />
          </Field>

          <fieldset className={`field fieldset${errors.birthday || errors.birthYear ? ' has-error' : ''}`}>
            <legend className="field-label">
              {t('form.birthday')}
              <span className="field-optional" aria-hidden="true">{t('form.optional')}</span>
            </legend>
            <div className="birthday-row">
              <select
                id={ids.month}
                className="select"
                value={form.birthMonth}
                onChange={(e) => set('birthMonth', e.target.value)}
                aria-label={t('form.birthMonth')}
                aria-invalid={errors.birthday ? true : undefined}
                aria-describedby={errors.birthday ? `${ids.month}-error` : undefined}
              >
                <option value="">{t('form.monthPlaceholder')}</option>
                {MONTHS.map((m) => (
                  <option key={m} value={m}>
                    {f.locale === 'en' ? f.monthName(m) : t('form.monthOption', { month: m })}
                  </option>
                ))}
              </select>
              <select
                id={ids.day}
                className="select"
                value={form.birthDay}
                onChange={(e) => set('birthDay', e.target.value)}
                aria-label={t('form.birthDay')}
                aria-invalid={errors.birthday ? true : undefined}
                aria-describedby={errors.birthday ? `${ids.month}-error` : undefined}
              >
                <option value="">{t('form.dayPlaceholder')}</option>
                {DAYS.map((d) => (
                  <option key={d} value={d}>
                    {t('form.dayOption', { day: d })}
                  </option>
                ))}
              </select>
              <input
                id={ids.year}
                className="input num birth-year"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                placeholder={t('form.yearPlaceholder')}
                value={form.birthYear}
                onChange={(e) => set('birthYear', e.target.value.replace(/\D/g, '').slice(0, 4))}
                aria-label={t('form.birthYear')}
                aria-invalid={errors.birthYear ? true : undefined}
                aria-describedby={errors.birthYear ? `${ids.year}-error` : undefined}
              />
            </div>
            {errors.birthday ? (
              <p className="field-error" id={`${ids.month}-error`}>
                {errors.birthday()}
              </p>
            ) : null}
            {errors.birthYear ? (
              <p className="field-error" id={`${ids.year}-error`}>
                {errors.birthYear()}
              </p>
            ) : null}
          </fieldset>

          <fieldset className="field fieldset">
            <legend className="field-label">
              {t('form.gender')}
              <span className="field-optional" aria-hidden="true">{t('form.optional')}</span>
            </legend>
            <div className="segmented segmented-field">
              {(['', ...GENDERS] as const).map((g) => (
                <label key={g || 'unset'} className={`segment${form.gender === g ? ' is-checked' : ''}`}>
                  <input type="radio" name={`${uid}-gender`} value={g} checked={form.gender === g} onChange={() => set('gender', g)} />
                  <span>{g ? t(`gender.${g}`) : t('form.genderUnset')}</span>
                </label>
              ))}
            </div>
          </fieldset>

          <Field id={ids.tier} label={t('form.tier')} error={errors.tierId?.()}>
            <select
              id={ids.tier}
              className="select"
              value={form.tierId}
              onChange={(e) => set('tierId', e.target.value)}
              aria-invalid={errors.tierId ? true : undefined}
              aria-describedby={describedBy(ids.tier, 'tierId')}
            >
              {info.tiers.map((tier) => (
                <option key={tier.id} value={tier.id}>
                  {tier.isDefault ? t('form.tierDefault', { name: tier.name }) : tier.name}
                </option>
              ))}
            </select>
          </Field>

          <div className={`field${errors.tags ? ' has-error' : ''}`}>
            <div className="field-label">
              <label htmlFor={ids.tag}>{t('form.tags')}</label>
              <span className="field-optional" aria-hidden="true">
                {t('form.optional')}
              </span>
            </div>
            <div className="tag-editor">
              {form.tags.length > 0 ? (
                <ul className="tag-list" aria-label={t('form.tags')}>
                  {form.tags.map((tag) => (
                    <li key={tag} className="tag tag-removable">
                      <span>{tag}</span>
                      <button
                        type="button"
                        className="tag-remove"
                        aria-label={t('form.removeTag', { tag })}
                        onClick={() => setForm((prev) => ({ ...prev, tags: prev.tags.filter((x) => x !== tag) }))}
                      >
                        <Icon name="close" size={14} />
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="tag-input-row">
                <input
                  id={ids.tag}
                  className="input"
                  type="text"
                  autoComplete="off"
                  placeholder={t('form.tagPlaceholder')}
                  value={form.tagDraft}
                  onChange={(e) => set('tagDraft', e.target.value)}
                  onKeyDown={onTagKey}
                  aria-invalid={errors.tags ? true : undefined}
                  aria-describedby={errors.tags ? `${ids.tag}-error` : `${ids.tag}-hint`}
                />
                <button type="button" className="btn" onClick={addTag} disabled={!form.tagDraft.trim()}>
                  {t('form.addTag')}
                </button>
              </div>
            </div>
            {errors.tags ? (
              <p className="field-error" id={`${ids.tag}-error`}>
                {errors.tags()}
              </p>
            ) : (
              <p className="field-hint" id={`${ids.tag}-hint`}>
                {t('form.tagsHint')}
              </p>
            )}
          </div>

          <div className="field-wide">
            <Field id={ids.note} label={t('form.note')} error={errors.note?.()} optionalText={t('form.optional')}>
              <textarea
                id={ids.note}
                className="input textarea"
                rows={3}
                value={form.note}
                onChange={(e) => set('note', e.target.value)}
                aria-invalid={errors.note ? true : undefined}
                aria-describedby={describedBy(ids.note, 'note')}
                maxLength={MAX.note}
              />
            </Field>
          </div>

          <fieldset className="field fieldset field-wide">
            <legend className="field-label">{t('form.consents')}</legend>
            <p className="field-hint">{t('form.consentsHint')}</p>
            <div className="consent-options">
              <label className="check" htmlFor={ids.bill}>
                <input id={ids.bill} type="checkbox" checked={form.smsBillConsent} onChange={(e) => set('smsBillConsent', e.target.checked)} aria-describedby={`${ids.bill}-hint`} />
                <span className="check-text">
                  <span className="check-label">{t('form.smsBill')}</span>
                  <span className="check-hint" id={`${ids.bill}-hint`}>
                    {t('form.smsBillHint')}
                  </span>
                </span>
              </label>
              <label className="check" htmlFor={ids.marketing}>
                <input
                  id={ids.marketing}
                  type="checkbox"
                  checked={form.smsMarketingConsent}
                  onChange={(e) => set('smsMarketingConsent', e.target.checked)}
                  aria-describedby={`${ids.marketing}-hint`}
                />
                <span className="check-text">
                  <span className="check-label">{t('form.smsMarketing')}</span>
                  <span className="check-hint" id={`${ids.marketing}-hint`}>
                    {t('form.smsMarketingHint')}
                  </span>
                </span>
              </label>
            </div>
          </fieldset>
        </div>

        <div className="form-actions">
          <button type="button" className="btn btn-large" onClick={cancel}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="btn btn-primary btn-large" disabled={saving} aria-busy={saving || undefined}>
            {saving ? t('form.saving') : props.mode === 'create' ? t('form.create') : t('form.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
