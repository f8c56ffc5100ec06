import { useTranslation } from 'react-i18next';

/** Placeholder until this tab is built. */
export function StaffTab() {
  const { t } = useTranslation();
  return <p>{t('staff.title')}</p>;
}
