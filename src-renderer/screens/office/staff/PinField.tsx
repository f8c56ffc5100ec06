/**
 * A PIN typed on the keyboard or a numeric pad: masked, digits only (full-width digits from a Chinese
 * IME become ASCII), at most 6. The value never leaves the component except through `onValue`.
 */
import { forwardRef, type KeyboardEvent } from 'react';
import { controlProps, Field } from '../../../components/Field.tsx';

export const PIN_MAX = 6;
export const PIN_MIN = 4;

/** Full-width digits as ASCII, everything else dropped, at most six. */
export function pinDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\D/g, '')
    .slice(0, PIN_MAX);
}

export const isPin = (pin: string) => pin.length >= PIN_MIN && pin.length <= PIN_MAX;

interface PinFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (pin: string) => void;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  autoFocus?: boolean;
}

export const PinField = forwardRef<HTMLInputElement, PinFieldProps>(function PinField({ id, label, value, onValue, hint, error, disabled, onKeyDown, autoFocus }, ref) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className="pin-field">
      <input
        ref={ref}
        {...controlProps(id, error, hint !== undefined)}
        className="input pin-input num"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={PIN_MAX * 2}
        value={value}
        disabled={disabled}
        autoFocus={autoFocus}
        onChange={(e) => onValue(pinDigits(e.target.value))}
        onKeyDown={onKeyDown}
      />
    </Field>
  );
});
