/**
 * What the shop owes its members at the end of a day (`reports.liability`): stored value (paid in and
 * bonus) and points, and the stored value by how long since each member last used it.
 */
import { useTranslation } from 'react-i18next';
import type { AgingRow } from '../../../src-main/reports/types.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { BucketChart } from './BucketChart.tsx';
import { CHART } from './chart-colors.ts';
import { FiguresTable, type TableColumn } from './FiguresTable.tsx';
import { ReportFigures } from './ReportFigures.tsx';
import { useColumnLabel } from './column-label.ts';

type Row = AgingRow & { label: string };

export function LiabilityTab({ asOf }: { asOf: string | null }) {
  const { t } = useTranslation();
  const c = useColumnLabel();
  const f = useFormat();
  const result = useApiQuery('reports.liability', asOf ? { asOf } : {});
  const report = result.data;
  if (!report) return <QueryStatus query={result} failedTitle={t('reports.loadFailed')} />;

  const sv = report.storedValue;
  const rows: Row[] = report.aging.map((a) => ({ ...a, label: t(`reports.aging.${a.bucket}`) }));
  const columns: Array<TableColumn<Row>> = [
    { label: c('ageBucket'), kind: 'text', cell: (r) => r.label },
    { label: c('members'), kind: 'count', cell: (r) => r.members },
    { label: c('principal'), kind: 'money', cell: (r) => r.principalMinor },
    { label: c('bonus'), kind: 'money', cell: (r) => r.bonusMinor },
    { label: c('storedValueTotal'), kind: 'money', cell: (r) => <MoneyText minor={r.totalMinor} className="strong" /> },
  ];
  return (
    <div className="report-body">
      <ReportFigures
        figures={[
          { label: t('reports.liability.storedValue'), value: <MoneyText minor={sv.totalMinor} />, sub: t('reports.liability.storedValueHint', { count: sv.members }) },
          { label: t('reports.liability.principal'), value: <MoneyText minor={sv.principalMinor} /> },
          { label: t('reports.liability.bonus'), value: <MoneyText minor={sv.bonusMinor} /> },
          { label: t('reports.liability.points'), value: <NumberText value={report.points.outstanding} />, sub: t('reports.liability.pointsValue', { amount: f.money(report.points.valueMinor) }) },
        ]}
      />
      <div className="report-charts report-charts-one">
        <BucketChart
          title={`${t('reports.liability.agingTitle')} · ${t('reports.chart.aging')}`}
          rows={rows}
          series={[
            { key: 'principalMinor', name: c('principal'), color: CHART.primary, stack: 'owed' },
            { key: 'bonusMinor', name: c('bonus'), color: CHART.second, stack: 'owed' },
          ]}
        />
      </div>
      <FiguresTable
        title={t('reports.liability.agingTitle')}
        columns={columns}
        rows={rows}
        total={{ bucket: 'never', label: t('reports.total'), ...sv }}
        rowKey={(r) => r.bucket}
      />
      <p className="muted report-note">{t('reports.liability.agingHint')}</p>
    </div>
  );
}
