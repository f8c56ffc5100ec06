/**
 * Property (fast-check): whatever happens at the till — sales in any mix of methods with change,
 * refunds, top-ups and top-up refunds by any method, by the shift's cashier or someone else, before,
 * during and after the shift — the cash the close expects is the float plus every cash movement of
 * this till in the shift's time, summed here in raw SQL independently of shifts/totals.ts, and the
 * cashier's own cash figures are the same sums restricted to their staff id.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upsertBonusRule } from '../../src-main/ledger/catalog.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { createMember, getMember } from '../../src-main/ledger/members.ts';
import { previewTopupRefund } from '../../src-main/ledger/wallet.ts';
import { closeShift, openShift } from '../../src-main/shifts/shifts.ts';
import { newKey, openTestLedger } from '../helpers/ledger.ts';
import { addCashier, refundAll, refundTopupBy, sell, topUpBy, type Tender } from './shift-helpers.ts';

const RUNS = Number(process.env['REGULARS_PROPERTY_RUNS'] ?? 25);
const EXTERNAL = ['cash', 'card', 'wechat', 'alipay'] as const;

type Op =
  | { kind: 'sale'; by: 0 | 1; amount: number; pay: 'cash' | 'card' | 'wechat' | 'alipay' | 'stored' | 'mixed'; extraTender: number; member: boolean }
  | { kind: 'refund'; by: 0 | 1; pick: number }
  | { kind: 'topup'; by: 0 | 1; amount: number; method: (typeof EXTERNAL)[number] }
  | { kind: 'topupRefund'; by: 0 | 1; pick: number; share: number; method: (typeof EXTERNAL)[number] | null };

const by = fc.constantFrom<0 | 1>(0, 0, 0, 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('sale' as const), by, amount: fc.integer({ min: 1, max: 50_000 }), pay: fc.constantFrom('cash', 'card', 'wechat', 'alipay', 'stored', 'mixed'), extraTender: fc.integer({ min: 0, max: 10_000 }), member: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refund' as const), by, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('topup' as const), by, amount: fc.integer({ min: 1, max: 80_000 }), method: fc.constantFrom(...EXTERNAL) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('topupRefund' as const), by, pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }), method: fc.option(fc.constantFrom(...EXTERNAL), { nil: null }) }) },
);

const scenario = fc.record({
  before: fc.array(op, { maxLength: 6 }),
  during: fc.array(op, { minLength: 1, maxLength: 25 }),
  after: fc.array(op, { maxLength: 6 }),
  floatMinor: fc.integer({ min: 0, max: 100_000 }),
  countedMinor: fc.integer({ min: 0, max: 1_000_000 }),
  // At least a millisecond between two things at the till: a shift's records are those of its time, and
  // only a stopped clock puts a sale in the very millisecond of the close (the report is frozen at the close).
  stepMs: fc.integer({ min: 1, max: 120_000 }),
});

interface CashSums {
  all: number;
  own: number;
}

/** Cash moved on this till by bills and top-ups created in [from, to]: all staff, and `staffId` alone. */
function rawCash(sqlite: import('better-sqlite3').Database, tillId: string, staffId: string, from: string, to: string): CashSums {
  const bills = sqlite
    .prepare(
      `select coalesce(sum(p.amount_minor), 0) as all_cash, coalesce(sum(case when b.staff_id = ? then p.amount_minor end), 0) as own_cash
       from payments p join bills b on b.id = p.bill_id
       where p.method = 'cash' and b.till_id = ? and b.created_at >= ? and b.created_at <= ?`,
    )
    .get(staffId, tillId, from, to) as { all_cash: number; own_cash: number };
  const topups = sqlite
    .prepare(
      `select coalesce(sum(principal_minor), 0) as all_cash, coalesce(sum(case when staff_id = ? then principal_minor end), 0) as own_cash
       from topups where method = 'cash' and till_id = ? and created_at >= ? and created_at <= ?`,
    )
    .get(staffId, tillId, from, to) as { all_cash: number; own_cash: number };
  return { all: bills.all_cash + topups.all_cash, own: bills.own_cash + topups.own_cash };
}

describe('expected cash of a shift', () => {
  it(`is the float plus every cash movement of the till in the shift, over ${RUNS} random days`, { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const t = openTestLedger();
        try {
          const { ledger, clock } = t;
          const staff = [addCashier(ledger, '小王'), addCashier(ledger, '小李')] as const;
          upsertBonusRule(ledger, { minPrincipalMinor: 10_000, bonusMinor: 800 });
          const member = createMember(ledger, { staffId: t.staffId, phone: '13900139000', name: '王五' });
          const sales: string[] = [];
          const topups: string[] = [];

          const run = (o: Op) => {
            clock.advance(s.stepMs);
            const who = staff[o.by];
            if (o.kind === 'sale') {
              const balance = getMember(ledger, member.id);
              const wallet = balance.balancePrincipalMinor + balance.balanceBonusMinor;
              let pay = o.pay;
              if ((pay === 'stored' && wallet < o.amount) || (pay === 'mixed' && (wallet < 1 || o.amount < 2))) pay = 'cash';
              const stored = pay === 'mixed' ? Math.min(wallet, Math.floor(o.amount / 2)) : o.amount;
              const payments: Tender[] =
                pay === 'stored'
                  ? [{ method: 'stored_value', amountMinor: o.amount }]
                  : pay === 'mixed'
                    ? [{ method: 'stored_value', amountMinor: stored }, { method: 'cash', amountMinor: o.amount - stored, tenderedMinor: o.amount - stored + o.extraTender }]
                    : pay === 'cash'
                      ? [{ method: 'cash', amountMinor: o.amount, tenderedMinor: o.amount + o.extraTender }]
                      : [{ method: pay, amountMinor: o.amount }];
              const needsMember = pay === 'stored' || pay === 'mixed';
              sales.push(sell(ledger, who, o.amount, payments, needsMember || o.member ? member.id : undefined).bill.id);
            } else if (o.kind === 'refund') {
              const billId = sales.splice(o.pick % Math.max(sales.length, 1), 1)[0];
              if (billId) refundAll(ledger, who, billId);
            } else if (o.kind === 'topup') {
              topups.push(topUpBy(ledger, who, member.id, o.amount, o.method).topup.id);
            } else {
              const topupId = topups[o.pick % Math.max(topups.length, 1)];
              if (!topupId) return;
              let refundable: number;
              try {
                refundable = previewTopupRefund(ledger, { topupId }).refundablePrincipalMinor;
              } catch {
                return; // Nothing left of it to give back.
              }
              const principal = Math.max(1, Math.floor((refundable * o.share) / 100));
              refundTopupBy(ledger, who, topupId, principal, o.method ?? undefined);
            }
          };

          s.before.forEach(run);
          clock.advance(s.stepMs);
          const shift = openShift(ledger, { idempotencyKey: newKey(), staffId: staff[0], floatMinor: s.floatMinor });
          s.during.forEach(run);
          clock.advance(s.stepMs);
          const closed = closeShift(ledger, { idempotencyKey: newKey(), shiftId: shift.id, staffId: staff[0], countedMinor: s.countedMinor });
          s.after.forEach(run);

          const raw = rawCash(ledger.sqlite, ledger.tillId, staff[0], shift.openedAt, closed.close!.closedAt);
          const cash = closed.totals.cash;
          expect(closed.close!.expectedMinor).toBe(s.floatMinor + raw.all);
          expect(cash.expectedMinor).toBe(s.floatMinor + raw.all);
          expect(cash.salesMinor - cash.refundsMinor + cash.topupsMinor - cash.topupRefundsMinor).toBe(raw.own);
          expect(cash.otherStaffMinor).toBe(raw.all - raw.own);
          expect(closed.close!.overShortMinor).toBe(s.countedMinor - s.floatMinor - raw.all);
          for (const v of [cash.salesMinor, cash.refundsMinor, cash.topupsMinor, cash.topupRefundsMinor]) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
          // The methods add up to the bills' net plus the top-ups' net.
          const methodsNet = closed.totals.byMethod.reduce((sum, m) => sum + m.netMinor, 0);
          const { topups: tp, bills } = closed.totals;
          expect(methodsNet).toBe(bills.netMinor + tp.principalMinor - tp.refundedPrincipalMinor);
          expect(checkLedgerInvariants(ledger)).toEqual([]);
        } finally {
          t.dispose();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
