/**
 * New member / edit member. Phone and name are required; birthday is month + day with an optional
 * year; both SMS consents start unticked. Checked here with the ledger's own zod schema before sending;
 * refusals from the API (in the UI language) show above the form and next to the field they concern.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberCreate } from '../../../src-main/ledger/commands.ts';
import type { Gender, Member } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { navigate, paths } from '../../app/router.ts';
import { ErrorNotice, Notice } from '../../components/ErrorNotice.tsx';
import { controlProps, Field, FieldMarker } from '../../components/Field.tsx';
import { i18n } from '../../i18n/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { useSession } from '../../stores/session.ts';
import { BirthdaySelects, birthdayProblem, fieldOf, MAX_NAME, MAX_PHONE, NameField, PhoneField, problemsFromApi, TierSelect, withSchemaProblems, type MemberField, type Msg, type Problems } from './member-fields.tsx';

type Mode = { mode: 'create'; prefillPhone?: string; prefillName?: string } | { mode: 'edit'; memberId: string };

/** Every member field, in the order a person would fix them. */
const FIELDS: readonly MemberField[] = ['phone', 'name', 'birthday', 'birthYear', 'gender', 'tierId', 'tags', 'note'];

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

type FieldErrors = Problems<MemberField>;

const MAX = { phone: MAX_PHONE, name: MAX_NAME, note: 500, tag: 20, tags: 20 } as const;
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

export function MemberForm(props: Mode) {
  const { t } = useTranslation();
  const info = useAppInfo();
  const staffId = useSession((s) => s.staffId);
  const uid = useId();
  /** Control ids by the field they belong to (the birthday's is its month). */
  const ids = {
    phone: `${uid}-phone`,
    name: `${uid}-name`,
    birthday: `${uid}-month`,
    day: `${uid}-day`,
    birthYear: `${uid}-year`,
    tierId: `${uid}-tier`,
    tags: `${uid}-tag`,
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

  /** Takes what was typed and clears the problem shown on its field. */
  const change = (patch: Partial<FormState>, field: MemberField | null) => {
    setForm((prev) => ({ ...prev, ...patch }));
    if (field && errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => change({ [key]: value }, key === 'tagDraft' ? 'tags' : fieldOf(key, FIELDS));

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
    const yearText = state.birthYear.trim();
    if (yearText) {
      year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (!Number.isInteger(year) || year < 1900 || year > 2100) e.birthYear = () => i18n.t('form.err.yearInvalid');
      else if (month === null || day === null) e.birthYear = () => i18n.t('form.err.yearNeedsDate');
    }
    const birthday = birthdayProblem(month, day, year && !e.birthYear ? year : null);
    if (birthday) e.birthday = birthday;
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
    const all = withSchemaProblems(e, { ...input, staffId: staffId ?? 'none' }, FIELDS);
    return { errors: all, input: Object.values(all).some(Boolean) ? null : input };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSubmitError(null);
    const { errors: found, input } = validate(form);
    setErrors(found);
    if (!input || !staffId) {
      const first = FIELDS.find((k) => found[k]);
      if (first && first !== 'gender') document.getElementById(ids[first])?.focus();
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
      setErrors(problemsFromApi(error, FIELDS, info.settings.currency));
      requestAnimationFrame(() => noticeRef.current?.focus());
    }
  };

  const message = (field: MemberField): string | null => errors[field]?.() ?? null;

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
          {!submitError && hasFieldErrors ? <Notice kind="error" text={t('form.fixFields')} /> : null}
        </div>

        <div className="form-grid">
          <PhoneField id={ids.phone} inputRef={firstField} hint={t('form.phoneHint')} error={message('phone')} value={form.phone} onValue={(phone) => set('phone', phone)} />
          <NameField id={ids.name} error={message('name')} value={form.name} onValue={(name) => set('name', name)} />

          <fieldset className={`field fieldset${errors.birthday || errors.birthYear ? ' has-error' : ''}`}>
            <legend className="field-label">
              {t('form.birthday')}
              <FieldMarker mark="optional" />
            </legend>
            <div className="birthday-row">
              <BirthdaySelects monthId={ids.birthday} dayId={ids.day} month={form.birthMonth} day={form.birthDay} onChange={(birth) => change(birth, 'birthday')} invalid={Boolean(errors.birthday)} />
              <input
                id={ids.birthYear}
                className="input num birth-year"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                placeholder={t('form.yearPlaceholder')}
                value={form.birthYear}
                onChange={(e) => set('birthYear', e.target.value.replace(/\D/g, '').slice(0, 4))}
                aria-label={t('form.birthYear')}
                aria-invalid={errors.birthYear ? true : undefined}
                aria-describedby={errors.birthYear ? `${ids.birthYear}-error` : undefined}
              />
            </div>
            {errors.birthday ? (
              <p className="field-error" id={`${ids.birthday}-error`}>
                {errors.birthday()}
              </p>
            ) : null}
            {errors.birthYear ? (
              <p className="field-error" id={`${ids.birthYear}-error`}>
                {errors.birthYear()}
              </p>
            ) : null}
          </fieldset>

          <fieldset className="field fieldset">
            <legend className="field-label">
              {t('form.gender')}
              <FieldMarker mark="optional" />
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

          <Field id={ids.tierId} label={t('form.tier')} error={message('tierId')}>
            <TierSelect {...controlProps(ids.tierId, message('tierId'))} value={form.tierId} onChange={(e) => set('tierId', e.target.value)} />
          </Field>

          <Field id={ids.tags} label={t('form.tags')} mark="optional" hint={t('form.tagsHint')} error={message('tags')}>
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
                  {...controlProps(ids.tags, message('tags'), true)}
                  className="input"
                  type="text"
                  autoComplete="off"
                  placeholder={t('form.tagPlaceholder')}
                  value={form.tagDraft}
                  onChange={(e) => set('tagDraft', e.target.value)}
                  onKeyDown={onTagKey}
                />
                <button type="button" className="btn" onClick={addTag} disabled={!form.tagDraft.trim()}>
                  {t('form.addTag')}
                </button>
              </div>
            </div>
          </Field>

          <Field id={ids.note} label={t('form.note')} mark="optional" error={message('note')} className="field-wide">
            <textarea
              {...controlProps(ids.note, message('note'))}
              className="input textarea"
              rows={3}
              value={form.note}
              onChange={(e) => set('note', e.target.value)}
              maxLength={MAX.note}
            />
          </Field>

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
