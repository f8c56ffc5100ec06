/**
 * What the campaigns brought back (`campaigns.list`): each send with how many were contacted, where
 * its messages are, how many came back within the window and what they spent since. A campaign's name
 * opens the members it contacted.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignStats } from '../../../src-main/retention/types.ts';
import { DateText } from '../../components/DateText.tsx';
import { useFigures } from '../../components/figures.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { EmptyState, QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { CampaignMembers } from './CampaignMembers.tsx';

/** The table's columns, in order; figures line up on the right. */
const HEADERS = [
  { key: 'name', end: false },
  { key: 'date', end: false },
  { key: 'contacted', end: true },
  { key: 'sms', end: false },
  { key: 'wonBack', end: true },
  { key: 'rate', end: true },
  { key: 'revenue', end: true },
  { key: 'window', end: true },
] as const;

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
  if (!campaigns) return <QueryStatus query={query} />;
  if (campaigns.length === 0) return <EmptyState className="card" icon="inbox" title={t('regulars.campaigns.empty')} hint={t('regulars.campaigns.emptyHint')} />;
  return (
    <section className="card" aria-label={t('regulars.campaigns.label')}>
      <div className="table-wrap">
        <table className="table campaigns-table" aria-label={t('regulars.campaigns.label')}>
          <thead>
            <tr>
              {HEADERS.map(({ key, end }) => (
                <th key={key} scope="col" className={end ? 'align-end' : undefined}>
                  {t(`regulars.campaigns.col.${key}`)}
                </th>
              ))}
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
