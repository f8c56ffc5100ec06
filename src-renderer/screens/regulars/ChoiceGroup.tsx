/**
 * A small set of choices drawn as one segmented control (radios: ←/→ move and choose, as radios do),
 * with a visible or screen-reader-only name.
 */
import { useId, type ReactNode } from 'react';

interface ChoiceGroupProps<K extends string> {
  label: string;
  hideLabel?: boolean;
  options: ReadonlyArray<{ key: K; label: ReactNode }>;
  value: K;
  onChange: (key: K) => void;
  className?: string;
}

export function ChoiceGroup<K extends string>({ label, hideLabel = false, options, value, onChange, className }: ChoiceGroupProps<K>) {
  const name = useId();
  const labelId = useId();
  return (
    <div className={`choice-group${className ? ` ${className}` : ''}`}>
      <span id={labelId} className={hideLabel ? 'visually-hidden' : 'choice-label'}>
        {label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
        {options.map((o) => (
          <label key={o.key} className={`segment${value === o.key ? ' is-checked' : ''}`}>
            <input type="radio" name={name} value={o.key} checked={value === o.key} onChange={() => onChange(o.key)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
