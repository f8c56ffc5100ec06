import { useTranslation } from 'react-i18next';

/** Placeholder until the shift close (交班) is built. */
export function ShiftScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen shift-screen">
      <h1 className="page-title">{t('shift.title')}</h1>
    </div>
  );
}
