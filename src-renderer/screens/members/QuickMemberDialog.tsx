/**
 * A new member in a few seconds, without leaving checkout or top-up: phone and name are enough
 * (Enter in the name creates), birthday, tier and the two SMS consents are there but optional, and
 * the consents start unticked. Checked with the ledger's own `memberCreate` schema before sending;
 * a refusal (e.g. the phone is taken) shows next to the field it concerns. Esc cancels.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { memberCreate, type MemberCreate } from '../../../src-main/ledger/commands.ts';
import type { Member } from '../../../src-main/ledger/types.ts';
import { api, ApiCallError } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { ErrorNotice, useErrorText } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { i18n } from '../../i18n/index.ts';
import { useSession } from '../../stores/session.ts';

export interface QuickMemberDialogProps {
  prefill: { phone?: string; name?: string };
  onCreated: (member: Member) => void;
  onCancel: () => void;
}

type Field = 'phone' | 'name' | 'birthday' | 'tierId';
/** What is wrong with a field: an i18n message (kept as a thunk so it follows the language) or an API refusal. */
type Problem = (() => string) | ApiCallError;
type Problems = Partial<Record<Field, Problem>>;

interface Draft {
  phone: string;
  name: string;
  birthMonth: string;
  birthDay: string;
  tierId: string;
  smsBillConsent: boolean;
  smsMarketingConsent: boolean;
}

const FIELD_ORDER: readonly Field[] = ['phone', 'name', 'birthday', 'tierId'];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Days a birthday can have in a month, 29 February included (no year is asked here). */
function daysIn(month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate();
}

/** The field an API or schema issue path points at. */
function fieldOfPath(path: string): Field | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'birthMonth' || head === 'birthDay') return 'birthday';
  return head === 'phone' || head === 'name' || head === 'tierId' ? head : null;
}

/** The member to create, or what stops it, in the order a cashier would fix them. */
function check(draft: Draft, staffId: string): { problems: Problems; input: MemberCreate | null } {
  const problems: Problems = {};
  if (!draft.phone.trim()) problems.phone = () => i18n.t('form.err.phoneRequired');
  if (!draft.name.trim()) problems.name = () => i18n.t('form.err.nameRequired');
  if ((draft.birthMonth === '') !== (draft.birthDay === '')) problems.birthday = () => i18n.t('form.err.birthdayIncomplete');
  const input: MemberCreate = {
    staffId,
    phone: draft.phone.trim(),
    name: draft.name.trim(),
    birthMonth: draft.birthMonth ? Number(draft.birthMonth) : null,
    birthDay: draft.birthDay ? Number(draft.birthDay) : null,
    tierId: draft.tierId || null,
    smsBillConsent: draft.smsBillConsent,
    smsMarketingConsent: draft.smsMarketingConsent,
  };
  // The ledger's schema has the last word on shapes (lengths, control characters).
  const parsed = memberCreate.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.map(String).join('.'));
      if (!field || problems[field]) continue;
      const max = issue.code === 'too_big' ? Number(issue.maximum) : null;
      problems[field] = max !== null ? () => i18n.t('form.err.tooLong', { max }) : () => i18n.t('form.err.invalid');
    }
  }
  return { problems, input: Object.keys(problems).length === 0 ? input : null };
}

/** A refusal from members.create as field problems; empty when it concerns no field. */
function problemsFromApi(error: unknown): Problems {
  if (!(error instanceof ApiCallError)) return {};
  if (error.code === 'PHONE_INVALID' || error.code === 'PHONE_TAKEN') return { phone: error };
  if (error.code === 'TIER_NOT_FOUND') return { tierId: error };
  if (error.code !== 'VALIDATION') return {};
  const found: Problems = {};
  for (const path of [...error.issues.map((i) => i.path), String(error.params['field'] ?? '')]) {
    const field = fieldOfPath(path);
    if (field && !found[field]) found[field] = () => i18n.t('form.err.invalid');
  }
  return found;
}

/** A field with its label (and "required" marker) above and its error below. */
function Labelled({ htmlFor, label, marker, error, children }: { htmlFor: string; label: string; marker?: string; error: ReactNode; children: ReactNode }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <div className="field-label">
        <label htmlFor={htmlFor}>{label}</label>
        {marker ? (
          <span className="field-required" aria-hidden="true">
            {marker}
          </span>
        ) : null}
      </div>
      {children}
      {error}
    </div>
  );
}

/** A select over labelled choices, with an optional empty first choice ("not given"). */
function ChoiceSelect({ choices, empty, ...rest }: { choices: ReadonlyArray<{ value: string; label: string }>; empty?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select className="select" {...rest}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

export function QuickMemberDialog({ prefill, onCreated, onCancel }: QuickMemberDialogProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const errorText = useErrorText();
  const info = useAppInfo();
  const staffId = useSession((s) => s.staffId);
  const uid = useId();
  const ids = {
    title: `${uid}-title`,
    intro: `${uid}-intro`,
    phone: `${uid}-phone`,
    name: `${uid}-name`,
    birthday: `${uid}-month`,
    day: `${uid}-day`,
    tierId: `${uid}-tier`,
    bill: `${uid}-bill`,
    marketing: `${uid}-marketing`,
  };
  const defaultTier = info.tiers.find((tier) => tier.isDefault) ?? info.tiers[0];
  const [draft, setDraft] = useState<Draft>({
    phone: prefill.phone ?? '',
    name: prefill.name ?? '',
    birthMonth: '',
    birthDay: '',
    tierId: defaultTier?.id ?? '',
    smsBillConsent: false,
    smsMarketingConsent: false,
  });
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Where the cashier types next: the phone, unless the search already gave it.
    (prefill.phone ? nameRef : phoneRef).current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
    };
    // Only on opening: the prefill is read once.
  }, []);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((prev) => {
      const next = { ...prev, [key]: value };
      // A day the new month does not have is cleared rather than kept as an impossible birthday.
      if (key === 'birthMonth' && next.birthDay && next.birthMonth && Number(next.birthDay) > daysIn(Number(next.birthMonth))) next.birthDay = '';
      return next;
    });
    const field = key === 'birthMonth' || key === 'birthDay' ? 'birthday' : fieldOfPath(key);
    if (field && problems[field]) setProblems((prev) => ({ ...prev, [field]: undefined }));
  };

  const focusFirst = (found: Problems) => {
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) document.getElementById(ids[first])?.focus();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (savingRef.current || !staffId) return;
    setFailure(null);
    const { problems: found, input } = check(draft, staffId);
    setProblems(found);
    if (!input) {
      focusFirst(found);
      return;
    }
    savingRef.current = true;
    setSaving(true);
    try {
      const member = await api.call('members.create', input);
      onCreated(member);
    } catch (error) {
      const onFields = problemsFromApi(error);
      setProblems(onFields);
      if (Object.keys(onFields).length > 0) focusFirst(onFields);
      else setFailure(error);
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  // Enter in the phone moves on to the name while that is still empty; from there it creates.
  const onPhoneKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || draft.name.trim()) return;
    event.preventDefault();
    nameRef.current?.focus();
  };

  // Enter on a checkbox or a closed select creates too, so the optional fields never trap the cashier.
  const onFormKey = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox')) {
      event.preventDefault();
      void submit();
    }
  };

  const message = (field: Field): string | null => {
    const problem = problems[field];
    if (!problem) return null;
    return problem instanceof ApiCallError ? errorText(problem) : problem();
  };
  const errorId = (field: Field) => `${ids[field]}-error`;
  const fieldProps = (field: Field) => ({
    id: ids[field],
    'aria-invalid': problems[field] ? true : undefined,
    'aria-describedby': problems[field] ? errorId(field) : undefined,
  });
  const fieldError = (field: Field) =>
    problems[field] ? (
      <p className="field-error" id={errorId(field)}>
        {message(field)}
      </p>
    ) : null;
  const months = MONTHS.map((m) => ({ value: String(m), label: f.locale === 'en' ? f.monthName(m) : t('form.monthOption', { month: m }) }));
  const monthDays = draft.birthMonth ? daysIn(Number(draft.birthMonth)) : 31;
  const days = Array.from({ length: monthDays }, (_, i) => ({ value: String(i + 1), label: t('form.dayOption', { day: i + 1 }) }));
  const tiers = info.tiers.map((tier) => ({ value: tier.id, label: tier.isDefault ? t('form.tierDefault', { name: tier.name }) : tier.name }));

  return (
    <dialog
      ref={dialogRef}
      className="dialog quick-member"
      aria-labelledby={ids.title}
      aria-describedby={ids.intro}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form className="dialog-inner" onSubmit={(e) => void submit(e)} onKeyDown={onFormKey} noValidate>
        <header className="dialog-head">
          <div>
            <h2 className="dialog-title" id={ids.title}>
              {t('quickMember.title')}
            </h2>
            <p className="quick-member-intro" id={ids.intro}>
              {t('quickMember.intro')}
            </p>
          </div>
        </header>

        <div className="dialog-body quick-member-body">
          {failure ? <ErrorNotice error={failure} title={t('quickMember.errorTitle')} /> : null}
          <div className="quick-member-grid">
            <Labelled htmlFor={ids.phone} label={t('form.phone')} marker={t('form.required')} error={fieldError('phone')}>
              <input
                ref={phoneRef}
                {...fieldProps('phone')}
                className="input num"
                type="tel"
                inputMode="tel"
                autoComplete="off"
                value={draft.phone}
                onChange={(e) => set('phone', e.target.value)}
                onKeyDown={onPhoneKey}
                aria-required="true"
                maxLength={32}
              />
            </Labelled>

            <Labelled htmlFor={ids.name} label={t('form.name')} marker={t('form.required')} error={fieldError('name')}>
              <input
                ref={nameRef}
                {...fieldProps('name')}
                className="input"
                type="text"
                autoComplete="off"
                value={draft.name}
                onChange={(e) => set('name', e.target.value)}
                aria-required="true"
                maxLength={40}
              />
            </Labelled>

            <fieldset className={`field fieldset${problems.birthday ? ' has-error' : ''}`}>
              <legend className="field-label">
                {t('form.birthday')}
                <span className="field-optional" aria-hidden="true">
                  {t('form.optional')}
                </span>
              </legend>
              <div className="quick-member-birthday">
                <ChoiceSelect {...fieldProps('birthday')} value={draft.birthMonth} onChange={(e) => set('birthMonth', e.target.value)} aria-label={t('form.birthMonth')} empty={t('form.monthPlaceholder')} choices={months} />
                <ChoiceSelect
                  id={ids.day}
                  value={draft.birthDay}
                  onChange={(e) => set('birthDay', e.target.value)}
                  aria-label={t('form.birthDay')}
                  aria-invalid={problems.birthday ? true : undefined}
                  aria-describedby={problems.birthday ? errorId('birthday') : undefined}
                  empty={t('form.dayPlaceholder')}
                  choices={days}
                />
              </div>
              {fieldError('birthday')}
            </fieldset>

            <Labelled htmlFor={ids.tierId} label={t('form.tier')} error={fieldError('tierId')}>
              <ChoiceSelect {...fieldProps('tierId')} value={draft.tierId} onChange={(e) => set('tierId', e.target.value)} choices={tiers} />
            </Labelled>

            <fieldset className="field fieldset field-wide" aria-describedby={`${uid}-consents-hint`}>
              <legend className="field-label">
                {t('form.consents')}
                <span className="field-optional" aria-hidden="true">
                  {t('form.optional')}
                </span>
              </legend>
              <div className="quick-member-consents">
                <label className="check check-compact" htmlFor={ids.bill}>
                  <input id={ids.bill} type="checkbox" checked={draft.smsBillConsent} onChange={(e) => set('smsBillConsent', e.target.checked)} />
                  <span className="check-label">{t('form.smsBill')}</span>
                </label>
                <label className="check check-compact" htmlFor={ids.marketing}>
                  <input id={ids.marketing} type="checkbox" checked={draft.smsMarketingConsent} onChange={(e) => set('smsMarketingConsent', e.target.checked)} />
                  <span className="check-label">{t('form.smsMarketing')}</span>
                </label>
              </div>
              <p className="field-hint" id={`${uid}-consents-hint`}>
                {t('quickMember.consentsHint')}
              </p>
            </fieldset>
          </div>
        </div>

        <footer className="dialog-foot">
          <button type="button" className="btn btn-large" onClick={onCancel} aria-keyshortcuts="Escape">
            {t('quickMember.cancel')}
            <kbd className="kbd" aria-hidden="true">
              Esc
            </kbd>
          </button>
          <button type="submit" className="btn btn-primary btn-large" disabled={saving} aria-busy={saving || undefined} aria-keyshortcuts="Enter">
            {saving ? t('quickMember.creating') : t('quickMember.create')}
            <kbd className="kbd" aria-hidden="true">
              Enter
            </kbd>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
