/**
 * The member's retention outlook: days since the last visit beside their usual interval (the two the
 * lapsed rule compares), the chance they are still a
 * regular and their expected visits in the next 90 days (BG/NBD, once the model is fitted), their
 * segment and what they spend a month while active — and a "lapsed" badge when the lapsed rule says so.
 */
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberOutlook } from '../../../src-main/retention/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useCareText } from './use-care-text.ts';

function Stat({ label, children, sub }: { label: string; children: ReactNode; sub?: ReactNode }) {
  const id = useId();
  return (
    <div className="figure" role="group" aria-labelledby={id}>
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

export function OutlookCard({ outlook, error, onRetry }: { outlook: MemberOutlook | null; error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const ct = useCareText();
  const f = useFormat();
  const uid = useId();
  const numbers = useMemo(
    () => ({
      percent: new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 0 }),
      visits: new Intl.NumberFormat(f.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    }),
    [f.locale],
  );
  const muted = (text: string) => <span className="muted">{text}</span>;

  const title = (
    <div className="care-title-line">
      <h2 className="card-title" id={`${uid}-title`}>
        {ct('outlook.title')}
      </h2>
      {outlook?.lapsed ? <span className="badge badge-warn">{ct('outlook.lapsed')}</span> : null}
    </div>
  );

  if (!outlook) {
    return (
      <section className="card care-card outlook-card" aria-labelledby={`${uid}-title`}>
        {title}
        {error ? (
          <ErrorNotice error={error} title={ct('outlook.loadFailed')} onRetry={onRetry} />
        ) : (
          <p className="care-loading" role="status">
            {t('common.loading')}
          </p>
        )}
      </section>
    );
  }

  const m = outlook.member;
  const modelMissing = m.probabilityAlive === null;

  return (
    <section className="card care-card outlook-card" aria-labelledby={`${uid}-title`}>
      {title}
      {outlook.lapsed ? <p className="outlook-lapsed-note">{ct('outlook.lapsedNote')}</p> : null}
      <div className="stats">
        <Stat label={ct('outlook.away')} sub={m.lastVisitDate ? ct('outlook.lastVisit', { date: f.date(m.lastVisitDate) }) : undefined}>
          {m.daysAbsent === null ? muted(ct('outlook.never')) : m.daysAbsent === 0 ? ct('outlook.today') : ct('outlook.days', { days: f.number(m.daysAbsent) })}
        </Stat>
        <Stat label={ct('outlook.interval')}>
          {m.usualIntervalDays === null ? muted(ct('outlook.tooFew')) : ct('outlook.intervalDays', { days: f.number(Math.round(m.usualIntervalDays)) })}
        </Stat>
        <Stat label={ct('outlook.alive')}>{m.probabilityAlive === null ? muted(ct('outlook.noModel')) : <span className="num">{numbers.percent.format(m.probabilityAlive)}</span>}</Stat>
        <Stat label={ct('outlook.expected')}>
          {m.expectedVisits90 === null ? muted(ct('outlook.noModel')) : <span className="num">{ct('outlook.expectedVisits', { visits: numbers.visits.format(m.expectedVisits90) })}</span>}
        </Stat>
        <Stat label={ct('outlook.segment')}>{m.rfm ? <span className={`segment-name segment-${m.rfm.segment}`}>{ct(`segment.${m.rfm.segment}`)}</span> : muted(ct('outlook.tooFew'))}</Stat>
        <Stat label={ct('outlook.monthly')}>
          <MoneyText minor={m.monthlySpendMinor} />
        </Stat>
      </div>
      {modelMissing ? <p className="care-note">{ct('outlook.noModelHint')}</p> : null}
    </section>
  );
}
