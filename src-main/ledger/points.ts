/**
 * Points: the append-only points ledger and the rules for earning and redeeming. The member row's
 * `points` column is a cache that only postPointsEntry writes, in the caller's transaction.
 */
import { eq, sql } from 'drizzle-orm';
import * as cmd from './commands.ts';
import type { Ledger } from './db.ts';
import { fail } from './errors.ts';
import { newId } from './ids.ts';
import { runOnce } from './idempotency.ts';
import { loadActiveMember, getMemberSummary } from './members.ts';
import { mulDivCeil, mulDivFloor } from './money.ts';
import { perConnection } from './prepared.ts';
import { requireStaff } from './catalog.ts';
import { members, pointsEntries } from './schema.ts';
import type { Settings } from './settings-schema.ts';
import { isoTime } from './time.ts';
import type { AdjustmentResult } from './types.ts';

type PointsKind = (typeof pointsEntries.$inferInsert)['kind'];

/** Points earned on an amount actually paid, at the tier's rate per currency unit; never rounded up. */
export function pointsEarnedOn(eligibleMinor: number, pointsPerUnit: number): number {
  return eligibleMinor <= 0 ? 0 : mulDivFloor(eligibleMinor, pointsPerUnit, 100);
}

/** Points a redemption of `amountMinor` costs; rounded up so a redemption is never worth more than its points. */
export function pointsNeededFor(amountMinor: number, settings: Settings): number {
  return mulDivCeil(amountMinor, settings.pointsRedemption.pointsPerUnit, 100);
}

/**
 * Append one points entry and move the member's cached total with it. Refuses to go below zero
 * (the caller decides beforehand how much may be taken, e.g. a refund waives what was already spent).
 */
export function postPointsEntry(
  ledger: Ledger,
  entry: { memberId: string; kind: PointsKind; delta: number; billId?: string | null; reason?: string; staffId: string },
): number {
  if (entry.delta === 0) return currentPoints(ledger, entry.memberId);
  const after = currentPoints(ledger, entry.memberId) + entry.delta;
  if (after < 0) fail('INSUFFICIENT_POINTS', { available: after - entry.delta, needed: -entry.delta });
  insertPointsEntry(ledger.db).run({
    id: newId(),
    tillId: ledger.tillId,
    memberId: entry.memberId,
    kind: entry.kind,
    delta: entry.delta,
    balanceAfter: after,
    billId: entry.billId ?? null,
    reason: entry.reason ?? '',
    staffId: entry.staffId,
    createdAt: isoTime(ledger.clock()),
  });
  setPoints(ledger.db).run({ points: after, memberId: entry.memberId });
  return after;
}

const pointsOf = perConnection((db) => db.select({ points: members.points }).from(members).where(eq(members.id, sql.placeholder('memberId'))).prepare());
const insertPointsEntry = perConnection((db) =>
  db
    .insert(pointsEntries)
    .values({
      id: sql.placeholder('id'),
      tillId: sql.placeholder('tillId'),
      memberId: sql.placeholder('memberId'),
      kind: sql.placeholder('kind'),
      delta: sql.placeholder('delta'),
      balanceAfter: sql.placeholder('balanceAfter'),
      billId: sql.placeholder('billId'),
      reason: sql.placeholder('reason'),
      staffId: sql.placeholder('staffId'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);
const setPoints = perConnection((db) => db.update(members).set({ points: sql`${sql.placeholder('points')}` }).where(eq(members.id, sql.placeholder('memberId'))).prepare());

export function currentPoints(ledger: Ledger, memberId: string): number {
  const row = pointsOf(ledger.db).get({ memberId });
  if (!row) fail('MEMBER_NOT_FOUND');
  return row.points;
}

/** Manual correction with a reason (goodwill, a mistake at the till). Never leaves points below zero. */
export function adjustPoints(ledger: Ledger, input: cmd.PointsAdjust): AdjustmentResult {
  const data = cmd.pointsAdjust.parse(input);
  return runOnce(
    ledger,
    'points.adjust',
    data.idempotencyKey,
    data,
    () => {
      requireStaff(ledger, data.staffId);
      const { row } = loadActiveMember(ledger, data.memberId);
      if (data.delta === 0) fail('ADJUSTMENT_EMPTY');
      if (row.points + data.delta < 0) fail('ADJUSTMENT_BELOW_ZERO', { available: row.points });
      postPointsEntry(ledger, { memberId: row.id, kind: 'adjust', delta: data.delta, reason: data.reason, staffId: data.staffId });
      return row.id;
    },
    (memberId) => ({ member: getMemberSummary(ledger, memberId) }),
  );
}

