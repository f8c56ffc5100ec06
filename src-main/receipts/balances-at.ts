/**
 * A member's stored value and points as they stood right after a bill or top-up: read from the
 * running balances the append-only ledgers keep on each entry, so a receipt reprinted next month still
 * shows what the member had then, not what they have now.
 */
import { and, desc, eq, lt, lte, type SQL } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { pointsEntries, walletEntries } from '../ledger/schema.ts';

export interface BalancesAt {
  principalMinor: number;
  bonusMinor: number;
  points: number;
}

/** `ref` is the bill's or top-up's own entries; without any, the last entry at or before `at`. */
export function balancesAfter(ledger: Ledger, memberId: string, at: string, ref: { billId?: string; topupId?: string }): BalancesAt {
  const own = ref.billId ? eq(walletEntries.billId, ref.billId) : ref.topupId ? eq(walletEntries.topupId, ref.topupId) : undefined;
  const wallet = lastWallet(ledger, own) ?? lastWallet(ledger, and(eq(walletEntries.memberId, memberId), lte(walletEntries.createdAt, at)));
  const ownPoints = ref.billId ? eq(pointsEntries.billId, ref.billId) : undefined;
  const points = lastPoints(ledger, ownPoints) ?? lastPoints(ledger, and(eq(pointsEntries.memberId, memberId), lte(pointsEntries.createdAt, at)));
  return { principalMinor: wallet?.principal ?? 0, bonusMinor: wallet?.bonus ?? 0, points: points ?? 0 };
}

/** Stored value (principal + bonus) and points just before `before` (ISO): a statement's opening. */
export function balancesBefore(ledger: Ledger, memberId: string, before: string): { balanceMinor: number; points: number } {
  const wallet = ledger.db
    .select({ principal: walletEntries.principalAfterMinor, bonus: walletEntries.bonusAfterMinor })
    .from(walletEntries)
    .where(and(eq(walletEntries.memberId, memberId), lt(walletEntries.createdAt, before)))
    .orderBy(desc(walletEntries.createdAt), desc(walletEntries.id))
    .limit(1)
    .get();
  const points = ledger.db
    .select({ after: pointsEntries.balanceAfter })
    .from(pointsEntries)
    .where(and(eq(pointsEntries.memberId, memberId), lt(pointsEntries.createdAt, before)))
    .orderBy(desc(pointsEntries.createdAt), desc(pointsEntries.id))
    .limit(1)
    .get();
  return { balanceMinor: (wallet?.principal ?? 0) + (wallet?.bonus ?? 0), points: points?.after ?? 0 };
}

function lastWallet(ledger: Ledger, where: SQL | undefined): { principal: number; bonus: number } | undefined {
  if (!where) return undefined;
  return ledger.db
    .select({ principal: walletEntries.principalAfterMinor, bonus: walletEntries.bonusAfterMinor })
    .from(walletEntries)
    .where(where)
    .orderBy(desc(walletEntries.createdAt), desc(walletEntries.id))
    .limit(1)
    .get();
}

function lastPoints(ledger: Ledger, where: SQL | undefined): number | undefined {
  if (!where) return undefined;
  return ledger.db.select({ after: pointsEntries.balanceAfter }).from(pointsEntries).where(where).orderBy(desc(pointsEntries.createdAt), desc(pointsEntries.id)).limit(1).get()?.after;
}
