/**
 * The refund made: its bill number, the amount, where it went back, the member's balances now, and
 * where its receipt and e-bill stand (Ctrl+P prints it again; the dialog's Done keeps the focus).
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivered } from '../../../src-main/api/contract.ts';
import type { RefundResult } from '../../../src-main/ledger/types.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { DeliveryStatus } from '../../components/receipt/DeliveryStatus.tsx';
import { useDoneReceipt } from '../../components/receipt/use-done-receipt.ts';
import { Fact } from './Fact.tsx';
import { MemberAfter, TenderList, tendersOfRefund } from './Tenders.tsx';

export function RefundDone({ result, keepFocus }: { result: RefundResult & Delivered; keepFocus: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const { refund, member } = result;
  const printer = useDoneReceipt({ billId: refund.id }, result.delivery, { keepFocus });
  return (
    <div className="refund-done">
      <div className="refund-done-head" role="status">
        <span className="refund-done-mark" aria-hidden="true">
          <Icon name="check" size={28} />
        </span>
        <div>
          <p className="refund-done-title">{t('bills.refund.doneTitle')}</p>
          <p className="refund-done-bill num">{t('bills.refund.doneBill', { billNo: refund.billNo })}</p>
        </div>
      </div>
      <div className="refund-done-receipt">
        <button type="button" className="btn btn-small" onClick={printer.print} aria-keyshortcuts="Control+P">
          <Icon name="print" size={18} />
          {t('receipt.print')}
          <kbd className="kbd" aria-hidden="true">
            Ctrl+P
          </kbd>
        </button>
        <DeliveryStatus printer={printer} delivery={result.delivery} phone={member?.phone} />
      </div>
      {result.replayed ? <p className="notice">{t('bills.refund.replayed')}</p> : null}
      <Fact label={t('bills.refund.amount')} className="refund-amount">
        <MoneyText minor={0 - refund.totalMinor} />
      </Fact>
      <h4 className="refund-subtitle">{t('bills.refund.backTo')}</h4>
      <TenderList tenders={tendersOfRefund(refund.payments)} />
      {member ? (
        <>
          <h4 className="refund-subtitle">{t('bills.refund.memberAfter')}</h4>
          <MemberAfter balances={member} />
        </>
      ) : null}
    </div>
  );
}
