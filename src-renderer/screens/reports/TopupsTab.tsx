/**
 * Top-ups (`reports.topups`): money paid in for stored value and the bonus given with it, a stacked
 * bar per day, week or month, how the top-ups were paid, and what top-up refunds gave back.
 */
import { useTranslation } from 'react-i18next';
import type { TopupFigures } from '../../../src-main/reports/types.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { EmptyState, QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { BucketChart } from './BucketChart.tsx';
import { useBucketLabel } from './bucket-label.ts';
import { CHART } from './chart-colors.ts';
import { FiguresTable, type TableColumn } from './FiguresTable.tsx';
import { ReportFigures } from './ReportFigures.tsx';
import type { ReportQuery } from './report-query.ts';
import { useColumnLabel } from './column-label.ts';

type Row = TopupFigures & { key: string; label: string };

export function TopupsTab({ query }: { query: ReportQuery | null }) {
  const { t } = useTranslation();
  const c = useColumnLabel();
  const result = useApiQuery('reports.topups', query ? { from: query.from, to: query.to, groupBy: query.groupBy } : null);
  const bucketLabel = useBucketLabel(query?.groupBy ?? 'day');
  const report = result.data;
  if (!report) return <QueryStatus query={result} failedTitle={t('reports.loadFailed')} />;

  const rows: Row[] = report.buckets.map((b) => ({ ...b, key: b.start, label: bucketLabel(b) }));
  const columns: Array<TableColumn<Row>> = [
    { label: t(`reports.range.${report.groupBy}`), kind: 'text', cell: (r) => r.label },
    { label: c('topupsCount'), kind: 'count', cell: (r) => r.topupsCount },
    { label: c('principalMinor'), kind: 'money', cell: (r) => r.principalMinor },
    { label: c('bonusMinor'), kind: 'money', cell: (r) => r.bonusMinor },
    { label: c('topupRefundsCount'), kind: 'count', cell: (r) => r.refundsCount },
    { label: c('refundedPrincipalMinor'), kind: 'money', cell: (r) => r.refundedPrincipalMinor },
    { label: c('bonusClawedBackMinor'), kind: 'money', cell: (r) => r.bonusClawedBackMinor },
    { label: c('netPrincipalMinor'), kind: 'money', cell: (r) => <MoneyText minor={r.netPrincipalMinor} className="strong" /> },
    { label: c('netBonusMinor'), kind: 'money', cell: (r) => r.netBonusMinor },
  ];
  const methodRows = report.byMethod.map((m) => ({ ...m, label: t(`payment.${m.method}`) }));
  type MethodRow = (typeof methodRows)[number];
  const methodColumns: Array<TableColumn<MethodRow>> = [
    { label: c('method'), kind: 'text', cell: (m) => m.label },
    { label: c('principalMinor'), kind: 'money', cell: (m) => m.principalMinor },
    { label: c('refundedPrincipalMinor'), kind: 'money', cell: (m) => m.refundedPrincipalMinor },
    { label: c('netPrincipalMinor'), kind: 'money', cell: (m) => <MoneyText minor={m.netPrincipalMinor} className="strong" /> },
  ];
  const totals = report.totals;
  return (
    <div className="report-body">
      <ReportFigures
        figures={[
          { label: t('reports.topups.net'), value: <MoneyText minor={totals.netPrincipalMinor} /> },
          { label: t('reports.topups.principal'), value: <MoneyText minor={totals.principalMinor} />, sub: t('reports.topups.count', { count: totals.topupsCount }) },
          { label: t('reports.topups.bonus'), value: <MoneyText minor={totals.bonusMinor} /> },
          { label: t('reports.topups.refunded'), value: <MoneyText minor={totals.refundedPrincipalMinor} />, sub: t('reports.topups.count', { count: totals.refundsCount }) },
        ]}
      />
      {totals.topupsCount + totals.refundsCount === 0 ? <EmptyState icon="wallet" title={t('reports.topups.empty')} className="empty-compact card" /> : null}
      <div className="report-charts">
        <BucketChart
          title={t('reports.chart.topupsByBucket', { unit: t(`reports.chart.unit.${report.groupBy}`) })}
          rows={rows}
          series={[
            { key: 'principalMinor', name: c('principalMinor'), color: CHART.primary, stack: 'in' },
            { key: 'bonusMinor', name: c('bonusMinor'), color: CHART.second, stack: 'in' },
          ]}
        />
        <BucketChart title={t('reports.topups.methodsTitle')} rows={methodRows} series={[{ key: 'netPrincipalMinor', name: c('netPrincipalMinor'), color: CHART.third }]} horizontal />
      </div>
      <FiguresTable title={t('reports.topups.byBucket')} columns={columns} rows={rows} total={{ ...totals, key: 'total', label: t('reports.total') }} rowKey={(r) => r.key} />
      <FiguresTable title={t('reports.topups.methodsTitle')} columns={methodColumns} rows={methodRows} rowKey={(m) => m.method} />
    </div>
  );
}
