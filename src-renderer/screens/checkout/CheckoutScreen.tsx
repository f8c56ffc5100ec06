/** Placeholder: being built (issue 3). */
import { useTranslation } from 'react-i18next';

export function CheckoutScreen({ memberId }: { memberId: string | null }) {
  const { t } = useTranslation();
  void [{ memberId }].length;
  return (
    <div className="screen">
      <h1 className="page-title">{t('checkout.title')}</h1>
    </div>
  );
}
