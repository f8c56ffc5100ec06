/**
 * Who buys (`reports.customers`): members against walk-ins as stacked bars per day, week or month,
 * visits, spend per visit, new members, and the share of members who came back on another day.
 */
import { useTranslation } from 'react-i18next';
import type { CustomerFigures } from '../../../src-main/reports/types.ts';
import { useFigures } from '../../components/figures.ts';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { BucketChart } from './BucketChart.tsx';
import { useBucketLabel } from './bucket-label.ts';
import { CHART } from './chart-colors.ts';
import { FiguresTable, type TableColumn } from './FiguresTable.tsx';
import { ReportFigures } from './ReportFigures.tsx';
import type { ReportQuery } from './report-query.ts';
import { useColumnLabel } from './column-label.ts';

type Row = CustomerFigures & { key: string; label: string };

export function CustomersTab({ query }: { query: ReportQuery | null }) {
  const { t } = useTranslation();
  const c = useColumnLabel();
  const fig = useFigures();
  const result = useApiQuery('reports.customers', query ? { from: query.from, to: query.to, groupBy: query.groupBy } : null);
  const bucketLabel = useBucketLabel(query?.groupBy ?? 'day');
  const report = result.data;
  if (!report) return <QueryStatus query={result} failedTitle={t('reports.loadFailed')} />;

  const rows: Row[] = report.buckets.map((b) => ({ ...b, key: b.start, label: bucketLabel(b) }));
  const columns: Array<TableColumn<Row>> = [
    { label: t(`reports.range.${report.groupBy}`), kind: 'text', cell: (r) => r.label },
    { label: c('memberNetMinor'), kind: 'money', cell: (r) => r.memberNetMinor },
    { label: c('walkInNetMinor'), kind: 'money', cell: (r) => r.walkInNetMinor },
    { label: c('netMinor'), kind: 'money', cell: (r) => <MoneyText minor={r.netMinor} className="strong" /> },
    { label: c('memberVisits'), kind: 'count', cell: (r) => r.memberVisits },
    { label: c('walkInVisits'), kind: 'count', cell: (r) => r.walkInVisits },
    { label: c('spendPerVisit'), kind: 'money', cell: (r) => r.spendPerVisitMinor },
    { label: c('newMembers'), kind: 'count', cell: (r) => r.newMembers },
  ];
  const totals = report.totals;
  // A share for reading only (basis points of the net); money itself never passes through it.
  const memberShareBp = totals.netMinor > 0 ? Math.round((totals.memberNetMinor * 10_000) / totals.netMinor) : 0;
  return (
    <div className="report-body">
      <ReportFigures
        figures={[
          { label: t('reports.customers.memberShare'), value: <MoneyText minor={totals.memberNetMinor} />, sub: t('reports.customers.memberShareHint', { share: fig.shareBp(memberShareBp) }) },
          { label: t('reports.customers.walkIns'), value: <MoneyText minor={totals.walkInNetMinor} /> },
          { label: t('reports.customers.visits'), value: <NumberText value={totals.visits} />, sub: t('reports.customers.visitsHint') },
          { label: t('reports.customers.spendPerVisit'), value: <MoneyText minor={totals.spendPerVisitMinor} /> },
          { label: t('reports.customers.newMembers'), value: <NumberText value={totals.newMembers} /> },
          {
            label: t('reports.customers.repeatRate'),
            value: <span className="num">{fig.shareBp(totals.repeatRateBp)}</span>,
            sub: t('reports.customers.repeatHint', { repeat: totals.repeatMembers, visiting: totals.visitingMembers }),
          },
        ]}
      />
      <div className="report-charts report-charts-one">
        <BucketChart
          title={t('reports.chart.membersByBucket', { unit: t(`reports.chart.unit.${report.groupBy}`) })}
          rows={rows}
          series={[
            { key: 'memberNetMinor', name: c('memberNetMinor'), color: CHART.primary, stack: 'net' },
            { key: 'walkInNetMinor', name: c('walkInNetMinor'), color: CHART.muted, stack: 'net' },
          ]}
        />
      </div>
      <FiguresTable title={t('reports.customers.byBucket')} columns={columns} rows={rows} total={{ ...totals, key: 'total', label: t('reports.total') }} rowKey={(r) => r.key} />
    </div>
  );
}
