/**
 * The members who spent most on the chosen dates (`reports.topMembers`). A member's name opens the
 * drill-down (`…&member=<id>`): every bill of theirs and every stored-value and points movement.
 */
import { useTranslation } from 'react-i18next';
import type { TopMember } from '../../../src-main/reports/types.ts';
import { Dash } from '../../components/Dash.tsx';
import { DateText } from '../../components/DateText.tsx';
import { useFigures } from '../../components/figures.ts';
import { formatPhone } from '../../components/format.ts';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { EmptyState, QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { BucketChart } from './BucketChart.tsx';
import { CHART } from './chart-colors.ts';
import type { ReportQuery } from './report-query.ts';
import { useColumnLabel } from './column-label.ts';

export function TopMembersTab({ query, onOpen }: { query: ReportQuery | null; onOpen: (memberId: string) => void }) {
  const { t } = useTranslation();
  const c = useColumnLabel();
  const fig = useFigures();
  const result = useApiQuery('reports.topMembers', query ? { from: query.from, to: query.to, limit: 50 } : null);
  const report = result.data;
  if (!report) return <QueryStatus query={result} failedTitle={t('reports.loadFailed')} />;
  // Shares for reading only (basis points); the amounts are the API's.
  const share = (m: TopMember) => (report.memberNetMinor > 0 ? fig.shareBp(Math.round((m.netMinor * 10_000) / report.memberNetMinor)) : null);

  const chartRows = report.members.slice(0, 10).map((m) => ({ label: m.name, netMinor: m.netMinor }));
  return (
    <div className="report-body">
      {chartRows.length > 0 ? (
        <div className="report-charts report-charts-one">
          <BucketChart title={t('reports.top.chart', { count: chartRows.length })} rows={chartRows} series={[{ key: 'netMinor', name: c('memberSpend'), color: CHART.primary }]} horizontal height={Math.max(160, chartRows.length * 34)} />
        </div>
      ) : null}
      <section className="report-table card" aria-labelledby="report-top-title">
        <h2 className="report-table-title" id="report-top-title">
          {t('reports.top.title')}
        </h2>
        <p className="muted report-table-hint">{t('reports.top.hint')}</p>
        {report.members.length === 0 ? (
          <EmptyState icon="user" title={t('reports.top.empty')} className="empty-compact" />
        ) : (
          <div className="table-wrap">
            <table className="table table-compact report-top-table" aria-labelledby="report-top-title">
              <thead>
                <tr>
                  <th scope="col" className="align-end">
                    {c('rank')}
                  </th>
                  <th scope="col">{c('name')}</th>
                  <th scope="col">{c('tier')}</th>
                  <th scope="col" className="align-end">
                    {c('memberSpend')}
                  </th>
                  <th scope="col" className="align-end">
                    {t('reports.top.share')}
                  </th>
                  <th scope="col" className="align-end">
                    {c('bills')}
                  </th>
                  <th scope="col" className="align-end">
                    {c('visitDays')}
                  </th>
                  <th scope="col" className="align-end">
                    {c('spendPerVisit')}
                  </th>
                  <th scope="col">{c('lastVisit')}</th>
                  <th scope="col" className="align-end">
                    {c('balance')}
                  </th>
                  <th scope="col" className="align-end">
                    {c('points')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.members.map((m, i) => (
                  <tr key={m.memberId} className="is-clickable" onClick={() => onOpen(m.memberId)}>
                    <td className="align-end num">{i + 1}</td>
                    <th scope="row" className="report-row-head">
                      <button type="button" className="link-button" aria-label={t('reports.top.open', { name: m.name })} onClick={(e) => (e.stopPropagation(), onOpen(m.memberId))}>
                        {m.name}
                      </button>
                      <span className="muted report-member-line num">
                        {m.code} · {formatPhone(m.phone, { mask: true })}
                      </span>
                    </th>
                    <td>{m.tierName}</td>
                    <td className="align-end">
                      <MoneyText minor={m.netMinor} className="strong" />
                    </td>
                    <td className="align-end num">{share(m) ?? <Dash />}</td>
                    <td className="align-end">
                      <NumberText value={m.bills} />
                    </td>
                    <td className="align-end">
                      <NumberText value={m.visits} />
                    </td>
                    <td className="align-end">
                      <MoneyText minor={m.spendPerVisitMinor} />
                    </td>
                    <td className="nowrap">{m.lastVisitDate ? <DateText iso={m.lastVisitDate} style="shortDate" /> : <Dash />}</td>
                    <td className="align-end">
                      <MoneyText minor={m.balanceMinor} />
                    </td>
                    <td className="align-end">
                      <NumberText value={m.points} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
