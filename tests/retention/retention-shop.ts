/**
 * A shop whose visit histories the retention tests choose: each member visits on given days (days
 * before "today", 2026-11-23), paying a given amount each time, through the real checkout.
 */
import { randomUUID } from 'node:crypto';
import { checkout } from '../../src-main/ledger/bills.ts';
import { createMember } from '../../src-main/ledger/members.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import type { TestLedger } from '../helpers/ledger.ts';

export const TODAY = '2026-11-23';
const TODAY_NOON = new Date(2026, 10, 23, 12, 0, 0);

export interface Visitor {
  name: string;
  /** Days before today of each visit (any order). */
  daysAgo: number[];
  amountMinor: number;
  marketing?: boolean;
}

let phoneSeq = 0;

/** Creates the members, replays all their visits in time order, and leaves the clock at today noon. */
export function buildHistories(t: TestLedger, visitors: Visitor[]): Member[] {
  const startedAt = new Date(TODAY_NOON.getTime() - 4000 * 86_400_000);
  t.clock.set(startedAt);
  const members = visitors.map((v) =>
    createMember(t.ledger, {
      staffId: t.staffId,
      phone: `139${String(10_000_000 + phoneSeq++).padStart(8, '0')}`,
      name: v.name,
      smsMarketingConsent: v.marketing ?? true,
    }),
  );
  const visits = visitors.flatMap((v, i) => v.daysAgo.map((d) => ({ member: members[i]!, daysAgo: d, amount: v.amountMinor })));
  visits.sort((a, b) => b.daysAgo - a.daysAgo);
  for (const visit of visits) {
    t.clock.set(new Date(TODAY_NOON.getTime() - visit.daysAgo * 86_400_000));
    checkout(t.ledger, {
      idempotencyKey: randomUUID(),
      staffId: t.staffId,
      memberId: visit.member.id,
      lines: [{ name: 'visit', amountMinor: visit.amount }],
      payments: [{ method: 'cash', amountMinor: visit.amount }],
    });
  }
  t.clock.set(TODAY_NOON);
  return members;
}

/** Visits every `interval` days, `count` times, the last one `lastAgo` days ago. */
export function every(interval: number, count: number, lastAgo: number): number[] {
  return Array.from({ length: count }, (_, i) => lastAgo + i * interval);
}
