import { useTranslation } from 'react-i18next';

/** Placeholder until this tab is built. */
export function ImportTab() {
  const { t } = useTranslation();
  return <p>{t('importExport.title')}</p>;
}
