/**
 * A member's stored value and points as they stood right after a bill or top-up: read from the
 * running balances the append-only ledgers keep on each entry, so a receipt reprinted next month still
 * shows what the member had then, not what they have now. Runs inside every checkout that sends an
 * e-bill, hence hand-written SQL on the indexes by bill, top-up and (member, time).
 */
import type { Ledger } from '../ledger/db.ts';
import { prepared } from '../ledger/prepared.ts';

export interface BalancesAt {
  principalMinor: number;
  bonusMinor: number;
  points: number;
}

type WalletRow = { principal: number; bonus: number };
type PointsRow = { after: number };

const LATEST = 'order by created_at desc, id desc limit 1';
const WALLET = 'select principal_after_minor as principal, bonus_after_minor as bonus from wallet_entries';
const POINTS = 'select balance_after as after from points_entries';

/** `ref` is the bill's or top-up's own entries; without any, the last entry at or before `at`. */
export function balancesAfter(ledger: Ledger, memberId: string, at: string, ref: { billId?: string; topupId?: string }): BalancesAt {
  const { sqlite } = ledger;
  const own = ref.billId
    ? prepared<WalletRow>(sqlite, `${WALLET} where bill_id = ? ${LATEST}`).get(ref.billId)
    : ref.topupId
      ? prepared<WalletRow>(sqlite, `${WALLET} where topup_id = ? ${LATEST}`).get(ref.topupId)
      : undefined;
  const wallet = own ?? prepared<WalletRow>(sqlite, `${WALLET} where member_id = ? and created_at <= ? ${LATEST}`).get(memberId, at);
  const ownPoints = ref.billId ? prepared<PointsRow>(sqlite, `${POINTS} where bill_id = ? ${LATEST}`).get(ref.billId) : undefined;
  const points = ownPoints ?? prepared<PointsRow>(sqlite, `${POINTS} where member_id = ? and created_at <= ? ${LATEST}`).get(memberId, at);
  return { principalMinor: wallet?.principal ?? 0, bonusMinor: wallet?.bonus ?? 0, points: points?.after ?? 0 };
}

/** Stored value (principal + bonus) and points just before `before` (ISO): a statement's opening. */
export function balancesBefore(ledger: Ledger, memberId: string, before: string): { balanceMinor: number; points: number } {
  const { sqlite } = ledger;
  const wallet = prepared<WalletRow>(sqlite, `${WALLET} where member_id = ? and created_at < ? ${LATEST}`).get(memberId, before);
  const points = prepared<PointsRow>(sqlite, `${POINTS} where member_id = ? and created_at < ? ${LATEST}`).get(memberId, before);
  return { balanceMinor: (wallet?.principal ?? 0) + (wallet?.bonus ?? 0), points: points?.after ?? 0 };
}
