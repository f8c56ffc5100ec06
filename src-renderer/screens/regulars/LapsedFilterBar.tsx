/**
 * The lapsed list's filters: at least N days absent, at least this monthly spend, tier, segment, never
 * contacted, holds a balance. Typed numbers are applied once typing pauses (the caller debounces).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENTS } from '../../../src-main/retention/types.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { TextField } from '../../components/Field.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { hasFilters, useLapsedView } from './lapsed-filters.ts';

const DAYS_MAX = 36500;

export function LapsedFilterBar() {
  const { t } = useTranslation();
  const { tiers } = useAppInfo();
  const filters = useLapsedView((s) => s.filters);
  const setFilter = useLapsedView((s) => s.setFilter);
  const resetFilters = useLapsedView((s) => s.resetFilters);
  const daysId = useId();
  const tierId = useId();
  const segmentId = useId();
  // The days field keeps what was typed; the filter gets a whole number or nothing.
  const [daysText, setDaysText] = useState(filters.minDaysAbsent === null ? '' : String(filters.minDaysAbsent));
  const daysInvalid = daysText.trim() !== '' && !/^\d{1,5}$/.test(daysText.trim());

  const onDays = (text: string) => {
    setDaysText(text);
    const trimmed = text.trim();
    if (trimmed === '') setFilter('minDaysAbsent', null);
    else if (/^\d{1,5}$/.test(trimmed)) setFilter('minDaysAbsent', Math.min(Number(trimmed), DAYS_MAX));
  };

  return (
    <fieldset className="fieldset filter-bar">
      <legend className="visually-hidden">{t('regulars.filters.label')}</legend>
      <TextField
        id={daysId}
        className="filter-days"
        label={t('regulars.filters.minDaysAbsent')}
        inputClassName="num"
        inputMode="numeric"
        value={daysText}
        onValue={onDays}
        maxLength={5}
        affix={t('regulars.filters.days')}
        error={daysInvalid ? t('regulars.filters.daysInvalid') : null}
      />
      <MoneyInput className="filter-spend" label={t('regulars.filters.minMonthlySpend')} valueMinor={filters.minMonthlySpendMinor} onChangeMinor={(minor) => setFilter('minMonthlySpendMinor', minor)} />
      <div className="field filter-select">
        <label className="field-label" htmlFor={tierId}>
          {t('regulars.filters.tier')}
        </label>
        <select id={tierId} className="select" value={filters.tierId} onChange={(e) => setFilter('tierId', e.target.value)}>
          <option value="">{t('regulars.filters.anyTier')}</option>
          {tiers.map((tier) => (
            <option key={tier.id} value={tier.id}>
              {tier.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field filter-select">
        <label className="field-label" htmlFor={segmentId}>
          {t('regulars.filters.segment')}
        </label>
        <select id={segmentId} className="select" value={filters.segment} onChange={(e) => setFilter('segment', SEGMENTS.find((s) => s === e.target.value) ?? '')}>
          <option value="">{t('regulars.filters.anySegment')}</option>
          {SEGMENTS.map((s) => (
            <option key={s} value={s}>
              {t(`retention.segment.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-checks">
        <label className="option-box filter-check">
          <input type="checkbox" checked={filters.neverContacted} onChange={(e) => setFilter('neverContacted', e.target.checked)} />
          <span>{t('regulars.filters.neverContacted')}</span>
        </label>
        <label className="option-box filter-check">
          <input type="checkbox" checked={filters.hasBalance} onChange={(e) => setFilter('hasBalance', e.target.checked)} />
          <span>{t('regulars.filters.hasBalance')}</span>
        </label>
      </div>
      {hasFilters(filters) ? (
        <button
          type="button"
          className="btn btn-small btn-ghost filter-reset"
          onClick={() => {
            setDaysText('');
            resetFilters();
          }}
        >
          {t('regulars.filters.reset')}
        </button>
      ) : null}
    </fieldset>
  );
}
