/** One figure of a description list, named by its term so that it reads (and is found) as one group. */
import type { ReactNode } from 'react';

export function Term({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  return (
    <div className={className} role="group" aria-label={label}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
