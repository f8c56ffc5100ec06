/**
 * Receipts read from committed ledger rows: a bill (sale or refund) or a top-up (or its refund), with
 * the member's balances right after it. Called inside the checkout transaction (for the e-bill) and
 * after it (printing, PDFs), so it only reads.
 */
import type { Ledger } from '../ledger/db.ts';
import { maskedPhone } from '../api/phone-format.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import { getSettings } from '../ledger/settings.ts';
import { localMinute } from '../ledger/time.ts';
import { balancesAfter } from './balances-at.ts';
import { billLineRows, billPaymentRows, billRow, topupRow } from './receipt-rows.ts';
import { receiptShop } from './shop.ts';
import type { Receipt, ReceiptMember, ReceiptShop } from './types.ts';

export type ReceiptRef = { billId: string } | { topupId: string };

export interface LoadOptions {
  /** A copy printed again: marked on paper. */
  reprint?: boolean;
  /** The settings, when the caller has just read them (the checkout's e-bill does). */
  settings?: Settings;
  /** Paper and PDF show the logo; an SMS does not, and need not read tens of kilobytes for it. */
  logo?: boolean;
}

export function loadReceipt(ledger: Ledger, ref: ReceiptRef, options: LoadOptions = {}): Receipt {
  const settings = options.settings ?? getSettings(ledger);
  const shop = receiptShop(ledger, settings, options.logo ?? true);
  const reprint = options.reprint ?? false;
  return 'billId' in ref ? billReceipt(ledger, ref.billId, settings, shop, reprint) : topupReceipt(ledger, ref.topupId, settings, shop, reprint);
}

/** The member columns of a bill or top-up row as the receipt shows them (a walk-in has none). */
function memberOf(row: { memberId: string | null; memberName: string | null; memberCode: string | null; memberPhone: string | null; tierName: string | null }): ReceiptMember | null {
  if (!row.memberId) return null;
  return { name: row.memberName ?? '', code: row.memberCode ?? '', phoneMasked: maskedPhone(row.memberPhone ?? ''), tierName: row.tierName ?? '' };
}

function billReceipt(ledger: Ledger, billId: string, settings: Settings, shop: ReceiptShop, reprint: boolean): Receipt {
  const bill = billRow(ledger, billId);
  const payments = billPaymentRows(ledger, billId);
  const member = memberOf(bill);
  const after = bill.memberId ? balancesAfter(ledger, bill.memberId, bill.createdAt, { billId }) : null;
  const qr = settings.printing.qrCode;
  return {
    kind: bill.kind,
    id: bill.id,
    number: bill.billNo,
    originalNumber: bill.originalNo,
    createdAt: bill.createdAt,
    businessDate: bill.businessDate,
    staffName: bill.staffName,
    shop,
    currency: settings.currency,
    locale: settings.messaging.language,
    localTime: localMinute(bill.createdAt),
    member,
    lines: billLineRows(ledger, billId),
    subtotalMinor: bill.subtotalMinor,
    discountMinor: bill.discountMinor,
    totalMinor: bill.totalMinor,
    payments,
    topup: null,
    pointsEarned: bill.pointsEarned,
    pointsRedeemed: payments.reduce((sum, p) => sum + (p.method === 'points' ? p.points : 0), 0),
    balanceAfter: after ? { principalMinor: after.principalMinor, bonusMinor: after.bonusMinor } : null,
    pointsAfter: after ? after.points : null,
    cashMoved: payments.some((p) => p.method === 'cash' && p.amountMinor !== 0),
    qrData: qr === 'none' ? null : qr === 'member' && member ? member.code : bill.billNo,
    reprint,
  };
}

/** Top-ups have no bill number: the receipt number is the day and the end of the id, unique enough to quote. */
export function topupNumber(topup: { businessDate: string; id: string }): string {
  return `T${topup.businessDate.replace(/-/g, '')}-${topup.id.slice(-6).toUpperCase()}`;
}

function topupReceipt(ledger: Ledger, topupId: string, settings: Settings, shop: ReceiptShop, reprint: boolean): Receipt {
  const topup = topupRow(ledger, topupId);
  const member = memberOf(topup)!;
  const after = balancesAfter(ledger, topup.memberId!, topup.createdAt, { topupId });
  const qr = settings.printing.qrCode;
  const number = topupNumber(topup);
  return {
    kind: topup.kind === 'topup' ? 'topup' : 'topup_refund',
    id: topup.id,
    number,
    originalNumber: topup.originalId && topup.originalDate ? topupNumber({ id: topup.originalId, businessDate: topup.originalDate }) : null,
    createdAt: topup.createdAt,
    businessDate: topup.businessDate,
    staffName: topup.staffName,
    shop,
    currency: settings.currency,
    locale: settings.messaging.language,
    localTime: localMinute(topup.createdAt),
    member,
    lines: [],
    subtotalMinor: topup.principalMinor,
    discountMinor: 0,
    totalMinor: topup.principalMinor,
    payments: [{ method: topup.method, amountMinor: topup.principalMinor, tenderedMinor: null, changeMinor: null, points: 0 }],
    topup: { principalMinor: topup.principalMinor, bonusMinor: topup.bonusMinor, method: topup.method },
    pointsEarned: 0,
    pointsRedeemed: 0,
    balanceAfter: { principalMinor: after.principalMinor, bonusMinor: after.bonusMinor },
    pointsAfter: after.points,
    cashMoved: topup.method === 'cash' && topup.principalMinor !== 0,
    qrData: qr === 'none' ? null : qr === 'member' ? member.code : number,
    reprint,
  };
}
