/** A report's headline figures in a row of boxes (the member page's Figure), the first one marked. */
import type { ReactNode } from 'react';
import { Figure } from '../members/Figure.tsx';

export interface HeadlineFigure {
  label: string;
  value: ReactNode;
  sub?: ReactNode;
}

export function ReportFigures({ figures }: { figures: readonly HeadlineFigure[] }) {
  return (
    <div className="report-figures">
      {figures.map((f, i) => (
        <Figure key={f.label} label={f.label} main={i === 0} sub={f.sub}>
          {f.value}
        </Figure>
      ))}
    </div>
  );
}
