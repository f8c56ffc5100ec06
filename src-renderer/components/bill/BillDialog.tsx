/**
 * A bill in a modal dialog: its receipt (lines with what was refunded of each, member discount,
 * payments by method, points), the refunds made against it, and for a refund a link back to its
 * original. Esc or Close closes it.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { Icon } from '../Icon.tsx';
import { ReceiptSummary } from '../ReceiptSummary.tsx';
import { BillOrigin, BillRefunds } from './BillLinks.tsx';
import { useBill } from './use-bill.ts';

interface BillDialogProps {
  billId: string;
  memberId: string;
  onClose: () => void;
  onOpenBill: (billId: string) => void;
  /** Bill numbers by id from the member's history, to name the original of a refund. */
  billNos?: ReadonlyMap<string, string>;
}

export function BillDialog({ billId, onClose, onOpenBill, billNos }: BillDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const { bill, error, reload } = useBill(billId);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const isRefund = bill?.kind === 'refund';
  const title = bill ? (isRefund ? t('bill.refundTitle', { billNo: bill.billNo }) : t('bill.title', { billNo: bill.billNo })) : t('common.loading');

  return (
    <dialog
      ref={ref}
      className="dialog bill-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === e.currentTarget) {
          const r = e.currentTarget.getBoundingClientRect();
          if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) onClose();
        }
      }}
    >
      <div className="dialog-inner">
        <header className="dialog-head">
          <div>
            <h2 className="dialog-title num" id={titleId}>
              {title}
            </h2>
            {bill ? (
              <p className="dialog-meta">
                <span className={`badge ${isRefund ? 'badge-warn' : 'badge-quiet'}`}>{isRefund ? t('bill.refund') : t('bill.sale')}</span>
              </p>
            ) : null}
          </div>
          <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label={t('common.close')}>
            <Icon name="close" />
          </button>
        </header>

        <div className="dialog-body">
          {error ? <ErrorNotice error={error} title={t('bill.loadFailed')} onRetry={reload} /> : null}
          {!bill && !error ? (
            <p className="loading" role="status">
              {t('common.loading')}
            </p>
          ) : null}
          {bill ? (
            <>
              <BillOrigin bill={bill} originalBillNo={bill.originalBillId ? billNos?.get(bill.originalBillId) : undefined} onOpenBill={onOpenBill} />
              <ReceiptSummary bill={bill} />
              <BillRefunds bill={bill} onOpenBill={onOpenBill} />
            </>
          ) : null}
        </div>

        <footer className="dialog-foot">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.close')}
          </button>
        </footer>
      </div>
    </dialog>
  );
}
