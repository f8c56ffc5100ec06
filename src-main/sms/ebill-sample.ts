/**
 * A made-up receipt for each e-bill event, for the settings preview: the shop's own name, currency and
 * messaging language, the sample member's name, balance and points, and fixed amounts, so the owner sees
 * what a member would get without a real sale. Pure (no Node imports): the renderer builds it and fills
 * it with the same `ebillText` the outbox uses.
 */
import type { PaymentMethod } from '../ledger/types.ts';
import type { ReceiptLocale } from '../receipts/labels.ts';
import type { Receipt, ReceiptPayment } from '../receipts/types.ts';
import type { EbillEvent } from './ebill-text.ts';
import type { MemberFacts } from './templates.ts';

export interface EbillSampleFacts {
  shopName: string;
  currency: string;
  /** The messages' language: money, time and payment methods are written its way. */
  locale: ReceiptLocale;
  /** "2026-11-23 14:05", the shop's local time the sample happens at. */
  localTime: string;
  /** The member the sample is for, as they are now: the sample bill starts from their balance and points. */
  member: MemberFacts;
}

/** The sample's money (minor units) and points: a sale partly paid from stored value, a top-up with a bonus. */
export const EBILL_SAMPLE = {
  saleMinor: 8280,
  saleFromBalanceMinor: 3000,
  saleMethod: 'wechat',
  refundMinor: 2800,
  topupMinor: 50_000,
  topupBonusMinor: 5000,
  topupMethod: 'wechat',
  pointsEarned: 82,
  refundPoints: 28,
} as const satisfies Record<string, number | PaymentMethod>;

const payment = (method: PaymentMethod, amountMinor: number): ReceiptPayment => ({ method, amountMinor, tenderedMinor: null, changeMinor: null, points: 0 });

export function ebillSample(event: EbillEvent, facts: EbillSampleFacts): Receipt {
  const s = EBILL_SAMPLE;
  const { balanceMinor, points } = facts.member;
  const after = (deltaMinor: number, pointsDelta: number) => ({
    balanceAfter: { principalMinor: balanceMinor + deltaMinor, bonusMinor: 0 },
    pointsAfter: points + pointsDelta,
  });
  const day = facts.localTime.slice(0, 10);
  const compactDay = day.replaceAll('-', '');
  const billNumber = `${compactDay}-01-0042`;
  const topupNumber = `T${compactDay}-3F9A`;
  const base: Receipt = {
    kind: 'sale',
    id: 'sample',
    number: billNumber,
    originalNumber: null,
    createdAt: `${day}T00:00:00.000Z`,
    businessDate: day,
    staffName: '',
    shop: { name: facts.shopName, headerLines: [], footerLines: [], logoPng: null },
    currency: facts.currency,
    locale: facts.locale,
    localTime: facts.localTime,
    member: { name: facts.member.name, code: 'M000001', phoneMasked: '138****0000', tierName: '' },
    lines: [],
    subtotalMinor: 0,
    discountMinor: 0,
    totalMinor: 0,
    payments: [],
    topup: null,
    pointsEarned: 0,
    pointsRedeemed: 0,
    ...after(0, 0),
    cashMoved: false,
    qrData: null,
    reprint: false,
  };
  switch (event) {
    case 'sale': {
      // Part from the card, as much of it as the member has; the rest by phone.
      const fromBalance = Math.max(0, Math.min(s.saleFromBalanceMinor, balanceMinor));
      const payments = [payment('stored_value', fromBalance), payment(s.saleMethod, s.saleMinor - fromBalance)].filter((p) => p.amountMinor !== 0);
      return { ...base, subtotalMinor: s.saleMinor, totalMinor: s.saleMinor, payments, pointsEarned: s.pointsEarned, ...after(-fromBalance, s.pointsEarned) };
    }
    case 'refund': {
      // Points the sale earned come back off the card, as far as the member still has them.
      const pointsBack = Math.min(s.refundPoints, points);
      return {
        ...base,
        originalNumber: `${compactDay}-01-0040`,
        number: `${compactDay}-01-0043`,
        subtotalMinor: -s.refundMinor,
        totalMinor: -s.refundMinor,
        payments: [payment('stored_value', -s.refundMinor)],
        pointsEarned: -pointsBack,
        ...after(s.refundMinor, -pointsBack),
      };
    }
    case 'topup':
      return {
        ...base,
        kind: 'topup',
        number: topupNumber,
        subtotalMinor: s.topupMinor,
        totalMinor: s.topupMinor,
        payments: [payment(s.topupMethod, s.topupMinor)],
        topup: { principalMinor: s.topupMinor, bonusMinor: s.topupBonusMinor, method: s.topupMethod },
        ...after(s.topupMinor + s.topupBonusMinor, 0),
      };
    case 'topupRefund':
      // A top-up made earlier and refunded now: what is left is the member's balance as it is.
      return {
        ...base,
        kind: 'topup_refund',
        number: topupNumber,
        subtotalMinor: -s.topupMinor,
        totalMinor: -s.topupMinor,
        payments: [payment(s.topupMethod, -s.topupMinor)],
        topup: { principalMinor: -s.topupMinor, bonusMinor: -s.topupBonusMinor, method: s.topupMethod },
      };
  }
}
