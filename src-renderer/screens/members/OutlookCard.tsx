/**
 * The member's retention outlook: days since the last visit beside their usual interval (the two the
 * lapsed rule compares), the chance they are still a regular and their expected visits in the next 90 days (BG/NBD, once the model is fitted), their
 * segment and what they spend a month while active — and a "lapsed" badge when the lapsed rule says so.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberOutlook } from '../../../src-main/retention/types.ts';
import { useFigures } from '../../components/figures.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import type { ApiQuery } from '../../components/use-api-query.ts';
import { Figure } from './Figure.tsx';

export function OutlookCard({ query }: { query: ApiQuery<MemberOutlook> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fig = useFigures();
  const uid = useId();
  const outlook = query.data;
  const muted = (text: string) => <span className="muted">{text}</span>;

  const title = (
    <div className="care-title-line">
      <h2 className="card-title" id={`${uid}-title`}>
        {t('memberCare.outlook.title')}
      </h2>
      {outlook?.lapsed ? <span className="badge badge-warn">{t('memberCare.outlook.lapsed')}</span> : null}
    </div>
  );

  if (!outlook) {
    return (
      <section className="card care-card outlook-card" aria-labelledby={`${uid}-title`}>
        {title}
        <QueryStatus query={query} failedTitle={t('memberCare.outlook.loadFailed')} />
      </section>
    );
  }

  const m = outlook.member;
  const modelMissing = m.probabilityAlive === null;

  return (
    <section className="card care-card outlook-card" aria-labelledby={`${uid}-title`}>
      {title}
      {outlook.lapsed ? <p className="outlook-lapsed-note">{t('memberCare.outlook.lapsedNote')}</p> : null}
      <div className="stats">
        <Figure label={t('memberCare.outlook.away')} sub={m.lastVisitDate ? t('memberCare.outlook.lastVisit', { date: f.date(m.lastVisitDate) }) : undefined}>
          {m.daysAbsent === null ? muted(t('memberCare.outlook.never')) : m.daysAbsent === 0 ? t('memberCare.outlook.today') : t('memberCare.outlook.days', { days: f.number(m.daysAbsent) })}
        </Figure>
        <Figure label={t('memberCare.outlook.interval')}>
          {m.usualIntervalDays === null ? muted(t('memberCare.outlook.tooFew')) : t('memberCare.outlook.intervalDays', { days: fig.days(m.usualIntervalDays) })}
        </Figure>
        <Figure label={t('memberCare.outlook.alive')}>{m.probabilityAlive === null ? muted(t('memberCare.outlook.noModel')) : <span className="num">{fig.probability(m.probabilityAlive)}</span>}</Figure>
        <Figure label={t('memberCare.outlook.expected')}>
          {m.expectedVisits90 === null ? muted(t('memberCare.outlook.noModel')) : <span className="num">{t('memberCare.outlook.expectedVisits', { visits: fig.oneDecimal(m.expectedVisits90) })}</span>}
        </Figure>
        <Figure label={t('memberCare.outlook.segment')}>{m.rfm ? <span className={`segment-name segment-${m.rfm.segment}`}>{t(`retention.segment.${m.rfm.segment}`)}</span> : muted(t('memberCare.outlook.tooFew'))}</Figure>
        <Figure label={t('memberCare.outlook.monthly')}>
          <MoneyText minor={m.monthlySpendMinor} />
        </Figure>
      </div>
      {modelMissing ? <p className="care-note">{t('memberCare.outlook.noModelHint')}</p> : null}
    </section>
  );
}
