import { useId, type ReactNode } from 'react';

/**
 * A labelled figure on the member page: role=group named by its label, so it can be found as
 * "储值本金" / "Principal balance"; an optional line under the value (e.g. the last visit's date).
 */
export function Figure({ label, children, sub, main = false }: { label: string; children: ReactNode; sub?: ReactNode; main?: boolean }) {
  const id = useId();
  return (
    <div className={`figure${main ? ' figure-main' : ''}`} role="group" aria-labelledby={id}>
      <span className="figure-label" id={id}>
        {label}
      </span>
      <span className="figure-value">
        {children}
        {sub ? <span className="sub">{sub}</span> : null}
      </span>
    </div>
  );
}
