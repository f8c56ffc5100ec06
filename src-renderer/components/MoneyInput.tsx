/**
 * An amount field: the cashier types "12.5" (or a Chinese IME's "１２．５"), the screen gets integer
 * minor units or null. Parsing is parseMoneyInput's string arithmetic; the field keeps the text as
 * typed so nothing jumps while typing, and says in the UI language what is wrong with it.
 */
import { forwardRef, useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { minorDigits, minorToInput, parseMoneyInput } from '../../src-main/api/money-format.ts';
import { useAppInfo } from '../app/app-info.ts';

export interface MoneyInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  /** The accessible name (also shown as the label unless `hideLabel`). */
  label: string;
  hideLabel?: boolean;
  valueMinor: number | null;
  onChangeMinor: (minor: number | null) => void;
  /** An error from outside (e.g. "more than the balance"), shown under the field. */
  error?: string | null;
  hint?: string;
  className?: string;
}

export const MoneyInput = forwardRef<HTMLInputElement, MoneyInputProps>(function MoneyInput(
  { label, hideLabel = false, valueMinor, onChangeMinor, error, hint, className, ...rest },
  ref,
) {
  const { t } = useTranslation();
  const { settings } = useAppInfo();
  const id = useId();
  const [text, setText] = useState(valueMinor === null ? '' : minorToInput(valueMinor, settings.currency));
  const [problem, setProblem] = useState<string | null>(null);

  // A new value from outside (quick amount, "pay the rest") replaces the text; our own echo does not.
  useEffect(() => {
    const parsed = parseMoneyInput(text, settings.currency);
    const current = parsed.ok ? parsed.minor : null;
    if (current !== valueMinor) {
      setText(valueMinor === null ? '' : minorToInput(valueMinor, settings.currency));
      setProblem(null);
    }
  }, [valueMinor, settings.currency]);

  const onText = (next: string) => {
    setText(next);
    const parsed = parseMoneyInput(next, settings.currency);
    if (parsed.ok) {
      setProblem(null);
      onChangeMinor(parsed.minor);
    } else {
      setProblem(parsed.reason === 'empty' ? null : t(`moneyInput.${parsed.reason}`, { digits: minorDigits(settings.currency) }));
      onChangeMinor(null);
    }
  };

  const shown = problem ?? error ?? null;
  return (
    <div className={`field money-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        className="input input-money num"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => onText(e.target.value)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown || hint ? `${id}-msg` : undefined}
        maxLength={16}
        {...rest}
      />
      {shown ? (
        <span className="field-error" id={`${id}-msg`} role="alert">
          {shown}
        </span>
      ) : hint ? (
        <span className="field-hint" id={`${id}-msg`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
});
