/**
 * What the campaigns brought back (`campaigns.list`): each send with how many were contacted, where
 * its messages are, how many came back within the window and what they spent since. A campaign's name
 * opens the members it contacted.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignStats } from '../../../src-main/retention/types.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { CampaignMembers } from './CampaignMembers.tsx';
import { useFigures } from './figures.ts';
import { useApiQuery } from './use-api-query.ts';

function SmsCounts({ sms }: { sms: CampaignStats['sms'] }) {
  const { t } = useTranslation();
  return (
    <span className="sms-counts num">
      <span className="is-gain">{t('regulars.campaigns.sent', { count: sms.sent })}</span>
      {sms.pending > 0 ? <span>{t('regulars.campaigns.pending', { count: sms.pending })}</span> : null}
      {sms.failed > 0 ? <span className="is-loss">{t('regulars.campaigns.failed', { count: sms.failed })}</span> : null}
      {sms.cancelled > 0 ? <span className="muted">{t('regulars.campaigns.cancelled', { count: sms.cancelled })}</span> : null}
    </span>
  );
}

export function CampaignsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const fig = useFigures();
  const query = useApiQuery('campaigns.list', {});
  const campaigns = query.data;
  const [openId, setOpenId] = useState<string | null>(null);
  const open = campaigns?.find((c) => c.id === openId);
  if (open) {
    return (
      <CampaignMembers
        campaign={open}
        onBack={() => {
          setOpenId(null);
          query.reload();
        }}
      />
    );
  }
  if (!campaigns) {
    return query.error ? (
      <ErrorNotice error={query.error} onRetry={query.reload} />
    ) : (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (campaigns.length === 0) {
    return (
      <div className="card empty">
        <Icon name="inbox" size={36} className="empty-icon" />
        <p className="empty-title">{t('regulars.campaigns.empty')}</p>
        <p className="empty-hint">{t('regulars.campaigns.emptyHint')}</p>
      </div>
    );
  }
  return (
    <section className="card" aria-label={t('regulars.campaigns.label')}>
      <div className="table-wrap">
        <table className="table campaigns-table" aria-label={t('regulars.campaigns.label')}>
          <thead>
            <tr>
              <th scope="col">{t('regulars.campaigns.col.name')}</th>
              <th scope="col">{t('regulars.campaigns.col.date')}</th>
              <th scope="col" className="align-end">
                {t('regulars.campaigns.col.contacted')}
              </th>
              <th scope="col">{t('regulars.campaigns.col.sms')}</th>
              <th scope="col" className="align-end">
                {t('regulars.campaigns.col.wonBack')}
              </th>
              <th scope="col" className="align-end">
                {t('regulars.campaigns.col.rate')}
              </th>
              <th scope="col" className="align-end">
                {t('regulars.campaigns.col.revenue')}
              </th>
              <th scope="col" className="align-end">
                {t('regulars.campaigns.col.window')}
              </th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} data-campaign={c.id}>
                <th scope="row" className="campaign-name">
                  <button type="button" className="link-button" onClick={() => setOpenId(c.id)}>
                    {c.name || t(`regulars.campaigns.kind.${c.kind}`)}
                  </button>
                  <span className="sub wrap">
                    <span className="badge badge-quiet">{t(`regulars.campaigns.kind.${c.kind}`)}</span>
                    {c.offer ? ` ${c.offer}` : ''}
                    {c.offerExpiry ? ` · ${t('regulars.campaigns.until', { date: f.shortDate(c.offerExpiry) })}` : ''}
                  </span>
                </th>
                <td className="nowrap">
                  <DateText iso={c.createdAt} />
                </td>
                <td className="align-end num">{f.number(c.contacted)}</td>
                <td>
                  <SmsCounts sms={c.sms} />
                </td>
                <td className="align-end num strong">{f.number(c.wonBack)}</td>
                <td className="align-end num">{fig.shareBp(c.winBackRateBp)}</td>
                <td className="align-end">
                  <MoneyText minor={c.revenueMinor} />
                </td>
                <td className="align-end num">{t('regulars.campaigns.days', { count: c.wonBackDays })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
