/**
 * What every view of one bill shows, wherever it is opened (a member's bill dialog, the bill-history
 * panel): its title and kind, then — once loaded — the sale it refunds, its receipt and the refunds
 * made against it; a load failure with a retry, or "loading" meanwhile.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill } from '../../../src-main/ledger/types.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { ReceiptSummary } from '../ReceiptSummary.tsx';
import { BillOrigin, BillRefunds } from './BillLinks.tsx';

/** "账单 20261123-0007" / "退款单 …", or "loading" before the bill is there. */
export function useBillTitle(bill: Bill | null): string {
  const { t } = useTranslation();
  if (!bill) return t('common.loading');
  return bill.kind === 'refund' ? t('bill.refundTitle', { billNo: bill.billNo }) : t('bill.title', { billNo: bill.billNo });
}

export function BillKindBadge({ bill }: { bill: Bill }) {
  const { t } = useTranslation();
  const isRefund = bill.kind === 'refund';
  return <span className={`badge ${isRefund ? 'badge-warn' : 'badge-quiet'}`}>{isRefund ? t('bill.refund') : t('bill.sale')}</span>;
}

export function BillBody(props: {
  bill: Bill | null;
  error: unknown;
  reload: () => void;
  /** The original's bill number, when the caller knows it (names the link of a refund). */
  originalBillNo: string | undefined;
  onOpenBill: (billId: string) => void;
  /** Shown after the bill once it is loaded (e.g. the printable copy). */
  children?: ReactNode;
}) {
  const { bill, error, reload, originalBillNo, onOpenBill, children } = props;
  const { t } = useTranslation();
  return (
    <>
      {error ? <ErrorNotice error={error} title={t('bill.loadFailed')} onRetry={reload} /> : null}
      {!bill && !error ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {bill ? (
        <>
          <BillOrigin bill={bill} originalBillNo={originalBillNo} onOpenBill={onOpenBill} />
          <ReceiptSummary bill={bill} />
          <BillRefunds bill={bill} onOpenBill={onOpenBill} />
          {children}
        </>
      ) : null}
    </>
  );
}
