/**
 * The owner's reports as plain data: what src-main/reports computes and the API hands to the screens.
 * Type-only and free of Node imports, so the renderer can import it. Money is integer minor units,
 * dates are the shop's business days (YYYY-MM-DD, inclusive ranges); every figure is defined where
 * it is computed (sales.ts, topups.ts, liability.ts, customers.ts, top-members.ts, member-report.ts).
 */
import type { ExternalMethod, MemberSummary, PaymentMethod } from '../ledger/types.ts';
import type { Statement } from '../receipts/types.ts';

export const GROUP_BYS = ['day', 'week', 'month'] as const;
/** How a range is cut for a chart: days, weeks starting on Monday, calendar months. */
export type GroupBy = (typeof GROUP_BYS)[number];

/** One bar of a chart: the business days from `start` to `end` (both inclusive, clipped to the range). */
export interface Bucket {
  start: string;
  end: string;
}

/**
 * What a payment method is, for reading sales by method: `money` came into the till with the sale
 * (cash, card, WeChat Pay, Alipay); `stored_value` was paid earlier, at a top-up, and is not new money
 * (a refund's `forfeited_bonus` row is stored value the member does not get back); `points` are a
 * discount the shop gives for earlier spending.
 */
export type MethodClass = 'money' | 'stored_value' | 'points';

// ---------------------------------------------------------------- sales

export interface SalesFigures {
  /** Sale bills and refund bills taken at the till on these days (a refund counts on the day it was made). */
  salesCount: number;
  refundsCount: number;
  /** What sales came to, and what refunds gave back (positive). */
  salesMinor: number;
  refundsMinor: number;
  /** Net sales = sales − refunds. */
  netMinor: number;
  /** Tier discounts given, net of the part refunds took back. */
  discountMinor: number;
  /** Points bills earned, net of what refunds took back. */
  pointsEarned: number;
}

export interface SalesBucket extends Bucket, SalesFigures {}

export interface MethodTotal {
  method: PaymentMethod;
  kind: MethodClass;
  /** Paid this way on sales, given back this way on refunds (positive), and the net. */
  salesMinor: number;
  refundsMinor: number;
  netMinor: number;
}

export interface SalesReport {
  from: string;
  to: string;
  groupBy: GroupBy;
  totals: SalesFigures & {
    /** Net of the `money` methods: what the till actually took for sales (stored value and points excluded). */
    takenMinor: number;
  };
  /** Every bucket of the range in order, empty ones included (a chart shows the quiet days too). */
  buckets: SalesBucket[];
  /** In the order a cashier counts the drawer; adds up to totals.netMinor. */
  byMethod: MethodTotal[];
}

// ---------------------------------------------------------------- top-ups

export interface TopupFigures {
  topupsCount: number;
  /** Money paid in for stored value (principal) and the bonus the shop added with it. */
  principalMinor: number;
  bonusMinor: number;
  refundsCount: number;
  /** Principal given back by top-up refunds, and the bonus taken back with it (positive). */
  refundedPrincipalMinor: number;
  bonusClawedBackMinor: number;
  /** principal − refunded principal: money in for stored value. */
  netPrincipalMinor: number;
  /** bonus − bonus taken back: stored value the shop gave away with top-ups. */
  netBonusMinor: number;
}

export interface TopupBucket extends Bucket, TopupFigures {}

export interface TopupMethodTotal {
  method: ExternalMethod;
  principalMinor: number;
  refundedPrincipalMinor: number;
  netPrincipalMinor: number;
}

export interface TopupsReport {
  from: string;
  to: string;
  groupBy: GroupBy;
  totals: TopupFigures;
  buckets: TopupBucket[];
  byMethod: TopupMethodTotal[];
}

// ---------------------------------------------------------------- liability

/** Days since a member last used their stored value (a spend or a top-up), as of the report's day. */
export const AGING_BUCKETS = ['0-30', '31-90', '91-180', '181-365', 'over-365', 'never'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface StoredValueOwed {
  /** Members holding stored value. */
  members: number;
  principalMinor: number;
  bonusMinor: number;
  totalMinor: number;
}

export interface AgingRow extends StoredValueOwed {
  bucket: AgingBucket;
}

export interface LiabilityReport {
  /** At the end of this business day. */
  asOf: string;
  storedValue: StoredValueOwed;
  /** Every bucket in order; they add up to storedValue. */
  aging: AgingRow[];
  points: {
    outstanding: number;
    /** What they would take off bills at today's redemption rate (rounded down). */
    valueMinor: number;
    /** The rate used: points for one currency unit. */
    pointsPerUnit: number;
  };
}

// ---------------------------------------------------------------- customers

export interface CustomerFigures {
  /** Net sales to members and to walk-ins (sales − refunds). */
  memberNetMinor: number;
  walkInNetMinor: number;
  netMinor: number;
  /** A member's visit is a day they bought something (two bills that day are one visit); each walk-in sale is a visit. */
  memberVisits: number;
  walkInVisits: number;
  visits: number;
  /** Average spend per visit = net sales ÷ visits, rounded half away from zero (0 without visits). */
  memberSpendPerVisitMinor: number;
  walkInSpendPerVisitMinor: number;
  spendPerVisitMinor: number;
  /** Members who signed up on these days. */
  newMembers: number;
}

export interface CustomerBucket extends Bucket, CustomerFigures {}

export interface CustomersReport {
  from: string;
  to: string;
  groupBy: GroupBy;
  totals: CustomerFigures & {
    /** Members who bought something in the range. */
    visitingMembers: number;
    /** …of whom came on at least two different days of the range. */
    repeatMembers: number;
    /** repeatMembers ÷ visitingMembers in basis points (10000 = 100%), rounded half up; 0 without visitors. */
    repeatRateBp: number;
  };
  buckets: CustomerBucket[];
}

// ---------------------------------------------------------------- top members and the drill-down

export interface TopMember {
  memberId: string;
  code: string;
  name: string;
  phone: string;
  tierName: string;
  /** Net spend in the range (sales − refunds), the ranking. */
  netMinor: number;
  /** Sale bills and visit days in the range. */
  bills: number;
  visits: number;
  spendPerVisitMinor: number;
  /** The last day of the range they bought something. */
  lastVisitDate: string | null;
  /** Stored value (principal + bonus) and points held now. */
  balanceMinor: number;
  points: number;
}

export interface TopMembersReport {
  from: string;
  to: string;
  /** The members' net sales in the range, so each member's share can be read. */
  memberNetMinor: number;
  members: TopMember[];
}

/** One bill of a member, and how it was paid. */
export interface MemberReportBill {
  id: string;
  billNo: string;
  businessDate: string;
  createdAt: string;
  kind: 'sale' | 'refund';
  totalMinor: number;
  /** Imported from another system: part of the member's history, not money this till took. */
  imported: boolean;
  payments: Array<{ method: PaymentMethod; amountMinor: number }>;
}

export interface MemberReport {
  from: string;
  to: string;
  member: MemberSummary;
  figures: {
    salesCount: number;
    refundsCount: number;
    netMinor: number;
    visits: number;
  };
  /** Every bill of theirs in the range, oldest first. */
  bills: MemberReportBill[];
  /**
   * Every stored-value and points movement in the range with the balances after it: the member
   * statement itself (receipts/statement.ts), without the shop's logo.
   */
  ledger: Statement;
}

// ---------------------------------------------------------------- export

export const REPORT_KINDS = ['sales', 'topups', 'liability', 'customers', 'topMembers', 'member'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
