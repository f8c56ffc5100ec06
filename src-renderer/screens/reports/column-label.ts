/** A column heading of the reports, from the words the exported files use (reports.columns.*). */
import { useTranslation } from 'react-i18next';
import type { ReportLabels } from '../../../src-main/reports/labels.ts';

export type ColumnKey = keyof ReportLabels['columns'];

export function useColumnLabel(): (key: ColumnKey) => string {
  const { t } = useTranslation();
  return (key) => t(`reports.columns.${key}`);
}
