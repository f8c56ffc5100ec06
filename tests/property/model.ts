/**
 * The property test's model of the ledger: what each member should hold, what is left to refund on
 * every sale and top-up, and the shop's settings. For every command the model predicts either the
 * exact refusal code or the exact figures of the result (written from the rules, with its own
 * arithmetic in tests/helpers/model-math.ts), and is advanced only when the ledger succeeded.
 */
import type { CheckoutCommit, RefundCommit, TopupCommit, TopupRefundCommit, WalletAdjust, PointsAdjust } from '../../src-main/ledger/commands.ts';
import type { ErrorCode } from '../../src-main/ledger/errors.ts';
import type { Settings } from '../../src-main/ledger/settings-schema.ts';
import type { Bill, CheckoutResult, MemberSummary, PaymentMethod, RefundResult, TopupResult } from '../../src-main/ledger/types.ts';
import { ceilDiv, floorDiv, largestRemainder, roundDiv } from '../helpers/model-math.ts';

export interface MTier {
  id: string;
  discountBp: number;
  pointsPerUnit: number;
}
export interface MProduct {
  id: string;
  name: string;
  priceMinor: number;
  active: boolean;
}
export interface MRule {
  minPrincipalMinor: number;
  bonusMinor: number;
  active: boolean;
}
export interface MMember {
  id: string;
  tierId: string;
  archived: boolean;
  principal: number;
  bonus: number;
  points: number;
  spent: number;
  visits: number;
}
export interface MLine {
  id: string;
  name: string;
  unit: number;
  qtyLeft: number;
  netLeft: number;
  grossLeft: number;
}
export interface MPay {
  id: string;
  method: PaymentMethod;
  amountLeft: number;
  principalLeft: number;
  bonusLeft: number;
  pointsLeft: number;
}
export interface MSale {
  id: string;
  memberId: string | null;
  total: number;
  pointsEarned: number;
  /** Earned points already reversed or waived by refunds. */
  earnedBack: number;
  lines: MLine[];
  pays: MPay[];
}
export interface MTopup {
  id: string;
  memberId: string;
  method: 'cash' | 'card' | 'wechat' | 'alipay';
  principal: number;
  bonus: number;
  refundedPrincipal: number;
  refundedBonus: number;
}

/** A prediction: the refusal, or what the result must show and how the model moves on. */
export type Prediction<R> = { error: ErrorCode } | { expect: (result: R) => void; commit: (result: R) => void };

export type Check = (actual: unknown, expected: unknown, what: string) => void;

export class LedgerModel {
  members: MMember[] = [];
  sales = new Map<string, MSale>();
  refundBillIds = new Set<string>();
  topups = new Map<string, MTopup>();
  topupRefundIds = new Set<string>();

  settings: Settings;
  tiers: Map<string, MTier>;
  products: Map<string, MProduct>;
  rules: MRule[];
  private check: Check;

  constructor(settings: Settings, tiers: Map<string, MTier>, products: Map<string, MProduct>, rules: MRule[], check: Check) {
    this.settings = settings;
    this.tiers = tiers;
    this.products = products;
    this.rules = rules;
    this.check = check;
  }

  member(id: string | null | undefined): MMember | undefined {
    return this.members.find((m) => m.id === id);
  }

  expectMember(actual: MemberSummary | null, m: MMember, what: string): void {
    this.check(
      actual && {
        id: actual.id,
        principal: actual.balancePrincipalMinor,
        bonus: actual.balanceBonusMinor,
        points: actual.points,
        spent: actual.totalSpentMinor,
        visits: actual.visitCount,
        tierId: actual.tierId,
        archived: actual.archivedAt !== null,
      },
      { id: m.id, principal: m.principal, bonus: m.bonus, points: m.points, spent: m.spent, visits: m.visits, tierId: m.tierId, archived: m.archived },
      what,
    );
  }

  bonusFor(principal: number): number {
    let best: MRule | null = null;
    for (const r of this.rules) if (r.active && r.minPrincipalMinor <= principal && (!best || r.minPrincipalMinor > best.minPrincipalMinor)) best = r;
    return best?.bonusMinor ?? 0;
  }

  /** How a stored-value spend draws on principal and bonus under the current setting. */
  split(m: MMember, amount: number): [number, number] {
    switch (this.settings.walletSpendOrder) {
      case 'principal_first': {
        const p = Math.min(amount, m.principal);
        return [p, amount - p];
      }
      case 'bonus_first': {
        const b = Math.min(amount, m.bonus);
        return [amount - b, b];
      }
      default:
        return largestRemainder(amount, [m.principal, m.bonus]) as [number, number];
    }
  }

  /** Points a redemption of `amount` costs. */
  pointsFor(amount: number): number {
    return ceilDiv(amount, this.settings.pointsRedemption.pointsPerUnit, 100);
  }

  /** The largest amount `points` can pay. */
  amountForPoints(points: number): number {
    return floorDiv(points, 100, this.settings.pointsRedemption.pointsPerUnit);
  }

  // ------------------------------------------------------------------ top-up

  topUp(req: TopupCommit): Prediction<TopupResult> {
    const m = this.member(req.memberId);
    if (!m) return { error: 'MEMBER_NOT_FOUND' };
    if (m.archived) return { error: 'MEMBER_ARCHIVED' };
    const bonus = this.bonusFor(req.principalMinor);
    const after = { ...m, principal: m.principal + req.principalMinor, bonus: m.bonus + bonus };
    return {
      expect: (r) => {
        this.check({ kind: r.topup.kind, p: r.topup.principalMinor, b: r.topup.bonusMinor, method: r.topup.method }, { kind: 'topup', p: req.principalMinor, b: bonus, method: req.method }, 'top-up');
        this.expectMember(r.member, after, 'member after top-up');
      },
      commit: (r) => {
        Object.assign(m, after);
        this.topups.set(r.topup.id, { id: r.topup.id, memberId: m.id, method: req.method, principal: req.principalMinor, bonus, refundedPrincipal: 0, refundedBonus: 0 });
      },
    };
  }

  // ------------------------------------------------------------------ checkout

  checkout(req: CheckoutCommit): Prediction<CheckoutResult> {
    let m: MMember | null = null;
    if (req.memberId) {
      const found = this.member(req.memberId);
      if (!found) return { error: 'MEMBER_NOT_FOUND' };
      if (found.archived) return { error: 'MEMBER_ARCHIVED' };
      m = found;
    }
    const tier = m ? this.tiers.get(m.tierId)! : null;
    const lines: Array<{ name: string; unit: number; qty: number; gross: number }> = [];
    for (const l of req.lines) {
      const qty = l.quantity ?? 1;
      if ('productId' in l) {
        const p = this.products.get(l.productId);
        if (!p) return { error: 'PRODUCT_NOT_FOUND' };
        if (!p.active) return { error: 'PRODUCT_INACTIVE' };
        lines.push({ name: p.name, unit: p.priceMinor, qty, gross: p.priceMinor * qty });
      } else {
        lines.push({ name: l.name, unit: l.amountMinor, qty, gross: l.amountMinor * qty });
      }
    }
    const subtotal = lines.reduce((a, l) => a + l.gross, 0);
    const bp = tier?.discountBp ?? 0;
    const discount = roundDiv(subtotal, bp, 10_000);
    const lineDiscounts = largestRemainder(discount, lines.map((l) => l.gross));
    const total = subtotal - discount;
    const paid = req.payments.reduce((a, p) => a + p.amountMinor, 0);
    if (paid !== total) return { error: 'PAYMENT_MISMATCH' };

    let sv: [number, number] = [0, 0];
    let redeemed = 0;
    let pointsPart = 0;
    for (const p of req.payments) {
      if (p.tenderedMinor !== undefined) {
        if (p.method !== 'cash') return { error: 'TENDER_ONLY_FOR_CASH' };
        if (p.tenderedMinor < p.amountMinor) return { error: 'CASH_TENDER_SHORT' };
      }
      if (p.method === 'stored_value') {
        if (!m) return { error: 'MEMBER_REQUIRED' };
        if (p.amountMinor > m.principal + m.bonus) return { error: 'INSUFFICIENT_BALANCE' };
        sv = this.split(m, p.amountMinor);
      }
      if (p.method === 'points') {
        if (!m) return { error: 'MEMBER_REQUIRED' };
        if (!this.settings.pointsRedemption.enabled) return { error: 'POINTS_REDEMPTION_DISABLED' };
        redeemed = this.pointsFor(p.amountMinor);
        pointsPart = p.amountMinor;
        if (redeemed > m.points) return { error: 'INSUFFICIENT_POINTS' };
      }
    }
    const eligible = total - pointsPart - (this.settings.storedValueEarnsPoints ? 0 : sv[0] + sv[1]);
    const earned = m && eligible > 0 ? floorDiv(eligible, tier!.pointsPerUnit, 100) : 0;
    const after = m ? { ...m, principal: m.principal - sv[0], bonus: m.bonus - sv[1], points: m.points - redeemed + earned, spent: m.spent + total, visits: m.visits + 1 } : null;
    const expectedPayments = req.payments.map((p) => ({
      method: p.method,
      amountMinor: p.amountMinor,
      tenderedMinor: p.method === 'cash' ? (p.tenderedMinor ?? p.amountMinor) : null,
      changeMinor: p.method === 'cash' ? (p.tenderedMinor ?? p.amountMinor) - p.amountMinor : null,
      principalMinor: p.method === 'stored_value' ? sv[0] : 0,
      bonusMinor: p.method === 'stored_value' ? sv[1] : 0,
      points: p.method === 'points' ? redeemed : 0,
      refundOfPaymentId: null,
    }));
    const byMethod = (bill: Bill) => req.payments.map((p) => bill.payments.find((x) => x.method === p.method));
    return {
      expect: (r) => {
        const b = r.bill;
        this.check(
          { kind: b.kind, memberId: b.memberId, subtotal: b.subtotalMinor, discount: b.discountMinor, total: b.totalMinor, earned: b.pointsEarned, bp: b.tierDiscountBp },
          { kind: 'sale', memberId: m?.id ?? null, subtotal, discount, total, earned, bp },
          'sale bill',
        );
        this.check(
          b.lines.map((l) => [l.name, l.unitPriceMinor, l.quantity, l.grossMinor, l.discountMinor, l.netMinor]),
          lines.map((l, i) => [l.name, l.unit, l.qty, l.gross, lineDiscounts[i], l.gross - lineDiscounts[i]!]),
          'sale lines',
        );
        this.check(b.payments.length, req.payments.length, 'number of payments');
        this.check(
          byMethod(b).map((p) => p && { ...p, id: undefined }),
          expectedPayments.map((p) => ({ ...p, id: undefined })),
          'sale payments',
        );
        this.check(r.changeMinor, expectedPayments.find((p) => p.method === 'cash')?.changeMinor ?? 0, 'change');
        if (after) this.expectMember(r.member, after, 'member after checkout');
        else this.check(r.member, null, 'walk-in member');
      },
      commit: (r) => {
        if (m && after) Object.assign(m, after);
        const pays = byMethod(r.bill).map((p, i) => ({
          id: p!.id,
          method: p!.method,
          amountLeft: expectedPayments[i]!.amountMinor,
          principalLeft: expectedPayments[i]!.principalMinor,
          bonusLeft: expectedPayments[i]!.bonusMinor,
          pointsLeft: expectedPayments[i]!.points,
        }));
        this.sales.set(r.bill.id, {
          id: r.bill.id,
          memberId: m?.id ?? null,
          total,
          pointsEarned: earned,
          earnedBack: 0,
          lines: r.bill.lines.map((l, i) => ({ id: l.id, name: lines[i]!.name, unit: lines[i]!.unit, qtyLeft: lines[i]!.qty, netLeft: lines[i]!.gross - lineDiscounts[i]!, grossLeft: lines[i]!.gross })),
          pays,
        });
      },
    };
  }

  // ------------------------------------------------------------------ bill refund

  refund(req: RefundCommit): Prediction<RefundResult> {
    const sale = this.sales.get(req.billId);
    if (!sale) return { error: this.refundBillIds.has(req.billId) ? 'NOT_A_SALE' : 'BILL_NOT_FOUND' };
    const policy = this.settings.refundPolicy;
    const requested = new Map<string, number>();
    if (req.lines) {
      for (const l of req.lines) {
        if (!sale.lines.some((x) => x.id === l.lineId)) return { error: 'VALIDATION' };
        requested.set(l.lineId, (requested.get(l.lineId) ?? 0) + l.quantity);
      }
    } else {
      for (const l of sale.lines) if (l.qtyLeft > 0) requested.set(l.id, l.qtyLeft);
    }
    const plan: Array<{ line: MLine; qty: number; net: number; gross: number }> = [];
    for (const line of sale.lines) {
      const qty = requested.get(line.id);
      if (!qty) continue;
      if (qty > line.qtyLeft) return { error: 'REFUND_EXCEEDS_SALE' };
      const whole = qty === line.qtyLeft;
      plan.push({ line, qty, net: whole ? line.netLeft : roundDiv(line.netLeft, qty, line.qtyLeft), gross: whole ? line.grossLeft : line.unit * qty });
    }
    const total = plan.reduce((a, p) => a + p.net, 0);
    const isFinal = sale.lines.every((l) => (requested.get(l.id) ?? 0) === l.qtyLeft);
    if (plan.length === 0 || (total === 0 && !isFinal)) return { error: 'NOTHING_TO_REFUND' };

    const shares = isFinal ? sale.pays.map((p) => p.amountLeft) : largestRemainder(total, sale.pays.map((p) => p.amountLeft));
    type Row = { method: PaymentMethod; amountMinor: number; principalMinor: number; bonusMinor: number; points: number; refundOfPaymentId: string };
    const rows: Row[] = [];
    const payMoves: Array<{ pay: MPay; amount: number; principal: number; bonus: number; points: number }> = [];
    let walletP = 0;
    let walletB = 0;
    let restored = 0;
    sale.pays.forEach((pay, i) => {
      const share = shares[i]!;
      if (share === 0) return;
      if (pay.method === 'stored_value') {
        const [p, b] = share === pay.amountLeft ? [pay.principalLeft, pay.bonusLeft] : (largestRemainder(share, [pay.principalLeft, pay.bonusLeft]) as [number, number]);
        const back = policy.bonus === 'return' ? b : 0;
        walletP += p;
        walletB += back;
        rows.push({ method: 'stored_value', amountMinor: -(p + back), principalMinor: -p, bonusMinor: -back, points: 0, refundOfPaymentId: pay.id });
        if (b - back > 0) rows.push({ method: 'forfeited_bonus', amountMinor: -(b - back), principalMinor: 0, bonusMinor: -(b - back), points: 0, refundOfPaymentId: pay.id });
        payMoves.push({ pay, amount: share, principal: p, bonus: b, points: 0 });
      } else if (pay.method === 'points') {
        const pts = share === pay.amountLeft ? pay.pointsLeft : Math.min(pay.pointsLeft, roundDiv(pay.pointsLeft, share, pay.amountLeft));
        if (policy.redeemedPoints === 'restore') restored += pts;
        rows.push({ method: 'points', amountMinor: -share, principalMinor: 0, bonusMinor: 0, points: -pts, refundOfPaymentId: pay.id });
        payMoves.push({ pay, amount: share, principal: 0, bonus: 0, points: pts });
      } else {
        rows.push({ method: pay.method, amountMinor: -share, principalMinor: 0, bonusMinor: 0, points: 0, refundOfPaymentId: pay.id });
        payMoves.push({ pay, amount: share, principal: 0, bonus: 0, points: 0 });
      }
    });

    const m = this.member(sale.memberId);
    let reversed = 0;
    let waived = 0;
    if (m) {
      const earnedLeft = sale.pointsEarned - sale.earnedBack;
      if (policy.earnedPoints === 'reverse' && earnedLeft > 0) {
        const due = isFinal ? earnedLeft : Math.min(earnedLeft, floorDiv(sale.pointsEarned, total, Math.max(sale.total, 1)));
        reversed = Math.min(due, m.points + restored);
        waived = due - reversed;
      }
    }
    const after = m ? { ...m, principal: m.principal + walletP, bonus: m.bonus + walletB, points: m.points + restored - reversed, spent: m.spent - total } : null;
    const gross = plan.reduce((a, p) => a + p.gross, 0);
    return {
      expect: (r) => {
        const b = r.refund;
        this.check(
          { kind: b.kind, original: b.originalBillId, memberId: b.memberId, subtotal: b.subtotalMinor, discount: b.discountMinor, total: b.totalMinor, earned: b.pointsEarned, waived: b.pointsReversalWaived },
          { kind: 'refund', original: sale.id, memberId: sale.memberId, subtotal: -gross, discount: -(gross - total), total: -total, earned: 0 - reversed, waived },
          'refund bill',
        );
        this.check(
          b.lines.map((l) => [l.refundOfLineId, l.quantity, l.grossMinor, l.netMinor]),
          plan.map((p) => [p.line.id, -p.qty, -p.gross, -p.net]),
          'refund lines',
        );
        this.check(
          b.payments.map((p) => ({ method: p.method, amountMinor: p.amountMinor, principalMinor: p.principalMinor, bonusMinor: p.bonusMinor, points: p.points, refundOfPaymentId: p.refundOfPaymentId })).sort(byPayment),
          [...rows].sort(byPayment),
          'refund payments',
        );
        if (after) this.expectMember(r.member, after, 'member after refund');
        else this.check(r.member, null, 'walk-in refund member');
      },
      commit: (r) => {
        for (const p of plan) {
          p.line.qtyLeft -= p.qty;
          p.line.netLeft -= p.net;
          p.line.grossLeft -= p.gross;
        }
        for (const mv of payMoves) {
          mv.pay.amountLeft -= mv.amount;
          mv.pay.principalLeft -= mv.principal;
          mv.pay.bonusLeft -= mv.bonus;
          mv.pay.pointsLeft -= mv.points;
        }
        sale.earnedBack += reversed + waived;
        if (m && after) Object.assign(m, after);
        this.refundBillIds.add(r.refund.id);
      },
    };
  }

  // ------------------------------------------------------------------ top-up refund

  refundTopup(req: TopupRefundCommit): Prediction<TopupResult> {
    const t = this.topups.get(req.topupId);
    if (!t) return { error: this.topupRefundIds.has(req.topupId) ? 'NOT_A_TOPUP' : 'TOPUP_NOT_FOUND' };
    const m = this.member(t.memberId)!;
    const principalLeft = t.principal - t.refundedPrincipal;
    const bonusLeft = t.bonus - t.refundedBonus;
    const refundable = Math.min(principalLeft, m.principal);
    if (refundable <= 0) return { error: 'TOPUP_REFUND_EXCEEDS' };
    const principal = req.principalMinor ?? refundable;
    if (principal > refundable) return { error: 'TOPUP_REFUND_EXCEEDS' };
    const share = principal === principalLeft ? bonusLeft : Math.min(bonusLeft, roundDiv(t.bonus, principal, t.principal));
    const clawback = Math.min(share, m.bonus);
    const after = { ...m, principal: m.principal - principal, bonus: m.bonus - clawback };
    return {
      expect: (r) => {
        this.check(
          { kind: r.topup.kind, original: r.topup.originalTopupId, p: r.topup.principalMinor, b: r.topup.bonusMinor, method: r.topup.method },
          { kind: 'refund', original: t.id, p: -principal, b: 0 - clawback, method: req.method ?? t.method },
          'top-up refund',
        );
        this.expectMember(r.member, after, 'member after top-up refund');
      },
      commit: (r) => {
        t.refundedPrincipal += principal;
        t.refundedBonus += clawback;
        Object.assign(m, after);
        this.topupRefundIds.add(r.topup.id);
      },
    };
  }

  // ------------------------------------------------------------------ adjustments

  adjustWallet(req: WalletAdjust): Prediction<{ member: MemberSummary }> {
    const m = this.member(req.memberId);
    if (!m) return { error: 'MEMBER_NOT_FOUND' };
    if (m.archived) return { error: 'MEMBER_ARCHIVED' };
    const dp = req.principalDeltaMinor ?? 0;
    const db = req.bonusDeltaMinor ?? 0;
    if (dp === 0 && db === 0) return { error: 'ADJUSTMENT_EMPTY' };
    if (m.principal + dp < 0 || m.bonus + db < 0) return { error: 'ADJUSTMENT_BELOW_ZERO' };
    const after = { ...m, principal: m.principal + dp, bonus: m.bonus + db };
    return { expect: (r) => this.expectMember(r.member, after, 'member after wallet adjustment'), commit: () => Object.assign(m, after) };
  }

  adjustPoints(req: PointsAdjust): Prediction<{ member: MemberSummary }> {
    const m = this.member(req.memberId);
    if (!m) return { error: 'MEMBER_NOT_FOUND' };
    if (m.archived) return { error: 'MEMBER_ARCHIVED' };
    if (req.delta === 0) return { error: 'ADJUSTMENT_EMPTY' };
    if (m.points + req.delta < 0) return { error: 'ADJUSTMENT_BELOW_ZERO' };
    const after = { ...m, points: m.points + req.delta };
    return { expect: (r) => this.expectMember(r.member, after, 'member after points adjustment'), commit: () => Object.assign(m, after) };
  }
}

function byPayment(a: { refundOfPaymentId: string | null; method: string }, b: { refundOfPaymentId: string | null; method: string }): number {
  const x = `${a.refundOfPaymentId}|${a.method}`;
  const y = `${b.refundOfPaymentId}|${b.method}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
