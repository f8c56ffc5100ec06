/** A labelled figure: role=group named by its label, so "退款金额" / "Refund amount" finds its value. */
import { useId, type ReactNode } from 'react';

export function Fact({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className={`fact${className ? ` ${className}` : ''}`} role="group" aria-labelledby={id}>
      <span className="fact-label" id={id}>
        {label}
      </span>
      <span className="fact-value">{children}</span>
    </div>
  );
}
