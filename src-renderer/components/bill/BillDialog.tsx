/**
 * A bill in a modal dialog: its receipt (lines with what was refunded of each, member discount,
 * payments by method, points), the refunds made against it, and for a refund a link back to its
 * original. Esc or Close closes it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { DialogHead } from '../DialogHead.tsx';
import { ReceiptSummary } from '../ReceiptSummary.tsx';
import { useModalDialog } from '../use-modal-dialog.ts';
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
  const dialog = useModalDialog(onClose);
  const { bill, error, reload } = useBill(billId);

  const isRefund = bill?.kind === 'refund';
  const title = bill ? (isRefund ? t('bill.refundTitle', { billNo: bill.billNo }) : t('bill.title', { billNo: bill.billNo })) : t('common.loading');

  return (
    <dialog
      {...dialog}
      className="dialog bill-dialog"
      aria-labelledby={titleId}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === e.currentTarget) {
          const r = e.currentTarget.getBoundingClientRect();
          if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) onClose();
        }
      }}
    >
      <div className="dialog-inner">
        <DialogHead
          titleId={titleId}
          title={title}
          numericTitle
          meta={bill ? <span className={`badge ${isRefund ? 'badge-warn' : 'badge-quiet'}`}>{isRefund ? t('bill.refund') : t('bill.sale')}</span> : undefined}
          onClose={onClose}
        />

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
