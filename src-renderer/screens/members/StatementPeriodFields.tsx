/**
 * The statement's period: two date fields (business days) and the usual periods as buttons, the one
 * the dates match shown pressed. A period that cannot be asked for says why under the fields.
 */
import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.tsx';
import { periodOf, periodRange, STATEMENT_PERIODS, type DayRange } from '../../components/receipt/statement-periods.ts';

interface StatementPeriodFieldsProps {
  range: DayRange;
  onRange: (range: DayRange) => void;
  today: Date;
  /** Why the dates cannot be asked for, or null. */
  error: string | null;
  fromRef: Ref<HTMLInputElement>;
}

export function StatementPeriodFields({ range, onRange, today, error, fromRef }: StatementPeriodFieldsProps) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const presetsId = useId();
  const active = periodOf(range, today);
  const describedBy = error ? errorId : undefined;
  return (
    <div className="statement-period">
      <div className="statement-dates">
        <Field id={fromId} label={t('receipt.statement.from')}>
          <input
            ref={fromRef}
            id={fromId}
            type="date"
            className="input"
            value={range.from}
            onChange={(e) => onRange({ ...range, from: e.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        </Field>
        <Field id={toId} label={t('receipt.statement.to')}>
          <input
            id={toId}
            type="date"
            className="input"
            value={range.to}
            onChange={(e) => onRange({ ...range, to: e.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        </Field>
        <div className="statement-presets" role="group" aria-labelledby={presetsId}>
          <span className="field-label" id={presetsId}>
            {t('receipt.statement.presets')}
          </span>
          <div className="statement-preset-buttons">
            {STATEMENT_PERIODS.map((period) => (
              <button
                key={period}
                type="button"
                className={`btn btn-small${active === period ? ' is-active' : ''}`}
                aria-pressed={active === period}
                onClick={() => onRange(periodRange(period, today))}
              >
                {t(`receipt.statement.${period}`)}
              </button>
            ))}
          </div>
        </div>
      </div>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
