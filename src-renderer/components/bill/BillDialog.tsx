/**
 * A bill in a modal dialog: its receipt (lines with what was refunded of each, member discount,
 * payments by method, points), the refunds made against it, and for a refund a link back to its
 * original. Reprint (with where the print stands) and PDF; Esc or Close closes it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DialogHead } from '../DialogHead.tsx';
import { Icon } from '../Icon.tsx';
import { DownloadError } from '../receipt/DownloadError.tsx';
import { PrintStatus } from '../receipt/PrintStatus.tsx';
import { useFileDownload } from '../receipt/use-file-download.ts';
import { usePrintReceipt } from '../receipt/use-print-receipt.ts';
import { PrintableReceipt } from '../ReceiptSummary.tsx';
import { useModalDialog } from '../use-modal-dialog.ts';
import { BillBody, BillKindBadge, useBillTitle } from './BillBody.tsx';
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
  const printer = usePrintReceipt(bill ? { billId: bill.id } : null, { printOnScreen: () => window.print() });
  const pdf = useFileDownload();

  const title = useBillTitle(bill);

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
          meta={bill ? <BillKindBadge bill={bill} /> : undefined}
          onClose={onClose}
        />

        <div className="dialog-body">
          <BillBody bill={bill} error={error} reload={reload} originalBillNo={bill?.originalBillId ? billNos?.get(bill.originalBillId) : undefined} onOpenBill={onOpenBill}>
            {bill ? <PrintableReceipt bill={bill} /> : null}
          </BillBody>
        </div>

        <footer className="dialog-foot bill-dialog-foot">
          <div className="bill-dialog-status">
            <PrintStatus printer={printer} className="is-compact" />
            <DownloadError downloader={pdf} />
          </div>
          <button type="button" className="btn" onClick={printer.print} disabled={!bill}>
            <Icon name="print" />
            {t('receipt.reprint')}
          </button>
          <button type="button" className="btn" onClick={() => {
              if (bill) void pdf.save(() => api.call('pdf.bill', { billId: bill.id }));
            }} disabled={!bill || pdf.busy}>
            {pdf.busy ? t('receipt.pdfSaving') : t('receipt.pdf')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.close')}
          </button>
        </footer>
      </div>
    </dialog>
  );
}
