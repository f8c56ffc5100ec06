/** Shifts and Z reports as the API answers them. Plain types, shared with the renderer through the contract. */
import type { DaySummary, PaymentMethod } from '../ledger/types.ts';
import type { DenominationCount } from './denominations.ts';

/**
 * The drawer's cash. Every figure is integer minor units and, apart from `expectedMinor`, a positive
 * amount of money moving the way its name says.
 */
export interface ShiftCash {
  floatMinor: number;
  /** Cash payments on the cashier's sales: what the bills took, i.e. tendered less change. */
  salesMinor: number;
  /** Cash given back by the cashier's refunds. */
  refundsMinor: number;
  /** Cash taken for top-ups (principal; the bonus is not money in the drawer). */
  topupsMinor: number;
  /** Cash given back by top-up refunds. */
  topupRefundsMinor: number;
  /**
   * Net cash that other staff moved through this till's drawer while the shift was open (in minus
   * out). Their bills are not the cashier's, but their cash lies in the same drawer, so it is expected.
   */
  otherStaffMinor: number;
  /** float + sales − refunds + top-ups − top-up refunds + other staff. */
  expectedMinor: number;
}

/** One payment method over the shift: sales and refunds kept apart, top-up money beside them. */
export interface ShiftMethodTotals {
  method: PaymentMethod;
  salesMinor: number;
  /** Positive: what went back by this method. */
  refundsMinor: number;
  /** Top-up principal taken by this method (cash, card, WeChat Pay, Alipay only). */
  topupsMinor: number;
  /** Positive: top-up principal given back by this method. */
  topupRefundsMinor: number;
  /** salesMinor − refundsMinor + topupsMinor − topupRefundsMinor. */
  netMinor: number;
  /** Money the till took in by this method (cash, card, WeChat Pay, Alipay): not stored value, points or forfeited bonus. */
  external: boolean;
}

export interface ShiftTotals {
  /** The moment these figures run to: the close, or now for an open shift. */
  asOf: string;
  cash: ShiftCash;
  /** The cashier's bills, added up exactly as the day summary adds up a day (ledger/day-summary.ts). */
  bills: Omit<DaySummary, 'businessDate' | 'byMethod'>;
  /** In the order a drawer is counted (the day summary's order). */
  byMethod: ShiftMethodTotals[];
  topups: {
    count: number;
    principalMinor: number;
    bonusMinor: number;
    refundsCount: number;
    /** Positive: principal given back. */
    refundedPrincipalMinor: number;
    /** Positive: bonus taken back with those refunds. */
    refundedBonusMinor: number;
  };
  /** Points redeemed on the cashier's bills, net of what their refunds restored. */
  pointsRedeemed: number;
  /** Records other staff made on this till during the shift (counted only in the drawer's cash). */
  otherStaff: { bills: number; topups: number };
}

export interface ShiftClose {
  closedAt: string;
  staffId: string;
  staffName: string;
  expectedMinor: number;
  countedMinor: number;
  /** counted − expected: positive over, negative short. */
  overShortMinor: number;
  /** The count note by note, when the drawer was counted that way. */
  denominations: DenominationCount[] | null;
  note: string;
}

export interface Shift {
  id: string;
  tillId: string;
  staffId: string;
  staffName: string;
  floatMinor: number;
  openedAt: string;
  businessDate: string;
  note: string;
  /** Null while the shift is open. */
  close: ShiftClose | null;
}

/** A shift with its Z report: running figures while open, the figures frozen at the close after. */
export interface ShiftReport extends Shift {
  totals: ShiftTotals;
}

/** What opening or closing answers: the report, and whether this repeated an earlier request with the same key. */
export interface ShiftResult extends ShiftReport {
  replayed: boolean;
}
