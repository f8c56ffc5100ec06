/**
 * A report's buckets as bars (recharts): one bar per day, week or month, one or more series (stacked
 * when they are parts of one whole). Money on the axis and in the tooltip goes through the shop's
 * money format. The figures themselves are always in a table beside the chart, which is what a
 * screen reader reads; the chart is one named image.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../components/format.ts';

export interface ChartSeries<K extends string> {
  key: K;
  name: string;
  color: string;
  /** Series with the same stack are drawn on top of each other. */
  stack?: string;
}

interface BucketChartProps<K extends string> {
  title: string;
  rows: ReadonlyArray<{ label: string } & Record<K, number>>;
  series: ReadonlyArray<ChartSeries<K>>;
  /** Money (minor units) or plain counts. */
  kind?: 'money' | 'count';
  /** Bars across (a category per row, e.g. payment methods) instead of up. */
  horizontal?: boolean;
  height?: number;
  /** One series only: each bar its own colour (e.g. by kind of payment method). */
  colorOf?: (row: { label: string } & Record<K, number>) => string;
}

export function BucketChart<K extends string>({ title, rows, series, kind = 'money', horizontal = false, height = 280, colorOf }: BucketChartProps<K>) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const value = (v: number) => (kind === 'money' ? f.money(v) : f.number(v));
  const valueAxis = { tickFormatter: value, width: horizontal ? undefined : 96, allowDecimals: kind !== 'count' } as const;
  return (
    <figure className="report-chart card" aria-labelledby={titleId}>
      <figcaption className="report-chart-title" id={titleId}>
        {title}
      </figcaption>
      <div role="img" aria-label={t('reports.chart.summary', { title })}>
        <BarChart
          responsive
          style={{ width: '100%', height }}
          data={[...rows]}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: 16, bottom: 4, left: horizontal ? 8 : 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} stroke="#e1e4e9" />
          {horizontal ? (
            <>
              <XAxis type="number" {...valueAxis} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 13 }} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={8} />
              <YAxis {...valueAxis} tick={{ fontSize: 12 }} />
            </>
          )}
          <ReferenceLine {...(horizontal ? { x: 0 } : { y: 0 })} stroke="#c9ced6" />
          <Tooltip formatter={(v) => value(Number(v))} />
          {series.length > 1 ? <Legend /> : null}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={s.stack} isAnimationActive={false} maxBarSize={48}>
              {colorOf ? rows.map((row) => <Cell key={row.label} fill={colorOf(row)} />) : null}
            </Bar>
          ))}
        </BarChart>
      </div>
    </figure>
  );
}
