import { useTranslation } from 'react-i18next';

/** "—" in a table cell or line that has nothing to show (read as "none", not as punctuation). */
export function Dash() {
  const { t } = useTranslation();
  return <span className="muted">{t('common.empty')}</span>;
}
