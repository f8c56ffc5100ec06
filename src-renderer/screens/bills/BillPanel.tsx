/**
 * The bill opened from the list: its receipt, the refunds against it (or the sale it refunds), and
 * what can be done with it: reprint (P, with where the print stands), save as PDF, refund (R), close
 * (Esc). The refund dialog opens over it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useShortcut } from '../../app/shortcuts.ts';
import { BillBody, BillKindBadge, useBillTitle } from '../../components/bill/BillBody.tsx';
import { useBill } from '../../components/bill/use-bill.ts';
import { Icon } from '../../components/Icon.tsx';
import { DownloadError } from '../../components/receipt/DownloadError.tsx';
import { PrintStatus } from '../../components/receipt/PrintStatus.tsx';
import { useFileDownload } from '../../components/receipt/use-file-download.ts';
import { usePrintReceipt } from '../../components/receipt/use-print-receipt.ts';
import { PrintableReceipt } from '../../components/ReceiptSummary.tsx';
import { hasRefundableLines } from './refund-state.ts';
import { BILL_KEYS, useKeys } from './keys.ts';
import { RefundDialog } from './RefundDialog.tsx';

interface BillPanelProps {
  billId: string;
  /** The original's bill number when the day's list knows it (to name the link of a refund). */
  originalBillNo: string | undefined;
  onClose: () => void;
  onOpenBill: (billId: string) => void;
  /** Called with each bill as it loads (the screen follows it to its day). */
  onLoaded: (bill: Bill) => void;
  /** A refund was made: the day's list changed. */
  onRefunded: () => void;
}

export function BillPanel({ billId, originalBillNo, onClose, onOpenBill, onLoaded, onRefunded }: BillPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { bill, error, reload } = useBill(billId);
  const [refunding, setRefunding] = useState(false);
  const refundRef = useRef<HTMLButtonElement>(null);
  const printRef = useRef<HTMLButtonElement>(null);
  const canRefund = bill ? hasRefundableLines(bill) : false;
  const printer = usePrintReceipt(bill ? { billId: bill.id } : null, { printOnScreen: () => window.print() });
  const pdf = useFileDownload();

  // Where the cashier goes next: refund if there is anything to refund, else reprint.
  const focusAction = () => (refundRef.current && !refundRef.current.disabled ? refundRef.current : printRef.current)?.focus();

  useEffect(() => {
    if (!bill) return;
    onLoaded(bill);
    focusAction();
    // Once per bill shown, not on every reload of it.
  }, [bill?.id]);

  // A reload after a refund may disable the button that had the focus: hand it to the next action.
  useEffect(() => {
    if (bill && !refunding && (document.activeElement === document.body || document.activeElement === null)) focusAction();
  }, [bill]);

  const print = printer.print;
  const savePdf = () => {
    if (bill) void pdf.save(() => api.call('pdf.bill', { billId: bill.id }));
  };
  const startRefund = () => {
    if (bill && canRefund) setRefunding(true);
  };

  useKeys(BILL_KEYS.print.keys, print, bill !== null);
  useKeys(BILL_KEYS.refund.keys, startRefund, canRefund);
  useShortcut('Escape', onClose);

  const title = useBillTitle(bill);

  return (
    <section className="bill-panel card" aria-labelledby={titleId}>
      <header className="bill-panel-head">
        <h2 className="bill-panel-title num" id={titleId}>
          {title}
        </h2>
        {bill ? <BillKindBadge bill={bill} /> : null}
        <button type="button" className="btn btn-ghost btn-small bill-panel-close" onClick={onClose} aria-keyshortcuts="Escape">
          <Icon name="close" size={18} />
          {t('bills.panel.close')}
          <kbd className="kbd" aria-hidden="true">
            Esc
          </kbd>
        </button>
      </header>

      <div className="bill-panel-body">
        <BillBody bill={bill} error={error} reload={reload} originalBillNo={originalBillNo} onOpenBill={onOpenBill}>
          {bill ? <PrintableReceipt bill={bill} /> : null}
        </BillBody>
      </div>

      <div className="bill-panel-receipt">
        <PrintStatus printer={printer} className="is-compact" />
        <DownloadError downloader={pdf} />
      </div>
      <footer className="bill-panel-actions">
        <button type="button" className="btn" ref={printRef} onClick={print} disabled={!bill} aria-keyshortcuts={BILL_KEYS.print.aria}>
          <Icon name="print" />
          {t('bills.panel.print')}
          <kbd className="kbd" aria-hidden="true">
            {BILL_KEYS.print.label}
          </kbd>
        </button>
        <button type="button" className="btn bill-panel-pdf" onClick={savePdf} disabled={!bill || pdf.busy}>
          {pdf.busy ? t('receipt.pdfSaving') : t('receipt.pdf')}
        </button>
        {bill && bill.kind !== 'refund' ? (
          <button type="button" className="btn btn-primary" ref={refundRef} onClick={startRefund} disabled={!canRefund} aria-keyshortcuts={BILL_KEYS.refund.aria}>
            {canRefund ? t('bills.panel.refund') : t('bills.panel.fullyRefunded')}
            {canRefund ? (
              <kbd className="kbd" aria-hidden="true">
                {BILL_KEYS.refund.label}
              </kbd>
            ) : null}
          </button>
        ) : null}
      </footer>

      {refunding && bill ? (
        <RefundDialog
          bill={bill}
          onClose={(refunded) => {
            setRefunding(false);
            if (refunded) {
              reload();
              onRefunded();
            }
            requestAnimationFrame(focusAction);
          }}
        />
      ) : null}
    </section>
  );
}
