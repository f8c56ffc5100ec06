/**
 * Bills: pricing a cart, checkout with split tender, and refunds as new reversing bills. One call,
 * one transaction: bill + lines + payments + wallet entries + points entries + member totals.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as cmd from './commands.ts';
import type { Ledger } from './db.ts';
import { fail } from './errors.ts';
import { newId } from './ids.ts';
import { runOnce } from './idempotency.ts';
import { getProduct, requireStaff } from './catalog.ts';
import { getMemberSummary, loadActiveMember, loadMember } from './members.ts';
import { allocate, isMinor, MAX_MINOR, mulDivFloor, mulDivRound, sumMinor } from './money.ts';
import { pointsEarnedOn, postPointsEntry } from './points.ts';
import { perConnection, prepared } from './prepared.ts';
import { billLines, bills, members, payments, staff } from './schema.ts';
import { refreshMemberFigures } from './member-figures.ts';
import { getSettings } from './settings.ts';
import { businessDate, isoTime } from './time.ts';
import type { Bill, BillLine, BillSummary, CheckoutQuote, CheckoutResult, Payment, RefundPreview, RefundResult } from './types.ts';
import { planTender, pointsRedeemableMinor, type TenderMember } from './tender.ts';
import { postWalletEntry } from './wallet.ts';

type BillRow = typeof bills.$inferSelect;
type LineRow = typeof billLines.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;

// ---------------------------------------------------------------- pricing

/**
 * Price a cart for a member (or a walk-in): lines, the tier discount spread over lines, the total;
 * with payments, also what they would draw and earn (planTender), problems included as data.
 */
export function quoteCheckout(ledger: Ledger, input: cmd.CheckoutQuoteInput): CheckoutQuote {
  const data = cmd.checkoutQuote.parse(input);
  const member = data.memberId ? loadActiveMember(ledger, data.memberId) : null;
  const settings = getSettings(ledger);
  const priced = priceCart(ledger, member?.tier ?? null, data.lines);
  const holder = member ? tenderMemberOf(member) : null;
  const plan = data.payments ? planTender(holder, settings, priced.totalMinor, data.payments) : null;
  return {
    ...priced,
    member: holder ? { balancePrincipalMinor: holder.balancePrincipalMinor, balanceBonusMinor: holder.balanceBonusMinor, points: holder.points } : null,
    pointsRedeemableMinor: holder ? pointsRedeemableMinor(holder.points, settings) : 0,
    tender: plan
      ? {
          paidMinor: plan.paidMinor,
          dueMinor: plan.dueMinor,
          changeMinor: plan.changeMinor,
          storedValuePrincipalMinor: plan.storedValue.principal,
          storedValueBonusMinor: plan.storedValue.bonus,
          pointsRedeemed: plan.pointsRedeemed,
          pointsEarned: plan.pointsEarned,
          memberAfter: plan.memberAfter,
          problems: plan.problems,
        }
      : null,
  };
}

function tenderMemberOf(member: ReturnType<typeof loadActiveMember>): TenderMember {
  return {
    balancePrincipalMinor: member.row.balancePrincipalMinor,
    balanceBonusMinor: member.row.balanceBonusMinor,
    points: member.row.points,
    pointsPerUnit: member.tier.pointsPerUnit,
  };
}

/** The pricing itself, for a tier already loaded (checkout loads the member once and prices with it). */
type PricedCart = Omit<CheckoutQuote, 'member' | 'pointsRedeemableMinor' | 'tender'>;

function priceCart(ledger: Ledger, tier: { discountBp: number; pointsPerUnit: number } | null, cart: z.output<typeof cmd.checkoutQuote>['lines']): PricedCart {
  const lines = cart.map((line) => {
    if ('productId' in line) {
      const product = getProduct(ledger, line.productId);
      if (!product.active) fail('PRODUCT_INACTIVE', { name: product.name });
      return { productId: product.id, name: product.name, unitPriceMinor: product.priceMinor, quantity: line.quantity };
    }
    return { productId: null, name: line.name, unitPriceMinor: line.amountMinor, quantity: line.quantity };
  });
  const gross = lines.map((l) => l.unitPriceMinor * l.quantity);
  // Each line is below 2^53 (price and quantity are bounded), but the cart may not be: refuse a
  // subtotal beyond the largest accepted amount instead of overflowing or writing it.
  const subtotalMinor = gross.reduce((a, b) => a + b, 0);
  if (!isMinor(subtotalMinor)) fail('AMOUNT_OUT_OF_RANGE', { max: MAX_MINOR });
  const tierDiscountBp = tier?.discountBp ?? 0;
  // The discount is computed once on the subtotal (what the customer expects to see) and then spread
  // over the lines exactly, so a later partial refund returns each line's true share.
  const discountMinor = mulDivRound(subtotalMinor, tierDiscountBp, 10_000);
  const lineDiscounts = allocate(discountMinor, gross);
  const totalMinor = subtotalMinor - discountMinor;
  return {
    lines: lines.map((l, i) => ({
      ...l,
      grossMinor: gross[i]!,
      discountMinor: lineDiscounts[i]!,
      netMinor: gross[i]! - lineDiscounts[i]!,
    })),
    subtotalMinor,
    discountMinor,
    totalMinor,
    tierDiscountBp,
    pointsIfPaidExternally: tier ? pointsEarnedOn(totalMinor, tier.pointsPerUnit) : 0,
  };
}

/** Bill number: business day + per-day, per-till sequence (20261123-0007). */
function nextBillNo(ledger: Ledger, day: string): string {
  const row = prepared<{ value: number }>(ledger.sqlite, 'insert into counters(name, value) values (?, 1) on conflict(name) do update set value = value + 1 returning value').get(
    `bill:${ledger.tillId}:${day}`,
  )!;
  return `${day.replace(/-/g, '')}-${String(row.value).padStart(4, '0')}`;
}

// ---------------------------------------------------------------- checkout

// The writes of a sale or refund, built once per connection (a checkout is the till's hottest path).
const insertBill = perConnection((db) =>
  db
    .insert(bills)
    .values({
      id: sql.placeholder('id'),
      tillId: sql.placeholder('tillId'),
      billNo: sql.placeholder('billNo'),
      businessDate: sql.placeholder('businessDate'),
      kind: sql.placeholder('kind'),
      originalBillId: sql.placeholder('originalBillId'),
      memberId: sql.placeholder('memberId'),
      staffId: sql.placeholder('staffId'),
      subtotalMinor: sql.placeholder('subtotalMinor'),
      discountMinor: sql.placeholder('discountMinor'),
      totalMinor: sql.placeholder('totalMinor'),
      pointsEarned: sql.placeholder('pointsEarned'),
      pointsReversalWaived: sql.placeholder('pointsReversalWaived'),
      tierDiscountBp: sql.placeholder('tierDiscountBp'),
      note: sql.placeholder('note'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);
const insertLine = perConnection((db) =>
  db
    .insert(billLines)
    .values({
      id: sql.placeholder('id'),
      billId: sql.placeholder('billId'),
      lineNo: sql.placeholder('lineNo'),
      productId: sql.placeholder('productId'),
      name: sql.placeholder('name'),
      unitPriceMinor: sql.placeholder('unitPriceMinor'),
      quantity: sql.placeholder('quantity'),
      grossMinor: sql.placeholder('grossMinor'),
      discountMinor: sql.placeholder('discountMinor'),
      netMinor: sql.placeholder('netMinor'),
      refundOfLineId: sql.placeholder('refundOfLineId'),
    })
    .prepare(),
);
const insertPayment = perConnection((db) =>
  db
    .insert(payments)
    .values({
      id: sql.placeholder('id'),
      tillId: sql.placeholder('tillId'),
      billId: sql.placeholder('billId'),
      method: sql.placeholder('method'),
      amountMinor: sql.placeholder('amountMinor'),
      tenderedMinor: sql.placeholder('tenderedMinor'),
      changeMinor: sql.placeholder('changeMinor'),
      principalMinor: sql.placeholder('principalMinor'),
      bonusMinor: sql.placeholder('bonusMinor'),
      points: sql.placeholder('points'),
      refundOfPaymentId: sql.placeholder('refundOfPaymentId'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);
/** A sale's visit on the member row. A second bill on the same business day is not another visit (this bill is already written). */
const countVisit = perConnection((db) =>
  db
    .update(members)
    .set({
      totalSpentMinor: sql`${members.totalSpentMinor} + ${sql.placeholder('totalMinor')}`,
      visitCount: sql`${members.visitCount} + 1`,
      firstVisitAt: sql`coalesce(${members.firstVisitAt}, ${sql.placeholder('createdAt')})`,
      lastVisitAt: sql`${sql.placeholder('createdAt')}`,
      visitDays: sql`${members.visitDays} + ((select count(*) from ${bills} where ${bills.memberId} = ${sql.placeholder('memberId')} and ${bills.businessDate} = ${sql.placeholder('day')} and ${bills.kind} = 'sale') = 1)`,
      firstVisitDate: sql`min(coalesce(${members.firstVisitDate}, ${sql.placeholder('day')}), ${sql.placeholder('day')})`,
      lastVisitDate: sql`max(coalesce(${members.lastVisitDate}, ${sql.placeholder('day')}), ${sql.placeholder('day')})`,
    })
    .where(eq(members.id, sql.placeholder('memberId')))
    .prepare(),
);

export function checkout(ledger: Ledger, input: cmd.CheckoutCommit): CheckoutResult {
  const data = cmd.checkoutCommit.parse(input);
  return runOnce(ledger, 'checkout', data.idempotencyKey, data, () => commitSale(ledger, data), (billId) => {
    const bill = getBill(ledger, billId);
    const cash = bill.payments.find((p) => p.method === 'cash');
    return { bill, member: bill.memberId ? getMemberSummary(ledger, bill.memberId) : null, changeMinor: cash?.changeMinor ?? 0 };
  });
}

function commitSale(ledger: Ledger, data: z.output<typeof cmd.checkoutCommit>): string {
  requireStaff(ledger, data.staffId);
  const settings = getSettings(ledger);
  const member = data.memberId ? loadActiveMember(ledger, data.memberId) : null;
  const quote = priceCart(ledger, member?.tier ?? null, data.lines);

  const plan = planTender(member ? tenderMemberOf(member) : null, settings, quote.totalMinor, data.payments);
  if (plan.dueMinor !== 0) fail('PAYMENT_MISMATCH', { expected: quote.totalMinor, paid: plan.paidMinor });
  const refusal = plan.problems[0];
  if (refusal) fail(refusal.code, refusal.params);

  const now = ledger.clock();
  const createdAt = isoTime(now);
  const day = businessDate(now);
  const billId = newId();
  const paymentRows: PaymentRow[] = plan.payments.map((p) => ({ id: newId(), tillId: ledger.tillId, billId, ...p, refundOfPaymentId: null, createdAt }));
  const { storedValue, pointsRedeemed, pointsEarned } = plan;
  const storedPart = storedValue.principal + storedValue.bonus;

  insertBill(ledger.db).run({
    id: billId,
    tillId: ledger.tillId,
    billNo: nextBillNo(ledger, day),
    businessDate: day,
    kind: 'sale',
    originalBillId: null,
    pointsReversalWaived: 0,
    memberId: member?.row.id ?? null,
    staffId: data.staffId,
    subtotalMinor: quote.subtotalMinor,
    discountMinor: quote.discountMinor,
    totalMinor: quote.totalMinor,
    pointsEarned,
    tierDiscountBp: quote.tierDiscountBp,
    note: data.note,
    createdAt,
  });
  const lineStatement = insertLine(ledger.db);
  quote.lines.forEach((l, i) => lineStatement.run({ id: newId(), billId, lineNo: i + 1, refundOfLineId: null, ...l }));
  const paymentStatement = insertPayment(ledger.db);
  for (const p of paymentRows) paymentStatement.run(p);

  if (member) {
    const memberId = member.row.id;
    if (storedPart > 0) {
      postWalletEntry(ledger, { memberId, kind: 'spend', principalDelta: -storedValue.principal, bonusDelta: -storedValue.bonus, billId, staffId: data.staffId });
    }
    if (pointsRedeemed > 0) postPointsEntry(ledger, { memberId, kind: 'redeem', delta: -pointsRedeemed, billId, staffId: data.staffId });
    if (pointsEarned > 0) postPointsEntry(ledger, { memberId, kind: 'earn', delta: pointsEarned, billId, staffId: data.staffId });
    countVisit(ledger.db).run({ memberId, totalMinor: quote.totalMinor, createdAt, day });
    refreshMemberFigures(ledger, memberId, settings.retention);
  }
  return billId;
}

// ---------------------------------------------------------------- reading bills

function summaryOf(row: BillRow, memberName: string | null, staffName: string, refundedMinor: number): BillSummary {
  return {
    id: row.id,
    billNo: row.billNo,
    businessDate: row.businessDate,
    kind: row.kind,
    originalBillId: row.originalBillId,
    memberId: row.memberId,
    memberName,
    staffName,
    totalMinor: row.totalMinor,
    pointsEarned: row.pointsEarned,
    createdAt: row.createdAt,
    refundedMinor,
  };
}

/**
 * What the refund bills against each listed bill have taken back (positive; 0 for a refund, which has
 * none against it), read with the bill itself: a correlated subquery on the bills_original index, so a
 * list shows refund states without one detail call per bill.
 */
const refundedMinorOfBill = sql<number>`(select coalesce(-sum(r.total_minor), 0) from bills r where r.original_bill_id = ${bills.id})`;

/** A bill with what a summary needs beside it: member and staff names, and what was refunded of it. */
function selectSummaries(ledger: Ledger) {
  return selectSummariesFrom(ledger.db);
}

function selectSummariesFrom(db: Ledger['db']) {
  return db
    .select({ bill: bills, memberName: members.name, staffName: staff.name, refundedMinor: refundedMinorOfBill })
    .from(bills)
    .leftJoin(members, eq(bills.memberId, members.id))
    .innerJoin(staff, eq(bills.staffId, staff.id));
}

function billSummaries(ledger: Ledger, where: ReturnType<typeof eq> | undefined, limit: number, order: 'asc' | 'desc'): BillSummary[] {
  return selectSummaries(ledger)
    .where(where)
    .orderBy(order === 'asc' ? asc(bills.createdAt) : desc(bills.createdAt), order === 'asc' ? asc(bills.id) : desc(bills.id))
    .limit(limit)
    .all()
    .map((r) => summaryOf(r.bill, r.memberName, r.staffName, r.refundedMinor));
}

export function listBillsOfDay(ledger: Ledger, input: z.input<typeof cmd.billList>): BillSummary[] {
  const { businessDate: day, limit } = cmd.billList.parse(input);
  return billSummaries(ledger, eq(bills.businessDate, day), limit, 'desc');
}

const billsOfMember = perConnection((db) =>
  selectSummariesFrom(db).where(eq(bills.memberId, sql.placeholder('memberId'))).orderBy(desc(bills.createdAt), desc(bills.id)).limit(sql.placeholder('limit')).prepare(),
);

export function listMemberBills(ledger: Ledger, memberId: string, limit: number): BillSummary[] {
  return billsOfMember(ledger.db)
    .all({ memberId, limit })
    .map((r) => summaryOf(r.bill, r.memberName, r.staffName, r.refundedMinor));
}

// A bill with its lines, payments and refunds: read after every checkout and refund, so built once per connection.
const billById = perConnection((db) => selectSummariesFrom(db).where(eq(bills.id, sql.placeholder('billId'))).prepare());
const linesOfBill = perConnection((db) => db.select().from(billLines).where(eq(billLines.billId, sql.placeholder('billId'))).orderBy(asc(billLines.lineNo)).prepare());
const paymentsOfBill = perConnection((db) => db.select().from(payments).where(eq(payments.billId, sql.placeholder('billId'))).orderBy(asc(payments.id)).prepare());
const refundsOfBill = perConnection((db) =>
  selectSummariesFrom(db).where(eq(bills.originalBillId, sql.placeholder('billId'))).orderBy(asc(bills.createdAt), asc(bills.id)).limit(1000).prepare(),
);
/** Per line of a sale, what its refunds took back (positive numbers). */
const refundedLinesOfBill = perConnection((db) =>
  db
    .select({
      lineId: billLines.refundOfLineId,
      quantity: sql<number>`-sum(${billLines.quantity})`,
      net: sql<number>`-sum(${billLines.netMinor})`,
      gross: sql<number>`-sum(${billLines.grossMinor})`,
    })
    .from(billLines)
    .innerJoin(bills, eq(bills.id, billLines.billId))
    .where(eq(bills.originalBillId, sql.placeholder('billId')))
    .groupBy(billLines.refundOfLineId)
    .prepare(),
);

/** Per payment of a sale, what its refunds returned (positive numbers). */
const refundedPaymentsOfBill = perConnection((db) =>
  db
    .select({
      paymentId: payments.refundOfPaymentId,
      amount: sql<number>`-sum(${payments.amountMinor})`,
      principal: sql<number>`-sum(${payments.principalMinor})`,
      bonus: sql<number>`-sum(${payments.bonusMinor})`,
      points: sql<number>`-sum(${payments.points})`,
    })
    .from(payments)
    .innerJoin(bills, eq(bills.id, payments.billId))
    .where(eq(bills.originalBillId, sql.placeholder('billId')))
    .groupBy(payments.refundOfPaymentId)
    .prepare(),
);
const billRowById = perConnection((db) => db.select().from(bills).where(eq(bills.id, sql.placeholder('billId'))).prepare());
/** A refund's spend taken off the member row (the visit itself stays: they did come). */
const takeBackSpend = perConnection((db) =>
  db
    .update(members)
    .set({ totalSpentMinor: sql`${members.totalSpentMinor} - ${sql.placeholder('totalMinor')}` })
    .where(eq(members.id, sql.placeholder('memberId')))
    .prepare(),
);

export function getBill(ledger: Ledger, billId: string): Bill {
  const found = billById(ledger.db).get({ billId });
  if (!found) fail('BILL_NOT_FOUND');
  const row = found.bill;
  const lineRows = linesOfBill(ledger.db).all({ billId });
  const paymentRows = paymentsOfBill(ledger.db).all({ billId });
  const refunded = new Map<string, { quantity: number; net: number; gross: number }>();
  if (row.kind === 'sale') for (const r of refundedLinesOfBill(ledger.db).all({ billId })) if (r.lineId) refunded.set(r.lineId, r);
  return {
    ...summaryOf(row, found.memberName, found.staffName, found.refundedMinor),
    staffId: row.staffId,
    subtotalMinor: row.subtotalMinor,
    discountMinor: row.discountMinor,
    pointsReversalWaived: row.pointsReversalWaived,
    tierDiscountBp: row.tierDiscountBp,
    note: row.note,
    lines: lineRows.map((l): BillLine => {
      const r = refunded.get(l.id) ?? { quantity: 0, net: 0, gross: 0 };
      return { ...lineView(l), refundedQuantity: r.quantity, refundedMinor: r.net };
    }),
    payments: paymentRows.map(paymentView),
    refunds: row.kind === 'sale' ? refundsOfBill(ledger.db).all({ billId }).map((r) => summaryOf(r.bill, r.memberName, r.staffName, r.refundedMinor)) : [],
  };
}

function lineView(l: LineRow): Omit<BillLine, 'refundedQuantity' | 'refundedMinor'> {
  return {
    id: l.id,
    lineNo: l.lineNo,
    productId: l.productId,
    name: l.name,
    unitPriceMinor: l.unitPriceMinor,
    quantity: l.quantity,
    grossMinor: l.grossMinor,
    discountMinor: l.discountMinor,
    netMinor: l.netMinor,
    refundOfLineId: l.refundOfLineId,
  };
}

function paymentView(p: PaymentRow): Payment {
  return {
    id: p.id,
    method: p.method,
    amountMinor: p.amountMinor,
    tenderedMinor: p.tenderedMinor,
    changeMinor: p.changeMinor,
    principalMinor: p.principalMinor,
    bonusMinor: p.bonusMinor,
    points: p.points,
    refundOfPaymentId: p.refundOfPaymentId,
  };
}

// ---------------------------------------------------------------- refunds

interface RefundPlan {
  sale: BillRow;
  lines: Array<{ sale: LineRow; quantity: number; gross: number; net: number }>;
  total: number;
  isFinal: boolean;
  /** Rows to write, signed as stored (negative), one or two per original payment. */
  paymentRows: Array<Omit<PaymentRow, 'id' | 'billId' | 'createdAt' | 'tillId'>>;
  walletBack: { principal: number; bonus: number };
  pointsRestored: number;
  pointsRedeemedForfeited: number;
  bonusForfeited: number;
  pointsReversed: number;
  pointsWaived: number;
  memberAfter: { balancePrincipalMinor: number; balanceBonusMinor: number; points: number } | null;
}

/**
 * Work out a refund without writing anything: which part of each line, how the money goes back over
 * the original tenders, and what happens to points and bonus under the shop's refund policy. Both the
 * preview the cashier confirms and the refund itself use this one plan.
 */
function planRefund(ledger: Ledger, input: cmd.RefundRequest): RefundPlan {
  const data = cmd.refundRequest.parse(input);
  const sale = billRowById(ledger.db).get({ billId: data.billId });
  if (!sale) fail('BILL_NOT_FOUND');
  if (sale.kind !== 'sale') fail('NOT_A_SALE');
  // A visit imported from the old system (src-main/imports) is history, not money this till took.
  if (sale.importBatchId) fail('IMPORTED_BILL_NOT_REFUNDABLE');
  const policy = getSettings(ledger).refundPolicy;
  const saleLines = linesOfBill(ledger.db).all({ billId: sale.id });
  const refundedLines = new Map(refundedLinesOfBill(ledger.db).all({ billId: sale.id }).map((r) => [r.lineId, r]));

  const remaining = saleLines.map((l) => {
    const r = refundedLines.get(l.id) ?? { quantity: 0, net: 0, gross: 0 };
    return { sale: l, quantity: l.quantity - r.quantity, net: l.netMinor - r.net, gross: l.grossMinor - r.gross };
  });
  const requested = new Map<string, number>();
  if (data.lines) {
    for (const req of data.lines) {
      if (!saleLines.some((l) => l.id === req.lineId)) fail('VALIDATION', { field: 'lineId' });
      requested.set(req.lineId, (requested.get(req.lineId) ?? 0) + req.quantity);
    }
  } else {
    for (const r of remaining) if (r.quantity > 0) requested.set(r.sale.id, r.quantity);
  }

  const lines: RefundPlan['lines'] = [];
  for (const r of remaining) {
    const quantity = requested.get(r.sale.id);
    if (!quantity) continue;
    if (quantity > r.quantity) fail('REFUND_EXCEEDS_SALE', { name: r.sale.name, left: r.quantity });
    // The last units of a line take exactly what is left, so rounding never leaves or takes a cent.
    const whole = quantity === r.quantity;
    lines.push({
      sale: r.sale,
      quantity,
      gross: whole ? r.gross : r.sale.unitPriceMinor * quantity,
      net: whole ? r.net : mulDivRound(r.net, quantity, r.quantity),
    });
  }
  const total = sumMinor(lines.map((l) => l.net));
  const remainingTotal = sumMinor(remaining.map((r) => r.net));
  const isFinal = remaining.every((r) => (requested.get(r.sale.id) ?? 0) === r.quantity);
  if (lines.length === 0 || (total === 0 && !isFinal)) fail('NOTHING_TO_REFUND');

  // Money goes back over the original tenders in proportion to what each still holds.
  const salePayments = paymentsOfBill(ledger.db).all({ billId: sale.id });
  const refundedPayments = new Map(refundedPaymentsOfBill(ledger.db).all({ billId: sale.id }).map((r) => [r.paymentId, r]));
  const left = salePayments.map((p) => {
    const r = refundedPayments.get(p.id) ?? { amount: 0, principal: 0, bonus: 0, points: 0 };
    return { p, amount: p.amountMinor - r.amount, principal: p.principalMinor - r.principal, bonus: p.bonusMinor - r.bonus, points: p.points - r.points };
  });
  const shares = isFinal ? left.map((l) => l.amount) : allocate(total, left.map((l) => l.amount));

  const paymentRows: RefundPlan['paymentRows'] = [];
  const walletBack = { principal: 0, bonus: 0 };
  let pointsRestored = 0;
  let pointsRedeemedForfeited = 0;
  let bonusForfeited = 0;
  const base = { tenderedMinor: null, changeMinor: null, principalMinor: 0, bonusMinor: 0, points: 0 };
  left.forEach((l, i) => {
    const share = shares[i]!;
    if (share === 0) return;
    const refundOfPaymentId = l.p.id;
    if (l.p.method === 'stored_value') {
      const [principal, bonus] = (share === l.amount ? [l.principal, l.bonus] : allocate(share, [l.principal, l.bonus])) as [number, number];
      const bonusBack = policy.bonus === 'return' ? bonus : 0;
      walletBack.principal += principal;
      walletBack.bonus += bonusBack;
      paymentRows.push({ ...base, method: 'stored_value', amountMinor: -(principal + bonusBack), principalMinor: -principal, bonusMinor: -bonusBack, refundOfPaymentId });
      if (bonus - bonusBack > 0) {
        bonusForfeited += bonus - bonusBack;
        paymentRows.push({ ...base, method: 'forfeited_bonus', amountMinor: -(bonus - bonusBack), bonusMinor: -(bonus - bonusBack), refundOfPaymentId });
      }
    } else if (l.p.method === 'points') {
      const points = share === l.amount ? l.points : Math.min(l.points, mulDivRound(l.points, share, l.amount));
      const back = policy.redeemedPoints === 'restore' ? points : 0;
      pointsRestored += back;
      pointsRedeemedForfeited += points - back;
      // The row accounts for the redeemed points either way; only pointsRestored goes back to the member.
      paymentRows.push({ ...base, method: 'points', amountMinor: -share, points: -points, refundOfPaymentId });
    } else {
      paymentRows.push({ ...base, method: l.p.method, amountMinor: -share, refundOfPaymentId });
    }
  });
  if (sumMinor(paymentRows.map((p) => p.amountMinor)) !== -total) {
    throw new Error(`refund tenders do not add up (${remainingTotal})`);
  }

  // Earned points come back in proportion to the money refunded, but never below zero: what the
  // member already spent is waived (and recorded on the refund) rather than pushing points negative.
  let pointsReversed = 0;
  let pointsWaived = 0;
  let memberAfter: RefundPlan['memberAfter'] = null;
  if (sale.memberId) {
    const { row: member } = loadMember(ledger, sale.memberId);
    const prior = ledger.db
      .select({ reversed: sql<number>`coalesce(-sum(${bills.pointsEarned}), 0)`, waived: sql<number>`coalesce(sum(${bills.pointsReversalWaived}), 0)` })
      .from(bills)
      .where(and(eq(bills.originalBillId, sale.id), eq(bills.kind, 'refund')))
      .get() ?? { reversed: 0, waived: 0 };
    const earnedLeft = sale.pointsEarned - prior.reversed - prior.waived;
    if (policy.earnedPoints === 'reverse' && earnedLeft > 0) {
      const due = isFinal ? earnedLeft : Math.min(earnedLeft, mulDivFloor(sale.pointsEarned, total, Math.max(sale.totalMinor, 1)));
      pointsReversed = Math.min(due, member.points + pointsRestored);
      pointsWaived = due - pointsReversed;
    }
    memberAfter = {
      balancePrincipalMinor: member.balancePrincipalMinor + walletBack.principal,
      balanceBonusMinor: member.balanceBonusMinor + walletBack.bonus,
      points: member.points + pointsRestored - pointsReversed,
    };
  }
  return { sale, lines, total, isFinal, paymentRows, walletBack, pointsRestored, pointsRedeemedForfeited, bonusForfeited, pointsReversed, pointsWaived, memberAfter };
}

export function previewRefund(ledger: Ledger, input: cmd.RefundRequest): RefundPreview {
  const plan = planRefund(ledger, input);
  return {
    billId: plan.sale.id,
    lines: plan.lines.map((l) => ({ lineId: l.sale.id, name: l.sale.name, quantity: l.quantity, amountMinor: l.net })),
    totalMinor: plan.total,
    // `0 - x`, not `-x`: a zero part must read 0, not -0 (which IPC keeps and Intl shows as "-¥0.00").
    tenders: plan.paymentRows.map((p) => ({
      paymentId: p.refundOfPaymentId!,
      method: p.method,
      amountMinor: 0 - p.amountMinor,
      principalMinor: 0 - p.principalMinor,
      bonusMinor: 0 - p.bonusMinor,
      points: 0 - p.points,
    })),
    policy: getSettings(ledger).refundPolicy,
    pointsEarnedReversed: plan.pointsReversed,
    pointsEarnedWaived: plan.pointsWaived,
    pointsRedeemedRestored: plan.pointsRestored,
    pointsRedeemedForfeited: plan.pointsRedeemedForfeited,
    bonusForfeitedMinor: plan.bonusForfeited,
    isFinal: plan.isFinal,
    memberAfter: plan.memberAfter,
  };
}

export function refundBill(ledger: Ledger, input: cmd.RefundCommit): RefundResult {
  const data = cmd.refundCommit.parse(input);
  return runOnce(
    ledger,
    'bills.refund',
    data.idempotencyKey,
    data,
    () => {
        requireStaff(ledger, data.staffId);
        const plan = planRefund(ledger, data);
        const now = ledger.clock();
        const createdAt = isoTime(now);
        const day = businessDate(now);
        const billId = newId();
        const gross = sumMinor(plan.lines.map((l) => l.gross));
        insertBill(ledger.db).run({
          id: billId,
          tillId: ledger.tillId,
          billNo: nextBillNo(ledger, day),
          businessDate: day,
          kind: 'refund',
          originalBillId: plan.sale.id,
          memberId: plan.sale.memberId,
          staffId: data.staffId,
          subtotalMinor: -gross,
          discountMinor: -(gross - plan.total),
          totalMinor: -plan.total,
          pointsEarned: -plan.pointsReversed,
          pointsReversalWaived: plan.pointsWaived,
          tierDiscountBp: plan.sale.tierDiscountBp,
          note: data.reason,
          createdAt,
        });
        plan.lines.forEach((l, i) =>
          insertLine(ledger.db).run({
            id: newId(),
            billId,
            lineNo: i + 1,
            productId: l.sale.productId,
            name: l.sale.name,
            unitPriceMinor: l.sale.unitPriceMinor,
            quantity: -l.quantity,
            grossMinor: -l.gross,
            discountMinor: -(l.gross - l.net),
            netMinor: -l.net,
            refundOfLineId: l.sale.id,
          }),
        );
        for (const p of plan.paymentRows) insertPayment(ledger.db).run({ ...p, id: newId(), tillId: ledger.tillId, billId, createdAt });
        const memberId = plan.sale.memberId;
        if (memberId) {
          const staffId = data.staffId;
          if (plan.walletBack.principal + plan.walletBack.bonus > 0) {
            postWalletEntry(ledger, { memberId, kind: 'spend_refund', principalDelta: plan.walletBack.principal, bonusDelta: plan.walletBack.bonus, billId, reason: data.reason, staffId });
          }
          if (plan.pointsRestored > 0) postPointsEntry(ledger, { memberId, kind: 'redeem_restore', delta: plan.pointsRestored, billId, staffId });
          if (plan.pointsReversed > 0) postPointsEntry(ledger, { memberId, kind: 'earn_reversal', delta: -plan.pointsReversed, billId, staffId });
          takeBackSpend(ledger.db).run({ memberId, totalMinor: plan.total });
          refreshMemberFigures(ledger, memberId, getSettings(ledger).retention);
        }
        return billId;
    },
    (billId) => {
      const refund = getBill(ledger, billId);
      return { refund, member: refund.memberId ? getMemberSummary(ledger, refund.memberId) : null };
    },
  );
}
