/** Under a done screen's buttons: where the receipt's print stands, and the e-bill line. */
import type { ReceiptDelivery } from '../../../src-main/print/types.ts';
import { EbillLine } from './EbillLine.tsx';
import { PrintStatus } from './PrintStatus.tsx';
import type { ReceiptPrinter } from './use-print-receipt.ts';

export function DeliveryStatus({ printer, delivery, phone }: { printer: ReceiptPrinter; delivery: ReceiptDelivery | undefined; phone: string | undefined }) {
  return (
    <div className="delivery-status">
      <PrintStatus printer={printer} />
      <EbillLine ebill={delivery?.ebill} phone={phone} />
    </div>
  );
}
