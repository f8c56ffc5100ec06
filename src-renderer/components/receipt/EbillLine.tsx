/** "E-bill SMS queued to 138****5678" under a done screen, when the commit wrote one; nothing otherwise. */
import { useTranslation } from 'react-i18next';
import type { ReceiptDelivery } from '../../../src-main/print/types.ts';
import { maskedPhone } from '../../../src-main/api/phone-format.ts';
import { Icon } from '../Icon.tsx';

export function EbillLine({ ebill, phone }: { ebill: ReceiptDelivery['ebill'] | undefined; phone: string | undefined }) {
  const { t } = useTranslation();
  if (!ebill || !phone) return null;
  return (
    <p className="ebill-line">
      <Icon name="inbox" size={18} className="ebill-line-icon" />
      <span className="num">{t('receipt.ebill', { phone: maskedPhone(phone) })}</span>
    </p>
  );
}
