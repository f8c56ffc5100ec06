/**
 * A new member in a few seconds, without leaving checkout or top-up: phone and name are enough
 * (Enter in the name creates), birthday, tier and the two SMS consents are there but optional, and
 * the consents start unticked. Checked with the ledger's own `memberCreate` schema before sending;
 * a refusal (e.g. the phone is taken) shows next to the field it concerns. Esc cancels.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberCreate } from '../../../src-main/ledger/commands.ts';
import type { Member } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { controlProps, Field, FieldMarker } from '../../components/Field.tsx';
import { useModalDialog } from '../../components/use-modal-dialog.ts';
import { i18n } from '../../i18n/index.ts';
import { useSession } from '../../stores/session.ts';
import { BirthdaySelects, birthdayProblem, NameField, PhoneField, problemsFromApi, TierSelect, withSchemaProblems, type Problems as FieldProblems } from './member-fields.tsx';

export interface QuickMemberDialogProps {
  prefill: { phone?: string; name?: string };
  onCreated: (member: Member) => void;
  onCancel: () => void;
}

/** The fields this dialog shows, in the order a cashier would fix them. */
const FIELDS = ['phone', 'name', 'birthday', 'tierId'] as const;
type QuickField = (typeof FIELDS)[number];
type Problems = FieldProblems<QuickField>;

interface Draft {
  phone: string;
  name: string;
  birthMonth: string;
  birthDay: string;
  tierId: string;
  smsBillConsent: boolean;
  smsMarketingConsent: boolean;
}

/** The member to create, or what stops it. */
function check(draft: Draft, staffId: string): { problems: Problems; input: MemberCreate | null } {
  const found: Problems = {};
  if (!draft.phone.trim()) found.phone = () => i18n.t('form.err.phoneRequired');
  if (!draft.name.trim()) found.name = () => i18n.t('form.err.nameRequired');
  const birthMonth = draft.birthMonth ? Number(draft.birthMonth) : null;
  const birthDay = draft.birthDay ? Number(draft.birthDay) : null;
  const birthday = birthdayProblem(birthMonth, birthDay);
  if (birthday) found.birthday = birthday;
  const input: MemberCreate = {
    staffId,
    phone: draft.phone.trim(),
    name: draft.name.trim(),
    birthMonth,
    birthDay,
    tierId: draft.tierId || null,
    smsBillConsent: draft.smsBillConsent,
    smsMarketingConsent: draft.smsMarketingConsent,
  };
  const problems = withSchemaProblems(found, input, FIELDS);
  return { problems, input: Object.keys(problems).length === 0 ? input : null };
}

export function QuickMemberDialog({ prefill, onCreated, onCancel }: QuickMemberDialogProps) {
  const { t } = useTranslation();
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
  const phoneRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const dialog = useModalDialog(onCancel, {
    // Where the cashier types next: the phone, unless the search already gave it.
    onOpen: () => (prefill.phone ? nameRef : phoneRef).current?.focus(),
  });

  const change = (patch: Partial<Draft>, field: QuickField | null) => {
    setDraft((prev) => ({ ...prev, ...patch }));
    if (field && problems[field]) setProblems((prev) => ({ ...prev, [field]: undefined }));
  };

  const focusFirst = (found: Problems) => {
    const first = FIELDS.find((field) => found[field]);
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
      const onFields = problemsFromApi(error, FIELDS, info.settings.currency);
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

  const message = (field: QuickField): string | null => problems[field]?.() ?? null;

  return (
    <dialog {...dialog} className="dialog quick-member" aria-labelledby={ids.title} aria-describedby={ids.intro}>
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
            <PhoneField id={ids.phone} inputRef={phoneRef} error={message('phone')} value={draft.phone} onValue={(phone) => change({ phone }, 'phone')} onKeyDown={onPhoneKey} />
            <NameField id={ids.name} inputRef={nameRef} error={message('name')} value={draft.name} onValue={(name) => change({ name }, 'name')} />

            <fieldset className={`field fieldset${problems.birthday ? ' has-error' : ''}`}>
              <legend className="field-label">
                {t('form.birthday')}
                <FieldMarker mark="optional" />
              </legend>
              <div className="quick-member-birthday">
                <BirthdaySelects
                  monthId={ids.birthday}
                  dayId={ids.day}
                  month={draft.birthMonth}
                  day={draft.birthDay}
                  onChange={(birth) => change(birth, 'birthday')}
                  invalid={Boolean(problems.birthday)}
                />
              </div>
              {problems.birthday ? (
                <p className="field-error" id={`${ids.birthday}-error`}>
                  {message('birthday')}
                </p>
              ) : null}
            </fieldset>

            <Field id={ids.tierId} label={t('form.tier')} error={message('tierId')}>
              <TierSelect {...controlProps(ids.tierId, message('tierId'))} value={draft.tierId} onChange={(e) => change({ tierId: e.target.value }, 'tierId')} />
            </Field>

            <fieldset className="field fieldset field-wide" aria-describedby={`${uid}-consents-hint`}>
              <legend className="field-label">
                {t('form.consents')}
                <FieldMarker mark="optional" />
              </legend>
              <div className="quick-member-consents">
                <label className="check check-compact" htmlFor={ids.bill}>
                  <input id={ids.bill} type="checkbox" checked={draft.smsBillConsent} onChange={(e) => change({ smsBillConsent: e.target.checked }, null)} />
                  <span className="check-label">{t('form.smsBill')}</span>
                </label>
                <label className="check check-compact" htmlFor={ids.marketing}>
                  <input id={ids.marketing} type="checkbox" checked={draft.smsMarketingConsent} onChange={(e) => change({ smsMarketingConsent: e.target.checked }, null)} />
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
