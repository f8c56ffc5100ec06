import { useTranslation } from 'react-i18next';
import type { ReportsTab } from '../../app/router.ts';

/** Placeholder until the reports are built. */
export function ReportsScreen({ tab, query }: { tab: ReportsTab; query: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <div className="screen reports-screen" data-tab={tab} data-query={JSON.stringify(query)}>
      <h1 className="page-title">{t('reports.title')}</h1>
    </div>
  );
}
