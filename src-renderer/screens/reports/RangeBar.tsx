/**
 * The dates of a report: the usual ranges as buttons (the one the dates match shown pressed), the
 * two date fields for any other range, and how to cut it (day, week, month). Typed dates are kept
 * here until they make a range that can be asked for, then they become the report's; a range that
 * cannot says why under the fields. Everything is reachable with Tab, and the grouping with ←/→.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_BYS, type GroupBy } from '../../../src-main/reports/types.ts';
import { ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { Field } from '../../components/Field.tsx';
import { presetOf, presetRange, RANGE_PRESETS, rangeProblem, type DayRange } from './report-query.ts';

interface RangeBarProps {
  range: DayRange;
  groupBy: GroupBy;
  today: Date;
  /** A new range: `typed` when it came from the date fields (replaces the address rather than adding to history). */
  onRange: (range: DayRange, typed: boolean) => void;
  /** null: the report is not cut into days, weeks or months (the top members). */
  onGroupBy: ((groupBy: GroupBy) => void) | null;
}

export function RangeBar({ range, groupBy, today, onRange, onGroupBy }: RangeBarProps) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const presetsId = useId();
  const [draft, setDraft] = useState(range);
  // The address changed (a preset, back): the fields follow it.
  useEffect(() => setDraft({ from: range.from, to: range.to }), [range.from, range.to]);
  const problem = rangeProblem(draft);
  const active = presetOf(range, today);

  const type = (next: DayRange) => {
    setDraft(next);
    if (!rangeProblem(next)) onRange(next, true);
  };
  const dateField = (id: string, key: keyof DayRange) => (
    <Field id={id} label={t(`reports.range.${key}`)}>
      <input
        id={id}
        type="date"
        className="input"
        value={draft[key]}
        onChange={(e) => type({ ...draft, [key]: e.target.value })}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
      />
    </Field>
  );

  return (
    <div className="report-range" role="group" aria-label={t('reports.range.label')}>
      <div className="report-presets" role="group" aria-labelledby={presetsId}>
        <span className="visually-hidden" id={presetsId}>
          {t('reports.range.presets')}
        </span>
        {RANGE_PRESETS.map((preset) => (
          <button key={preset} type="button" className={`btn btn-small${active === preset ? ' is-active' : ''}`} aria-pressed={active === preset} onClick={() => onRange(presetRange(preset, today), false)}>
            {t(`reports.range.${preset}`)}
          </button>
        ))}
      </div>
      <div className="report-dates">
        {dateField(fromId, 'from')}
        {dateField(toId, 'to')}
      </div>
      {onGroupBy ? (
        <ChoiceGroup
          label={t('reports.range.groupBy')}
          options={GROUP_BYS.map((g) => ({ key: g, label: t(`reports.range.${g}`) }))}
          value={groupBy}
          onChange={onGroupBy}
          className="report-group"
        />
      ) : null}
      {problem ? (
        <p className="field-error report-range-error" id={errorId} role="alert">
          {t(`reports.range.${problem}`)}
        </p>
      ) : null}
    </div>
  );
}

/** The liability's one day: a date field and "today". */
export function AsOfBar({ asOf, today, onAsOf }: { asOf: string; today: string; onAsOf: (asOf: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(asOf);
  useEffect(() => setDraft(asOf), [asOf]);
  return (
    <div className="report-range" role="group" aria-label={t('reports.range.asOf')}>
      <div className="report-dates">
        <Field id={id} label={t('reports.range.asOf')}>
          <input
            id={id}
            type="date"
            className="input"
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              if (e.target.value) onAsOf(e.target.value);
            }}
          />
        </Field>
      </div>
      <div className="report-presets">
        <button type="button" className={`btn btn-small${asOf === today ? ' is-active' : ''}`} aria-pressed={asOf === today} onClick={() => onAsOf(null)}>
          {t('reports.liability.today')}
        </button>
      </div>
    </div>
  );
}
