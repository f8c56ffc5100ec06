import { useTranslation } from 'react-i18next';

/** Placeholder until this tab is built. */
export function BackupsTab() {
  const { t } = useTranslation();
  return <p>{t('backups.title')}</p>;
}
