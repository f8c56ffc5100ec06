import { useTranslation } from 'react-i18next';

/** Placeholder until this tab is built. */
export function AuditTab() {
  const { t } = useTranslation();
  return <p>{t('audit.title')}</p>;
}
