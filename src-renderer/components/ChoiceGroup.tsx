/**
 * A small set of choices drawn as one segmented control (radios: ←/→ move and choose, as radios do),
 * with a visible or screen-reader-only name.
 */
import { useId, type ReactNode } from 'react';

interface ChoiceGroupProps<K extends string> {
  label: string;
  hideLabel?: boolean;
  /** The label's id, for a region named by it (one is made up otherwise). */
  labelId?: string;
  /** Draws the visible label differently (e.g. as a card's title). */
  labelClassName?: string;
  options: ReadonlyArray<{ key: K; label: ReactNode; lang?: string }>;
  value: K;
  onChange: (key: K) => void;
  className?: string;
}

export function ChoiceGroup<K extends string>({ label, hideLabel = false, labelId, labelClassName = 'choice-label', options, value, onChange, className }: ChoiceGroupProps<K>) {
  const name = useId();
  const ownLabelId = useId();
  const nameId = labelId ?? ownLabelId;
  return (
    <div className={`choice-group${className ? ` ${className}` : ''}`}>
      <span id={nameId} className={hideLabel ? 'visually-hidden' : labelClassName}>
        {label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={nameId}>
        {options.map((o) => (
          <label key={o.key} className={`segment${value === o.key ? ' is-checked' : ''}`} lang={o.lang}>
            <input type="radio" name={name} value={o.key} checked={value === o.key} onChange={() => onChange(o.key)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
