/**
 * How a bucket of a report is named on a chart's axis and in its table: a day ("11月2日"), the week
 * that starts on a Monday ("11月2日 起一周"), a month ("2026年11月"). Display only.
 */
import { useTranslation } from 'react-i18next';
import type { Bucket, GroupBy } from '../../../src-main/reports/types.ts';
import { useFormat } from '../../components/format.ts';

export function useBucketLabel(groupBy: GroupBy): (bucket: Bucket) => string {
  const { t } = useTranslation();
  const f = useFormat();
  return (bucket) => {
    if (groupBy === 'day') return f.shortDate(bucket.start);
    if (groupBy === 'week') return t('reports.bucket.week', { date: f.shortDate(bucket.start) });
    const [year, month] = bucket.start.split('-').map(Number) as [number, number];
    return f.locale === 'zh-CN' ? `${year}年${month}月` : `${f.monthName(month).slice(0, 3)} ${year}`;
  };
}
