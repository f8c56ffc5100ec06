/**
 * What the two member forms (the full form and the quick dialog at the till) share: which field an
 * API or schema problem belongs to, the birthday check, the birthday and tier selects.
 * Problems are kept as thunks so a shown message follows a language switch.
 */
import type { ComponentProps, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { memberCreate } from '../../../src-main/ledger/commands.ts';
import { ApiCallError } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { describeError } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/Field.tsx';
import { useFormat } from '../../components/format.ts';
import { currentLocale, i18n } from '../../i18n/index.ts';

/** Every field a member form can show a problem on (birth month and day are one: the birthday). */
export type MemberField = 'phone' | 'name' | 'birthday' | 'birthYear' | 'gender' | 'tierId' | 'tags' | 'note';
export type Msg = () => string;
export type Problems<F extends MemberField> = Partial<Record<F, Msg>>;

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** The longest phone and name the forms take (the ledger's limits). */
export const MAX_PHONE = 32;
export const MAX_NAME = 40;

/** Days a birthday can have in a month, 29 February included (the year is optional). */
function daysIn(month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate();
}

/** The field an API or schema issue path points at, if the form shows it. */
export function fieldOf<F extends MemberField>(path: string, shown: readonly F[]): F | null {
  const head = path.split('.')[0] ?? '';
  const field = head === 'birthMonth' || head === 'birthDay' ? 'birthday' : head;
  return (shown as readonly string[]).includes(field) ? (field as F) : null;
}

/** `problems` plus what the ledger's own schema (memberCreate) finds in `input`, which has the last word on shapes. */
export function withSchemaProblems<F extends MemberField>(problems: Problems<F>, input: unknown, shown: readonly F[]): Problems<F> {
  const parsed = memberCreate.safeParse(input);
  if (parsed.success) return problems;
  const all = { ...problems };
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.map(String).join('.'), shown);
    if (!field || all[field]) continue;
    const max = issue.code === 'too_big' ? Number(issue.maximum) : null;
    all[field] = max !== null ? () => i18n.t('form.err.tooLong', { max }) : () => i18n.t('form.err.invalid');
  }
  return all;
}

/** A refusal from members.create / members.update as problems on the fields; empty when it concerns none. */
export function problemsFromApi<F extends MemberField>(error: unknown, shown: readonly F[], currency: string): Problems<F> {
  if (!(error instanceof ApiCallError)) return {};
  const described: Msg = () => describeError(error, currentLocale(), currency);
  const found: Problems<MemberField> = {};
  if (error.code === 'PHONE_INVALID' || error.code === 'PHONE_TAKEN') found.phone = described;
  else if (error.code === 'TIER_NOT_FOUND') found.tierId = described;
  else if (error.code === 'VALIDATION') {
    for (const path of [...error.issues.map((i) => i.path), String(error.params['field'] ?? '')]) {
      const field = fieldOf(path, shown);
      if (field && !found[field]) found[field] = () => i18n.t('form.err.invalid');
    }
  }
  return Object.fromEntries(Object.entries(found).filter(([field]) => (shown as readonly string[]).includes(field))) as Problems<F>;
}

/** What is wrong with a birthday as chosen (month and day, in `year` if one is known), or null. */
export function birthdayProblem(month: number | null, day: number | null, year: number | null = null): Msg | null {
  if ((month === null) !== (day === null)) return () => i18n.t('form.err.birthdayIncomplete');
  if (month === null || day === null) return null;
  const probe = new Date(Date.UTC(year ?? 2000, month - 1, day));
  return probe.getUTCMonth() !== month - 1 ? () => i18n.t('form.err.birthdayInvalid') : null;
}

interface BirthdaySelectsProps {
  /** The month select's id; the shared error is `${monthId}-error`. */
  monthId: string;
  dayId: string;
  month: string;
  day: string;
  /** A new month clears a day that month does not have, rather than keep an impossible birthday. */
  onChange: (birth: { birthMonth: string; birthDay: string }) => void;
  invalid: boolean;
}

/** Month and day of a birthday, each with an empty "not given" first choice; the days follow the month. */
export function BirthdaySelects({ monthId, dayId, month, day, onChange, invalid }: BirthdaySelectsProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const aria = { 'aria-invalid': invalid ? true : undefined, 'aria-describedby': invalid ? `${monthId}-error` : undefined } as const;
  const days = Array.from({ length: month ? daysIn(Number(month)) : 31 }, (_, i) => i + 1);
  const onMonth = (birthMonth: string) => {
    const fits = !day || !birthMonth || Number(day) <= daysIn(Number(birthMonth));
    onChange({ birthMonth, birthDay: fits ? day : '' });
  };
  return (
    <>
      <select id={monthId} className="select" value={month} onChange={(e) => onMonth(e.target.value)} aria-label={t('form.birthMonth')} {...aria}>
        <option value="">{t('form.monthPlaceholder')}</option>
        {MONTHS.map((m) => (
          <option key={m} value={m}>
            {f.locale === 'en' ? f.monthName(m) : t('form.monthOption', { month: m })}
          </option>
        ))}
      </select>
      <select id={dayId} className="select" value={day} onChange={(e) => onChange({ birthMonth: month, birthDay: e.target.value })} aria-label={t('form.birthDay')} {...aria}>
        <option value="">{t('form.dayPlaceholder')}</option>
        {days.map((d) => (
          <option key={d} value={d}>
            {t('form.dayOption', { day: d })}
          </option>
        ))}
      </select>
    </>
  );
}

type TextInputProps = Omit<ComponentProps<typeof TextField>, 'label' | 'mark'>;

/** The member's phone (required), as the 11 digits people say or with its +country code. */
export function PhoneField(props: TextInputProps) {
  const { t } = useTranslation();
  return <TextField {...props} label={t('form.phone')} mark="required" inputClassName="num" type="tel" inputMode="tel" maxLength={MAX_PHONE} />;
}

/** The member's name (required). */
export function NameField(props: TextInputProps) {
  const { t } = useTranslation();
  return <TextField {...props} label={t('form.name')} mark="required" maxLength={MAX_NAME} />;
}

/** The shop's tiers, the default one marked. */
export function TierSelect(props: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'>) {
  const { t } = useTranslation();
  const { tiers } = useAppInfo();
  return (
    <select className="select" {...props}>
      {tiers.map((tier) => (
        <option key={tier.id} value={tier.id}>
          {tier.isDefault ? t('form.tierDefault', { name: tier.name }) : tier.name}
        </option>
      ))}
    </select>
  );
}
