import type { z } from 'zod';
import { listMemberBills } from './bills.ts';
import * as cmd from './commands.ts';
import type { Ledger } from './db.ts';
import { loadMember } from './members.ts';
import { desc, eq, sql } from 'drizzle-orm';
import { perConnection } from './prepared.ts';
import { pointsEntries, staff } from './schema.ts';
import type { MemberHistory } from './types.ts';
import { listMemberTopups, listWalletEntries } from './wallet.ts';

const pointsEntriesOf = perConnection((db) =>
  db
    .select({ entry: pointsEntries, staffName: staff.name })
    .from(pointsEntries)
    .innerJoin(staff, eq(pointsEntries.staffId, staff.id))
    .where(eq(pointsEntries.memberId, sql.placeholder('memberId')))
    .orderBy(desc(pointsEntries.createdAt), desc(pointsEntries.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** Everything that happened to a member's money and points, newest first (the member page). */
export function memberHistory(ledger: Ledger, input: z.input<typeof cmd.memberHistory>): MemberHistory {
  const { memberId, limit } = cmd.memberHistory.parse(input);
  loadMember(ledger, memberId);
  const points = pointsEntriesOf(ledger.db).all({ memberId, limit });
  return {
    bills: listMemberBills(ledger, memberId, limit),
    topups: listMemberTopups(ledger, memberId, limit),
    wallet: listWalletEntries(ledger, memberId, limit),
    points: points.map(({ entry: e, staffName }) => ({
      id: e.id,
      kind: e.kind,
      delta: e.delta,
      balanceAfter: e.balanceAfter,
      billId: e.billId,
      reason: e.reason,
      staffName,
      createdAt: e.createdAt,
    })),
  };
}
