/** Placeholder: being built (issue 3). */
import { useTranslation } from 'react-i18next';

export function TopupScreen({ memberId }: { memberId: string | null }) {
  const { t } = useTranslation();
  void [{ memberId }].length;
  return (
    <div className="screen">
      <h1 className="page-title">{t('topup.title')}</h1>
    </div>
  );
}
