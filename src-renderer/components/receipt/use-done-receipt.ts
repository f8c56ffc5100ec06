/**
 * A done screen's receipt (sale, top-up, refund): follows the print job the commit queued, and
 * prints (again) on Ctrl+P or a button. The focus goes back to the screen's next step after each
 * print (a clicked "Print again" vanishes as printing starts), so Enter always moves on.
 */
import type { RefObject } from 'react';
import type { ReceiptDelivery } from '../../../src-main/print/types.ts';
import { usePrintKey } from './use-print-key.ts';
import { usePrintReceipt, type ReceiptPrinter, type ReceiptRef } from './use-print-receipt.ts';

interface DoneReceiptOptions {
  /** The screen's next step (the focused button): it keeps the focus. */
  keepFocus: RefObject<HTMLElement | null>;
  /** The screen shows the receipt, ready for window.print (used when no printer is set up). */
  printOnScreen?: () => void;
}

export function useDoneReceipt(ref: ReceiptRef, delivery: ReceiptDelivery | undefined, options: DoneReceiptOptions): ReceiptPrinter {
  const printer = usePrintReceipt(ref, { job: delivery?.printJob ?? null, printOnScreen: options.printOnScreen });
  const print = () => {
    printer.print();
    options.keepFocus.current?.focus();
  };
  usePrintKey(print);
  return { state: printer.state, print };
}
