/** Placeholder: being built (issue 3). */
import { useTranslation } from 'react-i18next';

export function BillsScreen({ date, billId }: { date: string | null; billId: string | null }) {
  const { t } = useTranslation();
  void [{ date, billId }].length;
  return (
    <div className="screen">
      <h1 className="page-title">{t('bills.title')}</h1>
    </div>
  );
}
