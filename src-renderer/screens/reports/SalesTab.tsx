/**
 * Sales (`reports.sales`): net sales and what made them, a bar per day, week or month, the payment
 * methods as bars coloured by kind (new money, stored value paid at its top-up, points), and both as
 * tables.
 */
import { useTranslation } from 'react-i18next';
import type { MethodClass, MethodTotal, SalesFigures } from '../../../src-main/reports/types.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { EmptyState, QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { BucketChart } from './BucketChart.tsx';
import { useBucketLabel } from './bucket-label.ts';
import { CHART } from './chart-colors.ts';
import { useColumnLabel } from './column-label.ts';
import { FiguresTable, type TableColumn } from './FiguresTable.tsx';
import { ReportFigures } from './ReportFigures.tsx';
import type { ReportQuery } from './report-query.ts';

type Row = SalesFigures & { key: string; label: string };
/** A method's row; the total row has no method. */
type MethodRow = Omit<MethodTotal, 'method' | 'kind'> & { key: string; label: string; kind: MethodClass | null };

const KIND_COLORS: Record<MethodClass, string> = { money: CHART.primary, stored_value: CHART.muted, points: CHART.third };

export function SalesTab({ query }: { query: ReportQuery | null }) {
  const { t } = useTranslation();
  const c = useColumnLabel();
  const result = useApiQuery('reports.sales', query ? { from: query.from, to: query.to, groupBy: query.groupBy } : null);
  const bucketLabel = useBucketLabel(query?.groupBy ?? 'day');
  const report = result.data;
  if (!report) return <QueryStatus query={result} failedTitle={t('reports.loadFailed')} />;

  const { totals } = report;
  const rows: Row[] = report.buckets.map((b) => ({ ...b, key: b.start, label: bucketLabel(b) }));
  const columns: Array<TableColumn<Row>> = [
    { label: t(`reports.range.${report.groupBy}`), kind: 'text', cell: (r) => r.label },
    { label: c('salesCount'), kind: 'count', cell: (r) => r.salesCount },
    { label: c('salesMinor'), kind: 'money', cell: (r) => r.salesMinor },
    { label: c('refundsCount'), kind: 'count', cell: (r) => r.refundsCount },
    { label: c('refundsMinor'), kind: 'money', cell: (r) => r.refundsMinor },
    { label: c('netMinor'), kind: 'money', cell: (r) => <MoneyText minor={r.netMinor} className="strong" /> },
    { label: c('discountMinor'), kind: 'money', cell: (r) => r.discountMinor },
    { label: c('pointsEarned'), kind: 'count', cell: (r) => r.pointsEarned },
  ];

  const methodRows: MethodRow[] = report.byMethod.map((m) => ({ ...m, key: m.method, label: t(`payment.${m.method}`) }));
  // The methods add up to the bills: their total is the report's own.
  const methodTotal: MethodRow = { key: 'total', label: t('reports.total'), kind: null, salesMinor: totals.salesMinor, refundsMinor: totals.refundsMinor, netMinor: totals.netMinor };
  const methodColumns: Array<TableColumn<MethodRow>> = [
    { label: c('method'), kind: 'text', cell: (m) => m.label },
    { label: c('methodKind'), kind: 'text', cell: (m) => (m.kind ? <span className={`badge method-kind-${m.kind}`}>{t(`reports.methodKinds.${m.kind}`)}</span> : null) },
    { label: c('methodSales'), kind: 'money', cell: (m) => m.salesMinor },
    { label: c('methodRefunds'), kind: 'money', cell: (m) => m.refundsMinor },
    { label: c('methodNet'), kind: 'money', cell: (m) => <MoneyText minor={m.netMinor} className="strong" /> },
  ];
  const kindOf = new Map(methodRows.map((m) => [m.label, m.kind ?? 'money']));
  const unit = t(`reports.chart.unit.${report.groupBy}`);
  return (
    <div className="report-body">
      <ReportFigures
        figures={[
          { label: t('reports.sales.net'), value: <MoneyText minor={totals.netMinor} />, sub: t('reports.sales.netHint') },
          { label: t('reports.sales.sales'), value: <MoneyText minor={totals.salesMinor} />, sub: t('reports.sales.salesCount', { count: totals.salesCount }) },
          { label: t('reports.sales.refunds'), value: <MoneyText minor={totals.refundsMinor} />, sub: t('reports.sales.salesCount', { count: totals.refundsCount }) },
          { label: t('reports.sales.taken'), value: <MoneyText minor={totals.takenMinor} />, sub: t('reports.sales.takenHint') },
          { label: t('reports.sales.discount'), value: <MoneyText minor={totals.discountMinor} /> },
        ]}
      />
      {totals.salesCount + totals.refundsCount === 0 ? <EmptyState icon="receipt" title={t('reports.sales.empty')} className="empty-compact card" /> : null}
      <div className="report-charts">
        <BucketChart title={t('reports.chart.netByBucket', { unit })} rows={rows} series={[{ key: 'netMinor', name: c('netMinor'), color: CHART.primary }]} />
        <BucketChart
          title={t('reports.chart.methods')}
          rows={methodRows}
          series={[{ key: 'netMinor', name: c('methodNet'), color: CHART.primary }]}
          colorOf={(m) => KIND_COLORS[kindOf.get(m.label) ?? 'money']}
          horizontal
        />
      </div>
      <FiguresTable title={t('reports.sales.byBucket')} columns={columns} rows={rows} total={{ ...totals, key: 'total', label: t('reports.total') }} rowKey={(r) => r.key} />
      <FiguresTable title={t('reports.sales.methodsTitle')} columns={methodColumns} rows={methodRows} total={methodTotal} rowKey={(m) => m.key} />
      <p className="muted report-note">{t('reports.sales.methodsNote')}</p>
    </div>
  );
}
