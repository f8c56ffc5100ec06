/**
 * A shift's report on screen: who and when, the drawer (with the count and over/short once closed),
 * then the rest of its figures and the count note by note. The caller adds its actions below.
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftReport } from '../../../src-main/shifts/types.ts';
import { DateText } from '../../components/DateText.tsx';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { CashFigures } from './CashFigures.tsx';
import { ShiftFigures } from './ShiftFigures.tsx';

export function ShiftReportView({ report, title, children }: { report: ShiftReport; title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const close = report.close;
  const notes = [report.note, close?.note ?? ''].filter((n) => n !== '');
  return (
    <section className="card shift-report" aria-labelledby={titleId}>
      <header className="shift-report-head">
        <h2 className="shift-report-title" id={titleId}>
          {title}
        </h2>
        <dl className="shift-report-who">
          <div>
            <dt>{t('shift.report.cashier')}</dt>
            <dd>{report.staffName}</dd>
          </div>
          <div>
            <dt>{t('shift.report.opened')}</dt>
            <dd>
              <DateText iso={report.openedAt} />
            </dd>
          </div>
          <div>
            <dt>{close ? t('shift.report.closed') : t('shift.report.asOf')}</dt>
            <dd>
              <DateText iso={close ? close.closedAt : report.totals.asOf} />
            </dd>
          </div>
          {close && close.staffId !== report.staffId ? (
            <div>
              <dt>{t('shift.report.closedBy')}</dt>
              <dd>{close.staffName}</dd>
            </div>
          ) : null}
        </dl>
      </header>
      <div className="shift-report-body">
        <section className="shift-section shift-drawer" aria-label={t('shift.cash.title')}>
          <h3 className="shift-section-title">{t('shift.cash.title')}</h3>
          <CashFigures cash={report.totals.cash} otherStaff={report.totals.otherStaff} countedMinor={close?.countedMinor ?? null} />
          {close?.denominations && close.denominations.length > 0 ? (
            <div className="shift-count-detail">
              <h4 className="shift-subtitle">{t('shift.report.countDetail')}</h4>
              <ul>
                {close.denominations.map((d) => (
                  <li key={d.valueMinor}>
                    <span className="num">
                      {f.money(d.valueMinor)} × {f.number(d.count)}
                    </span>
                    <MoneyText minor={d.valueMinor * d.count} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {notes.length > 0 ? (
<p className="shift-note">{t('shift.report.note', { note: notes.join(' / ') })}</p>
          ) : null}
        </section>
        <ShiftFigures totals={report.totals} />
      </div>
      {children ? <footer className="shift-report-foot">{children}</footer> : null}
    </section>
  );
}
