/** A labelled amount (a group named by its label, so it reads — and is found — as "bonus: ¥50.00"). */
import { useId, type ReactNode } from 'react';
import { MoneyText } from '../../components/MoneyText.tsx';

interface AmountRowProps {
  label: string;
  /** Null shows a dash: nothing to say yet. */
  minor: number | null;
  note?: ReactNode;
  className?: string;
  signed?: boolean;
}

export function AmountRow({ label, minor, note, className, signed = false }: AmountRowProps) {
  const id = useId();
  return (
    <div className={`topup-row${className ? ` ${className}` : ''}`} role="group" aria-labelledby={id}>
      <span className="topup-row-label">
        <span id={id}>{label}</span>
        {note ? <span className="sub wrap">{note}</span> : null}
      </span>
      {minor === null ? <span className="topup-row-value muted">—</span> : <MoneyText minor={minor} signed={signed} className="topup-row-value" />}
    </div>
  );
}
