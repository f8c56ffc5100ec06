/** Placeholder: being built (issue 3). */
import { useTranslation } from 'react-i18next';

export function SettingsScreen({ section }: { section: import('../../app/router.ts').SettingsSection }) {
  const { t } = useTranslation();
  void [{ section }].length;
  return (
    <div className="screen">
      <h1 className="page-title">{t('settings.title')}</h1>
    </div>
  );
}
