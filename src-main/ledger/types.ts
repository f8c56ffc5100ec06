/**
 * The ledger's vocabulary as plain data: what the use cases return and the API hands to screens.
 * Type-only and free of Node imports, so the renderer can import it. All money is integer minor units.
 */
/** `imported`: the one payment of a past visit imported from another system (money this till never took). */
export type PaymentMethod = 'stored_value' | 'points' | 'cash' | 'card' | 'wechat' | 'alipay' | 'forfeited_bonus' | 'imported';
/** Ways money comes in at the till for a top-up, or goes back on a refund. */
export type ExternalMethod = 'cash' | 'card' | 'wechat' | 'alipay';
export type StaffRole = 'owner' | 'manager' | 'cashier';
export type Gender = 'female' | 'male' | 'other';

export interface Tier {
  id: string;
  name: string;
  discountBp: number;
  pointsPerUnit: number;
  isDefault: boolean;
  sortOrder: number;
}

export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
}

export interface Product {
  id: string;
  name: string;
  barcode: string | null;
  priceMinor: number;
  category: string;
  active: boolean;
}

export interface TopupBonusRule {
  id: string;
  minPrincipalMinor: number;
  bonusMinor: number;
  active: boolean;
}

export interface MemberSummary {
  id: string;
  code: string;
  phone: string;
  name: string;
  tierId: string;
  tierName: string;
  balancePrincipalMinor: number;
  balanceBonusMinor: number;
  points: number;
  totalSpentMinor: number;
  visitCount: number;
  lastVisitAt: string | null;
  archivedAt: string | null;
}

export interface Member extends MemberSummary {
  birthMonth: number | null;
  birthDay: number | null;
  birthYear: number | null;
  gender: Gender | null;
  tags: string[];
  note: string;
  smsBillConsent: boolean;
  smsMarketingConsent: boolean;
  /** Asked not to be called or messaged for marketing at all. */
  doNotContact: boolean;
  referredById: string | null;
  createdAt: string;
  firstVisitAt: string | null;
  /** Distinct business days with a purchase, and the first and last of them (YYYY-MM-DD). */
  visitDays: number;
  firstVisitDate: string | null;
  lastVisitDate: string | null;
  tierDiscountBp: number;
  tierPointsPerUnit: number;
}

export interface BillLine {
  id: string;
  lineNo: number;
  productId: string | null;
  name: string;
  unitPriceMinor: number;
  quantity: number;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  refundOfLineId: string | null;
  /** On a sale line: how much of it has been refunded so far (positive numbers). */
  refundedQuantity: number;
  refundedMinor: number;
}

export interface Payment {
  id: string;
  method: PaymentMethod;
  amountMinor: number;
  tenderedMinor: number | null;
  changeMinor: number | null;
  principalMinor: number;
  bonusMinor: number;
  points: number;
  refundOfPaymentId: string | null;
}

export interface BillSummary {
  id: string;
  billNo: string;
  businessDate: string;
  kind: 'sale' | 'refund';
  originalBillId: string | null;
  memberId: string | null;
  memberName: string | null;
  staffName: string;
  totalMinor: number;
  pointsEarned: number;
  createdAt: string;
  /** For a sale: what its refund bills have taken back so far, on any day (positive). 0 for a refund. */
  refundedMinor: number;
}

export interface Bill extends BillSummary {
  staffId: string;
  subtotalMinor: number;
  discountMinor: number;
  pointsReversalWaived: number;
  tierDiscountBp: number;
  note: string;
  lines: BillLine[];
  payments: Payment[];
  /** For a sale: the refunds made against it. */
  refunds: BillSummary[];
}

/** One business day's bills added up (the bill history's totals). Refunds count on the day they were made. */
export interface DaySummary {
  businessDate: string;
  salesCount: number;
  refundsCount: number;
  /** Sum of the day's sale totals (positive). */
  salesMinor: number;
  /** Sum of the day's refund totals, as a positive number. */
  refundsMinor: number;
  /** salesMinor − refundsMinor. */
  netMinor: number;
  /**
   * Net of sales and refunds per payment method that the day's bills used (a method can net to 0),
   * in the order a cashier counts the drawer: the member's money first, then the till's, then bonus
   * forfeited by refunds. Adds up to netMinor.
   */
  byMethod: Array<{ method: PaymentMethod; netMinor: number }>;
  /** Points earned by the day's sales less those its refunds took back. */
  pointsEarned: number;
}

export interface MemberBalances {
  balancePrincipalMinor: number;
  balanceBonusMinor: number;
  points: number;
}

export interface CheckoutQuote {
  lines: Array<{
    productId: string | null;
    name: string;
    unitPriceMinor: number;
    quantity: number;
    grossMinor: number;
    discountMinor: number;
    netMinor: number;
  }>;
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  tierDiscountBp: number;
  /** Points the bill would earn if paid entirely by cash/card/mobile pay. */
  pointsIfPaidExternally: number;
  /** The member's balances now (null for a walk-in). */
  member: MemberBalances | null;
  /** The most the member's points can pay for now (0 when redemption is off). */
  pointsRedeemableMinor: number;
  /** The outcome of the payments given with the quote (null when none were given). */
  tender: TenderOutcome | null;
}

/** Why a tender cannot be committed yet: an error code and its parameters (localized by the screen). */
export interface TenderProblem {
  code: import('./errors.ts').ErrorCode;
  params: Record<string, string | number>;
}

export interface TenderOutcome {
  paidMinor: number;
  /** Still to pay (> 0), or paid too much (< 0; cash change is not counted here). */
  dueMinor: number;
  changeMinor: number;
  storedValuePrincipalMinor: number;
  storedValueBonusMinor: number;
  pointsRedeemed: number;
  /** Points the bill earns with these payments (the rest, if any, assumed paid by cash/card). */
  pointsEarned: number;
  memberAfter: MemberBalances | null;
  problems: TenderProblem[];
}

export interface CheckoutResult {
  bill: Bill;
  member: MemberSummary | null;
  changeMinor: number;
  /** True when this was a repeat of an earlier request with the same idempotency key. */
  replayed: boolean;
}

export interface Topup {
  id: string;
  kind: 'topup' | 'refund';
  originalTopupId: string | null;
  memberId: string;
  staffId: string;
  staffName: string;
  method: ExternalMethod;
  principalMinor: number;
  bonusMinor: number;
  bonusRuleId: string | null;
  businessDate: string;
  note: string;
  createdAt: string;
  /** On a top-up: principal already refunded (positive). */
  refundedPrincipalMinor: number;
}

export interface TopupQuote {
  principalMinor: number;
  bonusMinor: number;
  bonusRuleId: string | null;
  /** The next rule up, to tell the customer "pay X more and get Y". */
  nextRule: TopupBonusRule | null;
}

export interface TopupResult {
  topup: Topup;
  member: MemberSummary;
  replayed: boolean;
}

export interface TopupRefundPreview {
  topupId: string;
  refundablePrincipalMinor: number;
  principalMinor: number;
  bonusClawbackMinor: number;
  method: ExternalMethod;
  memberAfter: MemberBalances;
}

export interface WalletEntry {
  id: string;
  kind: 'topup' | 'topup_refund' | 'spend' | 'spend_refund' | 'adjust' | 'opening';
  principalDeltaMinor: number;
  bonusDeltaMinor: number;
  principalAfterMinor: number;
  bonusAfterMinor: number;
  billId: string | null;
  topupId: string | null;
  reason: string;
  staffName: string;
  createdAt: string;
}

export interface PointsEntry {
  id: string;
  kind: 'earn' | 'earn_reversal' | 'redeem' | 'redeem_restore' | 'adjust' | 'opening';
  delta: number;
  balanceAfter: number;
  billId: string | null;
  reason: string;
  staffName: string;
  createdAt: string;
}

export interface RefundPolicyView {
  earnedPoints: 'reverse' | 'keep';
  redeemedPoints: 'restore' | 'forfeit';
  bonus: 'return' | 'forfeit';
}

export interface RefundPreview {
  billId: string;
  lines: Array<{ lineId: string; name: string; quantity: number; amountMinor: number }>;
  /** Amount refunded (positive). */
  totalMinor: number;
  /** How it goes back, per original tender (positive amounts). */
  tenders: Array<{ paymentId: string; method: PaymentMethod; amountMinor: number; principalMinor: number; bonusMinor: number; points: number }>;
  policy: RefundPolicyView;
  pointsEarnedReversed: number;
  /** Earned points the member already spent: not taken back, so nothing goes negative. */
  pointsEarnedWaived: number;
  pointsRedeemedRestored: number;
  pointsRedeemedForfeited: number;
  bonusForfeitedMinor: number;
  /** The refund completes the bill (nothing left to refund after it). */
  isFinal: boolean;
  memberAfter: MemberBalances | null;
}

export interface RefundResult {
  refund: Bill;
  member: MemberSummary | null;
  replayed: boolean;
}

export interface MemberHistory {
  bills: BillSummary[];
  topups: Topup[];
  wallet: WalletEntry[];
  points: PointsEntry[];
}

export interface AdjustmentResult {
  member: MemberSummary;
  replayed: boolean;
}
