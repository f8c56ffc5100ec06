/**
 * What a member keeps after paying or topping up, as plain data: one receipt model that every channel
 * renders — the thermal printer (ESC/POS), the system printer (HTML), the PDF bill and the SMS e-bill —
 * so the paper and the message can never disagree. Read from committed ledger rows (receipts/load.ts).
 * Type-only and free of Node imports. All money is integer minor units, signed as the ledger stores it
 * (a refund's total and payments are negative).
 */
import type { PaymentMethod } from '../ledger/types.ts';
import type { ReceiptLocale } from './labels.ts';

export type ReceiptKind = 'sale' | 'refund' | 'topup' | 'topup_refund';

export interface ReceiptShop {
  name: string;
  /** Free lines under the name (address, phone), already split; may be empty. */
  headerLines: string[];
  /** Free lines at the bottom ("谢谢惠顾"), already split; may be empty. */
  footerLines: string[];
  /** A PNG as a data: URL, or null. Printed at the top of paper receipts and PDFs. */
  logoPng: string | null;
}

export interface ReceiptMember {
  name: string;
  code: string;
  /** "138****5678": a receipt can be left on the counter. */
  phoneMasked: string;
  tierName: string;
}

export interface ReceiptLine {
  name: string;
  quantity: number;
  unitPriceMinor: number;
  /** Tier discount allocated to this line (positive on a sale). */
  discountMinor: number;
  netMinor: number;
}

export interface ReceiptPayment {
  method: PaymentMethod;
  amountMinor: number;
  /** Cash handed over and change given (cash only). */
  tenderedMinor: number | null;
  changeMinor: number | null;
  /** Points used when method is 'points'. */
  points: number;
}

export interface Receipt {
  kind: ReceiptKind;
  /** The bill's id, or the top-up's id: what a reprint or a PDF asks for. */
  id: string;
  /** Bill number, or a top-up's receipt number (date + short id): what the member quotes. */
  number: string;
  /** The sale (or top-up) a refund reverses, by its number. */
  originalNumber: string | null;
  /** ISO UTC, and the shop-local business day. */
  createdAt: string;
  businessDate: string;
  staffName: string;
  shop: ReceiptShop;
  currency: string;
  /** The language the receipt is written in (the shop's messaging language). */
  locale: ReceiptLocale;
  /** The shop's time zone offset is already applied: "2026-11-23 14:05". */
  localTime: string;
  member: ReceiptMember | null;
  /** Empty for top-ups. */
  lines: ReceiptLine[];
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  payments: ReceiptPayment[];
  /** For top-ups and their refunds: principal paid in and bonus given (signed). */
  topup: { principalMinor: number; bonusMinor: number; method: PaymentMethod } | null;
  /** Points this bill earned (negative when a refund took them back) and redeemed. */
  pointsEarned: number;
  pointsRedeemed: number;
  /** The member's stored value and points right after this bill or top-up (null for walk-ins). */
  balanceAfter: { principalMinor: number; bonusMinor: number } | null;
  pointsAfter: number | null;
  /** Cash changed hands (paid in or given back): the drawer opens when the setting says so. */
  cashMoved: boolean;
  /** What the QR code on paper encodes (member code or bill number, per settings), or null for none. */
  qrData: string | null;
  /** A copy printed again from the bill history: marked so it is not mistaken for a second sale. */
  reprint: boolean;
}

/** One row of a member statement: a bill, a refund, a top-up or an adjustment. */
export interface StatementEntry {
  createdAt: string;
  localTime: string;
  kind: 'sale' | 'refund' | 'topup' | 'topup_refund' | 'adjust';
  /** Bill or top-up number; empty for adjustments. */
  reference: string;
  /** Adjustment reason, or a short description. */
  description: string;
  /** The bill's total or the top-up's principal (signed); 0 for adjustments. */
  amountMinor: number;
  /** Change of stored value (principal + bonus), and the balance after it. */
  storedValueDeltaMinor: number;
  balanceAfterMinor: number;
  pointsDelta: number;
  pointsAfter: number;
}

export interface Statement {
  shop: ReceiptShop;
  currency: string;
  locale: ReceiptLocale;
  member: ReceiptMember;
  /** Inclusive business days, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Stored value (principal + bonus) and points before the first day and after the last. */
  opening: { balanceMinor: number; points: number };
  closing: { balanceMinor: number; points: number };
  entries: StatementEntry[];
  totals: {
    /** Principal + bonus put on the card, and stored value spent (both positive). */
    toppedUpMinor: number;
    spentFromBalanceMinor: number;
    /** Everything bills came to in the range, however paid, net of refunds. */
    billsNetMinor: number;
    pointsEarned: number;
    pointsUsed: number;
  };
  /** When it was made: ISO UTC, and as the shop's clock showed it. */
  generatedAt: string;
  generatedLocalTime: string;
}
