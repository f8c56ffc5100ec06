/**
 * A form field as every form on the till draws it: the label (with a "required" or "optional" mark),
 * the control, then its error, or else its hint. Ids follow `${id}-error` / `${id}-hint`, and the
 * control points at whichever is shown (`controlProps`), so a screen reader reads it with the field.
 */
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type FieldMark = 'required' | 'optional';

/** "必填" / "选填" after a label; hidden from screen readers, which hear aria-required instead. */
export function FieldMarker({ mark }: { mark: FieldMark }) {
  const { t } = useTranslation();
  return (
    <span className={mark === 'required' ? 'field-required' : 'field-optional'} aria-hidden="true">
      {mark === 'required' ? t('form.required') : t('form.optional')}
    </span>
  );
}

interface FieldProps {
  /** The control's id. */
  id: string;
  label: string;
  mark?: FieldMark;
  hint?: ReactNode;
  error?: string | null;
  /** Classes of the field around the control (e.g. "field-wide"). */
  className?: string;
  children: ReactNode;
}

export function Field({ id, label, mark, hint, error, className, children }: FieldProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {mark ? <FieldMarker mark={mark} /> : null}
      </label>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** aria-describedby for a Field's control: its error when shown, else its hint. */
export function describedBy(id: string, error: string | null | undefined, hasHint: boolean): string | undefined {
  if (error) return `${id}-error`;
  return hasHint ? `${id}-hint` : undefined;
}

/** id, aria-invalid and aria-describedby of a Field's control. */
export function controlProps(id: string, error: string | null | undefined, hasHint = false) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, error, hasHint) } as const;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className' | 'children'>;

interface TextFieldProps extends InputProps, Omit<FieldProps, 'children'> {
  /** Classes added to the input's own (e.g. "num" for figures). */
  inputClassName?: string;
  inputRef?: Ref<HTMLInputElement>;
  value: string;
  onValue: (value: string) => void;
  /** A unit written after the input (折, 积分). */
  affix?: ReactNode;
  /** More inside the field after the input (e.g. a datalist). */
  children?: ReactNode;
}

/** A one-line text input in a Field; `mark="required"` makes it aria-required too. */
export function TextField({ id, label, mark, hint, error, className, inputClassName, inputRef, value, onValue, affix, children, ...input }: TextFieldProps) {
  const control = (
    <input
      ref={inputRef}
      {...controlProps(id, error, hint !== undefined)}
      className={inputClassName ? `input ${inputClassName}` : 'input'}
      type="text"
      autoComplete="off"
      aria-required={mark === 'required' ? true : undefined}
      {...input}
      value={value}
      onChange={(e) => onValue(e.target.value)}
    />
  );
  return (
    <Field id={id} label={label} mark={mark} hint={hint} error={error} className={className}>
      {affix !== undefined ? (
        <span className="input-affix">
          {control}
          <span className="affix" aria-hidden="true">
            {affix}
          </span>
        </span>
      ) : (
        control
      )}
      {children}
    </Field>
  );
}
