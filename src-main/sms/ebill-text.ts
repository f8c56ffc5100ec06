/**
 * The words of an e-bill SMS, filled from a receipt: plain code with no Node imports, so the settings
 * screen previews exactly the text the outbox will hold.
 */
import { formatMoney } from '../api/money-format.ts';
import type { EBILL_EVENTS } from '../ledger/settings-schema.ts';
import { receiptLabels } from '../receipts/labels.ts';
import type { Receipt, ReceiptKind } from '../receipts/types.ts';
import { fillTemplate } from './templates.ts';

export type EbillEvent = (typeof EBILL_EVENTS)[number];

export const EBILL_PLACEHOLDERS = ['name', 'shop', 'time', 'billNo', 'amount', 'paid', 'balance', 'bonus', 'pointsEarned', 'points'] as const;
export type EbillPlaceholder = (typeof EBILL_PLACEHOLDERS)[number];

const EVENT_OF: Record<ReceiptKind, EbillEvent> = { sale: 'sale', refund: 'refund', topup: 'topup', topup_refund: 'topupRefund' };

export function ebillEventOf(kind: ReceiptKind): EbillEvent {
  return EVENT_OF[kind];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-23 14:05" → "11-23 14:05" / "Nov 23 14:05": the year costs characters and says nothing today. */
export function shortTime(localTime: string, locale: Receipt['locale']): string {
  const [date = '', time = ''] = localTime.split(' ');
  const [, month = '01', day = '01'] = date.split('-');
  return locale === 'en' ? `${MONTHS[Number(month) - 1]} ${Number(day)} ${time}` : `${month}-${day} ${time}`;
}

export function ebillValues(receipt: Receipt): Record<EbillPlaceholder, string> {
  const money = (minor: number) => formatMoney(minor, receipt.currency, receipt.locale);
  const labels = receiptLabels(receipt.locale);
  const methods = [...new Set(receipt.payments.filter((p) => p.amountMinor !== 0 && p.method !== 'forfeited_bonus').map((p) => labels.methods[p.method]))];
  const balance = receipt.balanceAfter ? receipt.balanceAfter.principalMinor + receipt.balanceAfter.bonusMinor : 0;
  return {
    name: receipt.member?.name ?? '',
    shop: receipt.shop.name,
    time: shortTime(receipt.localTime, receipt.locale),
    billNo: receipt.number,
    amount: money(Math.abs(receipt.totalMinor)),
    paid: methods.join(receipt.locale === 'en' ? ' + ' : '+'),
    balance: money(balance),
    bonus: money(Math.abs(receipt.topup?.bonusMinor ?? 0)),
    pointsEarned: String(receipt.pointsEarned),
    points: String(receipt.pointsAfter ?? 0),
  };
}

export function ebillText(receipt: Receipt, template: string): string {
  return fillTemplate(template, ebillValues(receipt)).trim();
}
