/**
 * Reprint and PDF for one bill or top-up in a history list (the member page's top-ups), with where
 * the print stands underneath. Each row prints on its own.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { Icon } from '../Icon.tsx';
import { DownloadError } from './DownloadError.tsx';
import { PrintStatus } from './PrintStatus.tsx';
import { useFileDownload } from './use-file-download.ts';
import { usePrintReceipt, type ReceiptRef } from './use-print-receipt.ts';

interface ReceiptActionsProps {
  receipt: ReceiptRef;
  /** Names that say which receipt (a list has many "Reprint" buttons); they start with the visible words. */
  reprintLabel: string;
  pdfLabel: string;
}

export function ReceiptActions({ receipt, reprintLabel, pdfLabel }: ReceiptActionsProps) {
  const { t } = useTranslation();
  const printer = usePrintReceipt(receipt);
  const pdf = useFileDownload();
  return (
    <div className="receipt-actions">
      <div className="receipt-actions-buttons">
        <button type="button" className="btn btn-small" onClick={printer.print} aria-label={reprintLabel}>
          <Icon name="print" size={16} />
          {t('receipt.reprint')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => void pdf.save(() => api.call('pdf.bill', receipt))} disabled={pdf.busy} aria-label={pdfLabel}>
          {pdf.busy ? t('receipt.pdfSaving') : t('receipt.pdf')}
        </button>
      </div>
      <PrintStatus printer={printer} className="is-compact" />
      <DownloadError downloader={pdf} />
    </div>
  );
}
