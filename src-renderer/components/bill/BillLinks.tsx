/** The links between a sale and its refunds: the refunds made against a sale, and a refund's original. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill } from '../../../src-main/ledger/types.ts';
import { DateText } from '../DateText.tsx';
import { MoneyText } from '../MoneyText.tsx';

/** For a sale: its refunds, each opening its refund bill. Nothing for a refund bill. */
export function BillRefunds({ bill, onOpenBill }: { bill: Bill; onOpenBill: (billId: string) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  if (bill.kind === 'refund') return null;
  return (
    <section className="bill-refunds" aria-labelledby={titleId}>
      <h3 className="section-title" id={titleId}>
        {t('bill.refunds')}
      </h3>
      {bill.refunds.length === 0 ? (
        <p className="muted">{t('bill.noRefunds')}</p>
      ) : (
        <ul className="bill-refund-list">
          {bill.refunds.map((r) => (
            <li key={r.id} className="bill-refund">
              <button type="button" className="link-button num" onClick={() => onOpenBill(r.id)}>
                {r.billNo}
              </button>
              <DateText iso={r.createdAt} className="muted" />
              <span className="muted">{r.staffName}</span>
              <MoneyText minor={r.totalMinor} className="strong" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** For a refund: a link to the sale it refunds, named by its bill number when the caller knows it. */
export function BillOrigin({ bill, originalBillNo, onOpenBill }: { bill: Bill; originalBillNo?: string | undefined; onOpenBill: (billId: string) => void }) {
  const { t } = useTranslation();
  const originalId = bill.kind === 'refund' ? bill.originalBillId : null;
  if (!originalId) return null;
  return (
    <p className="bill-origin">
      <span>{t('bill.originalBill')}</span>
      <button type="button" className={`link-button${originalBillNo ? ' num' : ''}`} onClick={() => onOpenBill(originalId)}>
        {originalBillNo ?? t('history.billLink')}
      </button>
    </p>
  );
}
