/**
 * Keeping regulars: when a member counts as lapsed (absent at least N days *and* longer than a
 * multiple of their own usual interval, once they have a habit at all) and how long after a contact a
 * visit counts as won back. A sentence under the rule says what it means for a weekly and a monthly
 * regular, live as the owner types. Ctrl+S saves the whole `retention` setting.
 */
import { useId, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsSchema, type Settings } from '../../../src-main/ledger/settings-schema.ts';
import { TextField } from '../../components/Field.tsx';
import { useFormat } from '../../components/format.ts';
import { limitsOf, type Limits } from './limits.ts';
import { parseTenths, parseWholeNumber, tenthsToText, type Parsed } from './number-text.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { useSettingsDraft } from './use-settings-draft.ts';
import { useShownErrors } from './use-shown-errors.ts';

const SHAPE = settingsSchema.shape.retention.shape;
const LIMITS = {
  minDaysAbsent: limitsOf(SHAPE.minDaysAbsent),
  intervalMultiple: limitsOf(SHAPE.intervalMultiple),
  minVisitDays: limitsOf(SHAPE.minVisitDays),
  wonBackDays: limitsOf(SHAPE.wonBackDays),
};
type FieldKey = keyof typeof LIMITS;
const FIELDS: readonly FieldKey[] = ['minDaysAbsent', 'intervalMultiple', 'minVisitDays', 'wonBackDays'];

/** The usual intervals the explanation speaks of: a weekly and a monthly regular. */
const WEEK_DAYS = 7;
const MONTH_DAYS = 30;

type RetentionDraft = Record<FieldKey, string>;

/** The multiple is kept in tenths while typed (3.0 → 30): no float is parsed from what the owner types. */
const pick = (s: Settings): RetentionDraft => ({
  minDaysAbsent: String(s.retention.minDaysAbsent),
  intervalMultiple: tenthsToText(Math.round(s.retention.intervalMultiple * 10)),
  minVisitDays: String(s.retention.minVisitDays),
  wonBackDays: String(s.retention.wonBackDays),
});

function parseField(key: FieldKey, text: string): Parsed {
  const { min, max } = LIMITS[key];
  return key === 'intervalMultiple' ? parseTenths(text, min * 10, max * 10) : parseWholeNumber(text, min, max);
}

/** Days absent after which a member with this usual interval is lapsed: max(min days, multiple × interval), in whole days. */
function lapsedAfter(minDaysAbsent: number, multipleTenths: number, intervalDays: number): number {
  return Math.max(minDaysAbsent, Math.floor((multipleTenths * intervalDays) / 10));
}

export function RetentionSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const form = useSettingsDraft('retention', pick);
  const { draft } = form;
  const shownErrors = useShownErrors<FieldKey>();
  const refs = {
    minDaysAbsent: useRef<HTMLInputElement>(null),
    intervalMultiple: useRef<HTMLInputElement>(null),
    minVisitDays: useRef<HTMLInputElement>(null),
    wonBackDays: useRef<HTMLInputElement>(null),
  } satisfies Record<FieldKey, RefObject<HTMLInputElement | null>>;

  const parsed = {
    minDaysAbsent: parseField('minDaysAbsent', draft.minDaysAbsent),
    intervalMultiple: parseField('intervalMultiple', draft.intervalMultiple),
    minVisitDays: parseField('minVisitDays', draft.minVisitDays),
    wonBackDays: parseField('wonBackDays', draft.wonBackDays),
  };

  const submit = async () => {
    const bad = FIELDS.filter((key) => !parsed[key].ok);
    if (bad.length > 0) {
      shownErrors.show(bad, (key) => refs[key].current?.focus());
      return;
    }
    const value = (key: FieldKey) => (parsed[key] as { value: number }).value;
    await form.save({
      retention: {
        minDaysAbsent: value('minDaysAbsent'),
        intervalMultiple: value('intervalMultiple') / 10,
        minVisitDays: value('minVisitDays'),
        wonBackDays: value('wonBackDays'),
      },
    });
  };

  const change = (key: FieldKey, text: string) => {
    form.change({ [key]: text } as Partial<RetentionDraft>);
    shownErrors.clear([key]);
  };

  const range = (limits: Limits) => ({ min: f.number(limits.min), max: f.number(limits.max) });
  const errorOf = (key: FieldKey): string | null => {
    if (!shownErrors.has(key)) return null;
    if (key === 'intervalMultiple') return t('settings.err.decimal', range(LIMITS[key]));
    return t('settings.err.wholeNumber', range(LIMITS[key]));
  };

  const field = (key: FieldKey, affix: string, inputMode: 'numeric' | 'decimal' = 'numeric') => (
    <TextField
      id={`${uid}-${key}`}
      inputRef={refs[key]}
      label={t(`settings.retention.${key}`)}
      hint={t(`settings.retention.${key}Hint`)}
      error={errorOf(key)}
      inputClassName="num"
      inputMode={inputMode}
      value={draft[key]}
      onValue={(text) => change(key, text)}
      maxLength={6}
      affix={affix}
    />
  );

  const rule = parsed.minDaysAbsent.ok && parsed.intervalMultiple.ok && parsed.minVisitDays.ok ? { minDays: parsed.minDaysAbsent.value, tenths: parsed.intervalMultiple.value, visitDays: parsed.minVisitDays.value } : null;

  return (
    <SettingsForm
      headingId={headingId}
      title={t('settings.retention.title')}
      intro={t('settings.retention.intro')}
      form={form}
      readOnly={readOnly}
      fieldProblems={shownErrors.any}
      onSubmit={submit}
    >
      <section className="card settings-card" aria-labelledby={`${uid}-lapsed`}>
        <h3 className="settings-card-title" id={`${uid}-lapsed`}>
          {t('settings.retention.lapsed')}
        </h3>
        <p className="field-hint">{t('settings.retention.lapsedHint')}</p>
        <div className="retention-fields">
          {field('minDaysAbsent', t('settings.retention.days'))}
          {field('intervalMultiple', t('settings.retention.times'), 'decimal')}
          {field('minVisitDays', t('settings.retention.days'))}
        </div>
        <div className="settings-explain" aria-live="polite">
          {rule ? (
            <>
              <p className="settings-explain-main">
                {t('settings.retention.explain', {
                  weekly: f.number(lapsedAfter(rule.minDays, rule.tenths, WEEK_DAYS)),
                  monthly: f.number(lapsedAfter(rule.minDays, rule.tenths, MONTH_DAYS)),
                })}
              </p>
              <p className="settings-explain-line">{t('settings.retention.explainFew', { days: f.number(rule.visitDays) })}</p>
            </>
          ) : (
            <p className="settings-explain-line">{t('settings.retention.explainEmpty')}</p>
          )}
        </div>
      </section>

      <section className="card settings-card" aria-labelledby={`${uid}-won`}>
        <h3 className="settings-card-title" id={`${uid}-won`}>
          {t('settings.retention.wonBack')}
        </h3>
        <div className="retention-fields">
          {field('wonBackDays', t('settings.retention.days'))}
          <div className="settings-explain-slot" aria-live="polite">
            {parsed.wonBackDays.ok ? <p className="settings-explain settings-explain-line">{t('settings.retention.wonBackExplain', { count: parsed.wonBackDays.value })}</p> : null}
          </div>
        </div>
      </section>
    </SettingsForm>
  );
}
