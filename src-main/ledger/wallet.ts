/**
 * Stored value: the append-only wallet ledger (principal and bonus kept apart), top-ups with bonus
 * rules, top-up refunds (principal only, never below zero) and manual adjustments. The member row's
 * balance columns are a cache that only postWalletEntry writes, in the caller's transaction.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as cmd from './commands.ts';
import type { Ledger } from './db.ts';
import { fail, type ErrorCode } from './errors.ts';
import { newId } from './ids.ts';
import { runOnce } from './idempotency.ts';
import { bonusRuleFor, requireStaff } from './catalog.ts';
import { getMemberSummary, loadActiveMember, loadMember } from './members.ts';
import { allocate, mulDivRound } from './money.ts';
import { perConnection } from './prepared.ts';
import { members, staff, topups, walletEntries } from './schema.ts';
import type { Settings } from './settings-schema.ts';
import { businessDate, isoTime } from './time.ts';
import type { AdjustmentResult, MemberBalances, Topup, TopupQuote, TopupRefundPreview, TopupResult, WalletEntry } from './types.ts';

type WalletKind = (typeof walletEntries.$inferInsert)['kind'];

export interface WalletBalance {
  principal: number;
  bonus: number;
}

const balanceOf = perConnection((db) =>
  db.select({ principal: members.balancePrincipalMinor, bonus: members.balanceBonusMinor }).from(members).where(eq(members.id, sql.placeholder('memberId'))).prepare(),
);
const insertWalletEntry = perConnection((db) =>
  db
    .insert(walletEntries)
    .values({
      id: sql.placeholder('id'),
      tillId: sql.placeholder('tillId'),
      memberId: sql.placeholder('memberId'),
      kind: sql.placeholder('kind'),
      principalDeltaMinor: sql.placeholder('principalDeltaMinor'),
      bonusDeltaMinor: sql.placeholder('bonusDeltaMinor'),
      principalAfterMinor: sql.placeholder('principalAfterMinor'),
      bonusAfterMinor: sql.placeholder('bonusAfterMinor'),
      billId: sql.placeholder('billId'),
      topupId: sql.placeholder('topupId'),
      reason: sql.placeholder('reason'),
      staffId: sql.placeholder('staffId'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);
const setBalance = perConnection((db) =>
  db
    .update(members)
    .set({ balancePrincipalMinor: sql`${sql.placeholder('principal')}`, balanceBonusMinor: sql`${sql.placeholder('bonus')}` })
    .where(eq(members.id, sql.placeholder('memberId')))
    .prepare(),
);

export function currentBalance(ledger: Ledger, memberId: string): WalletBalance {
  const row = balanceOf(ledger.db).get({ memberId });
  if (!row) fail('MEMBER_NOT_FOUND');
  return row;
}

/**
 * Append one wallet entry and move the member's cached balance with it. A result below zero is
 * refused with `belowZero` (INSUFFICIENT_BALANCE at the till, ADJUSTMENT_BELOW_ZERO for corrections).
 */
export function postWalletEntry(
  ledger: Ledger,
  entry: {
    memberId: string;
    kind: WalletKind;
    principalDelta: number;
    bonusDelta: number;
    billId?: string | null;
    topupId?: string | null;
    reason?: string;
    staffId: string;
  },
  belowZero: ErrorCode = 'INSUFFICIENT_BALANCE',
): WalletBalance {
  const before = currentBalance(ledger, entry.memberId);
  const after = { principal: before.principal + entry.principalDelta, bonus: before.bonus + entry.bonusDelta };
  if (after.principal < 0 || after.bonus < 0) fail(belowZero, { available: before.principal + before.bonus });
  if (entry.principalDelta === 0 && entry.bonusDelta === 0) return before;
  insertWalletEntry(ledger.db).run({
    id: newId(),
    tillId: ledger.tillId,
    memberId: entry.memberId,
    kind: entry.kind,
    principalDeltaMinor: entry.principalDelta,
    bonusDeltaMinor: entry.bonusDelta,
    principalAfterMinor: after.principal,
    bonusAfterMinor: after.bonus,
    billId: entry.billId ?? null,
    topupId: entry.topupId ?? null,
    reason: entry.reason ?? '',
    staffId: entry.staffId,
    createdAt: isoTime(ledger.clock()),
  });
  setBalance(ledger.db).run({ principal: after.principal, bonus: after.bonus, memberId: entry.memberId });
  return after;
}

/**
 * How a stored-value spend draws on principal and bonus, per the shop's setting. Proportional (the
 * default) keeps the bonus share of the balance constant, so a later top-up refund finds principal.
 */
export function splitSpend(balance: WalletBalance, amountMinor: number, order: Settings['walletSpendOrder']): WalletBalance {
  if (amountMinor > balance.principal + balance.bonus) {
    fail('INSUFFICIENT_BALANCE', { available: balance.principal + balance.bonus, needed: amountMinor });
  }
  if (order === 'principal_first') {
    const principal = Math.min(amountMinor, balance.principal);
    return { principal, bonus: amountMinor - principal };
  }
  if (order === 'bonus_first') {
    const bonus = Math.min(amountMinor, balance.bonus);
    return { principal: amountMinor - bonus, bonus };
  }
  const [principal, bonus] = allocate(amountMinor, [balance.principal, balance.bonus]) as [number, number];
  return { principal, bonus };
}

function toTopup(row: typeof topups.$inferSelect, staffName: string, refundedPrincipalMinor: number): Topup {
  return {
    id: row.id,
    kind: row.kind,
    originalTopupId: row.originalTopupId,
    memberId: row.memberId,
    staffId: row.staffId,
    staffName,
    method: row.method,
    principalMinor: row.principalMinor,
    bonusMinor: row.bonusMinor,
    bonusRuleId: row.bonusRuleId,
    businessDate: row.businessDate,
    note: row.note,
    createdAt: row.createdAt,
    refundedPrincipalMinor,
  };
}

/** What has already gone back on a top-up (positive numbers). */
const refundedOfTopupQuery = perConnection((db) =>
  db
    .select({
      principal: sql<number>`coalesce(-sum(${topups.principalMinor}), 0)`,
      bonus: sql<number>`coalesce(-sum(${topups.bonusMinor}), 0)`,
    })
    .from(topups)
    .where(eq(topups.originalTopupId, sql.placeholder('topupId')))
    .prepare(),
);
const topupWithStaff = perConnection((db) => db.select().from(topups).innerJoin(staff, eq(topups.staffId, staff.id)).where(eq(topups.id, sql.placeholder('topupId'))).prepare());
const insertTopup = perConnection((db) =>
  db
    .insert(topups)
    .values({
      id: sql.placeholder('id'),
      tillId: sql.placeholder('tillId'),
      kind: 'topup',
      memberId: sql.placeholder('memberId'),
      staffId: sql.placeholder('staffId'),
      method: sql.placeholder('method'),
      principalMinor: sql.placeholder('principalMinor'),
      bonusMinor: sql.placeholder('bonusMinor'),
      bonusRuleId: sql.placeholder('bonusRuleId'),
      businessDate: sql.placeholder('businessDate'),
      note: sql.placeholder('note'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);

function refundedOfTopup(ledger: Ledger, topupId: string): WalletBalance {
  const row = refundedOfTopupQuery(ledger.db).get({ topupId });
  return { principal: row?.principal ?? 0, bonus: row?.bonus ?? 0 };
}

export function getTopup(ledger: Ledger, topupId: string): Topup {
  const found = topupWithStaff(ledger.db).get({ topupId });
  if (!found) fail('TOPUP_NOT_FOUND');
  const refunded = found.topups.kind === 'topup' ? refundedOfTopup(ledger, topupId).principal : 0;
  return toTopup(found.topups, found.staff.name, refunded);
}

/** A top-up (or top-up refund) with the member's balances after it: what the till shows. */
function topupResult(ledger: Ledger, topupId: string): Omit<TopupResult, 'replayed'> {
  const topup = getTopup(ledger, topupId);
  return { topup, member: getMemberSummary(ledger, topup.memberId) };
}

export function listMemberTopups(ledger: Ledger, memberId: string, limit: number): Topup[] {
  const rows = topupsOf(ledger.db).all({ memberId, limit });
  return rows.map((r) => toTopup(r.topup, r.staffName, r.refunded));
}

export function quoteTopup(ledger: Ledger, input: z.input<typeof cmd.topupQuote>): TopupQuote {
  const { principalMinor } = cmd.topupQuote.parse(input);
  const { rule, next } = bonusRuleFor(ledger, principalMinor);
  return { principalMinor, bonusMinor: rule?.bonusMinor ?? 0, bonusRuleId: rule?.id ?? null, nextRule: next };
}

export function topUp(ledger: Ledger, input: cmd.TopupCommit): TopupResult {
  const data = cmd.topupCommit.parse(input);
  return runOnce(
    ledger,
    'topups.create',
    data.idempotencyKey,
    data,
    () => {
      requireStaff(ledger, data.staffId);
      const { row: member } = loadActiveMember(ledger, data.memberId);
      const quote = quoteTopup(ledger, { principalMinor: data.principalMinor });
      const now = ledger.clock();
      const id = newId();
      insertTopup(ledger.db).run({
        id,
        tillId: ledger.tillId,
        memberId: member.id,
        staffId: data.staffId,
        method: data.method,
        principalMinor: quote.principalMinor,
        bonusMinor: quote.bonusMinor,
        bonusRuleId: quote.bonusRuleId,
        businessDate: businessDate(now),
        note: data.note,
        createdAt: isoTime(now),
      });
      postWalletEntry(ledger, { memberId: member.id, kind: 'topup', principalDelta: quote.principalMinor, bonusDelta: quote.bonusMinor, topupId: id, staffId: data.staffId });
      return id;
    },
    (topupId) => topupResult(ledger, topupId),
  );
}

interface TopupRefundPlan {
  topup: typeof topups.$inferSelect;
  refundablePrincipal: number;
  principal: number;
  bonusClawback: number;
  method: Topup['method'];
  memberAfter: MemberBalances;
}

/**
 * A top-up refund returns principal only: at most what is left of this top-up's principal and never
 * more than the member's principal balance (they may have spent it). The bonus that came with the
 * returned principal is withdrawn in proportion, as far as the bonus balance allows.
 */
function planTopupRefund(ledger: Ledger, input: z.input<typeof cmd.topupRefundRequest>): TopupRefundPlan {
  const data = cmd.topupRefundRequest.parse(input);
  const topup = ledger.db.select().from(topups).where(eq(topups.id, data.topupId)).get();
  if (!topup) fail('TOPUP_NOT_FOUND');
  if (topup.kind !== 'topup') fail('NOT_A_TOPUP');
  const { row: member } = loadMember(ledger, topup.memberId);
  const refunded = refundedOfTopup(ledger, topup.id);
  const principalLeft = topup.principalMinor - refunded.principal;
  const bonusLeft = topup.bonusMinor - refunded.bonus;
  const refundablePrincipal = Math.min(principalLeft, member.balancePrincipalMinor);
  if (refundablePrincipal <= 0) fail('TOPUP_REFUND_EXCEEDS', { max: 0 });
  const principal = data.principalMinor ?? refundablePrincipal;
  if (principal > refundablePrincipal) fail('TOPUP_REFUND_EXCEEDS', { max: refundablePrincipal });
  const bonusShare = principal === principalLeft ? bonusLeft : Math.min(bonusLeft, mulDivRound(topup.bonusMinor, principal, topup.principalMinor));
  const bonusClawback = Math.min(bonusShare, member.balanceBonusMinor);
  return {
    topup,
    refundablePrincipal,
    principal,
    bonusClawback,
    method: data.method ?? topup.method,
    memberAfter: {
      balancePrincipalMinor: member.balancePrincipalMinor - principal,
      balanceBonusMinor: member.balanceBonusMinor - bonusClawback,
      points: member.points,
    },
  };
}

export function previewTopupRefund(ledger: Ledger, input: z.input<typeof cmd.topupRefundRequest>): TopupRefundPreview {
  const plan = planTopupRefund(ledger, input);
  return {
    topupId: plan.topup.id,
    refundablePrincipalMinor: plan.refundablePrincipal,
    principalMinor: plan.principal,
    bonusClawbackMinor: plan.bonusClawback,
    method: plan.method,
    memberAfter: plan.memberAfter,
  };
}

export function refundTopup(ledger: Ledger, input: cmd.TopupRefundCommit): TopupResult {
  const data = cmd.topupRefundCommit.parse(input);
  return runOnce(
    ledger,
    'topups.refund',
    data.idempotencyKey,
    data,
    () => {
      requireStaff(ledger, data.staffId);
      const plan = planTopupRefund(ledger, data);
      const now = ledger.clock();
      const id = newId();
      ledger.db
        .insert(topups)
        .values({
          id,
          tillId: ledger.tillId,
          kind: 'refund',
          originalTopupId: plan.topup.id,
          memberId: plan.topup.memberId,
          staffId: data.staffId,
          method: plan.method,
          principalMinor: -plan.principal,
          bonusMinor: -plan.bonusClawback,
          businessDate: businessDate(now),
          note: data.reason,
          createdAt: isoTime(now),
        })
        .run();
      postWalletEntry(ledger, {
        memberId: plan.topup.memberId,
        kind: 'topup_refund',
        principalDelta: -plan.principal,
        bonusDelta: -plan.bonusClawback,
        topupId: id,
        reason: data.reason,
        staffId: data.staffId,
      });
      return id;
    },
    (topupId) => topupResult(ledger, topupId),
  );
}

/** Manual correction of stored value with a reason. Never leaves principal or bonus below zero. */
export function adjustWallet(ledger: Ledger, input: cmd.WalletAdjust): AdjustmentResult {
  const data = cmd.walletAdjust.parse(input);
  return runOnce(
    ledger,
    'wallet.adjust',
    data.idempotencyKey,
    data,
    () => {
      requireStaff(ledger, data.staffId);
      const { row } = loadActiveMember(ledger, data.memberId);
      if (data.principalDeltaMinor === 0 && data.bonusDeltaMinor === 0) fail('ADJUSTMENT_EMPTY');
      postWalletEntry(
        ledger,
        { memberId: row.id, kind: 'adjust', principalDelta: data.principalDeltaMinor, bonusDelta: data.bonusDeltaMinor, reason: data.reason, staffId: data.staffId },
        'ADJUSTMENT_BELOW_ZERO',
      );
      return row.id;
    },
    (memberId) => ({ member: getMemberSummary(ledger, memberId) }),
  );
}

/** Wallet entries of one member, newest first. */
// The member page's lists: built once per connection.
const walletEntriesOf = perConnection((db) =>
  db
    .select({ entry: walletEntries, staffName: staff.name })
    .from(walletEntries)
    .innerJoin(staff, eq(walletEntries.staffId, staff.id))
    .where(eq(walletEntries.memberId, sql.placeholder('memberId')))
    .orderBy(desc(walletEntries.createdAt), desc(walletEntries.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);
const topupsOf = perConnection((db) =>
  db
    .select({
      topup: topups,
      staffName: staff.name,
      refunded: sql<number>`coalesce((select -sum(r.principal_minor) from topups r where r.original_topup_id = ${topups.id}), 0)`,
    })
    .from(topups)
    .innerJoin(staff, eq(topups.staffId, staff.id))
    .where(eq(topups.memberId, sql.placeholder('memberId')))
    .orderBy(desc(topups.createdAt), desc(topups.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

export function listWalletEntries(ledger: Ledger, memberId: string, limit: number): WalletEntry[] {
  return walletEntriesOf(ledger.db)
    .all({ memberId, limit })
    .map(({ entry: e, staffName }) => ({
      id: e.id,
      kind: e.kind,
      principalDeltaMinor: e.principalDeltaMinor,
      bonusDeltaMinor: e.bonusDeltaMinor,
      principalAfterMinor: e.principalAfterMinor,
      bonusAfterMinor: e.bonusAfterMinor,
      billId: e.billId,
      topupId: e.topupId,
      reason: e.reason,
      staffName,
      createdAt: e.createdAt,
    }));
}
