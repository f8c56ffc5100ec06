/**
 * Member statements: the opening balance is what the ledger held before the first day, every row's
 * running balance follows from the rows before it, and the closing figures equal the member's balances
 * as the ledger keeps them — checked on a fixed story and on random histories (fast-check).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkout, refundBill } from '../../src-main/ledger/bills.ts';
import { getMember } from '../../src-main/ledger/members.ts';
import { adjustPoints } from '../../src-main/ledger/points.ts';
import { businessDate } from '../../src-main/ledger/time.ts';
import { adjustWallet, refundTopup, topUp } from '../../src-main/ledger/wallet.ts';
import { loadReceipt } from '../../src-main/receipts/load.ts';
import { memberStatement } from '../../src-main/receipts/statement.ts';
import { newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop } from '../helpers/shop.ts';

let t: TestLedger | undefined;
afterEach(() => t?.dispose());

const DAY = 86_400_000;

describe('member statement', () => {
  it('covers exactly the days asked for, with the opening balance carried in and the closing equal to the ledger', () => {
    t = openTestLedger();
    const { ledger, staffId, clock } = t;
    const shop = seedShop(ledger, staffId, 1);
    const memberId = shop.members[0]!.id;
    const day1 = businessDate(clock());
    topUp(ledger, { idempotencyKey: newKey(), staffId, memberId, principalMinor: 10_000, method: 'cash' }); // + 1,000 bonus
    clock.advance(DAY);
    const day2 = businessDate(clock());
    const sale = checkout(ledger, { idempotencyKey: newKey(), staffId, memberId, lines: [{ productId: shop.products.cake.id }], payments: [{ method: 'stored_value', amountMinor: 3_333 }] });
    clock.advance(DAY);
    const day3 = businessDate(clock());
    refundBill(ledger, { idempotencyKey: newKey(), staffId, billId: sale.bill.id });
    adjustPoints(ledger, { idempotencyKey: newKey(), staffId, memberId, delta: 50, reason: '生日礼' });
    clock.advance(DAY);
    adjustWallet(ledger, { idempotencyKey: newKey(), staffId, memberId, principalDeltaMinor: -100, reason: '更正' });

    const middle = memberStatement(ledger, { memberId, from: day2, to: day3 });
    expect(middle.opening).toEqual({ balanceMinor: 11_000, points: 0 });
    expect(middle.entries.map((e) => [e.kind, e.storedValueDeltaMinor, e.balanceAfterMinor])).toEqual([
      ['sale', -3_333, 7_667],
      ['refund', 3_333, 11_000],
      ['adjust', 0, 11_000],
    ]);
    expect(middle.entries[0]!.reference).toBe(sale.bill.billNo);
    expect(middle.entries[0]!.description).toBe('芝士蛋糕');
    expect(middle.entries[2]!.description).toBe('生日礼');
    expect(middle.closing).toEqual({ balanceMinor: 11_000, points: 50 });
    expect(middle.totals).toEqual({ toppedUpMinor: 0, spentFromBalanceMinor: 0, billsNetMinor: 0, pointsEarned: 50, pointsUsed: 0 });

    const all = memberStatement(ledger, { memberId, from: day1, to: businessDate(clock()) });
    const member = getMember(ledger, memberId);
    expect(all.opening).toEqual({ balanceMinor: 0, points: 0 });
    expect(all.closing).toEqual({ balanceMinor: member.balancePrincipalMinor + member.balanceBonusMinor, points: member.points });
    expect(all.entries).toHaveLength(5);
    expect(all.totals.toppedUpMinor).toBe(11_000);
    expect(all.member.phoneMasked).toBe('138****8000');

    expect(memberStatement(ledger, { memberId, from: '2020-01-01', to: '2020-01-31' }).entries).toEqual([]);
  });

  it('the receipt of each bill shows the balances right after it, also when reprinted later', () => {
    t = openTestLedger();
    const { ledger, staffId, clock } = t;
    const shop = seedShop(ledger, staffId, 1);
    const memberId = shop.members[0]!.id;
    topUp(ledger, { idempotencyKey: newKey(), staffId, memberId, principalMinor: 10_000, method: 'cash' });
    clock.advance(60_000);
    const sale = checkout(ledger, { idempotencyKey: newKey(), staffId, memberId, lines: [{ productId: shop.products.coffee.id }], payments: [{ method: 'cash', amountMinor: 1_999, tenderedMinor: 2_000 }] });
    clock.advance(60_000);
    topUp(ledger, { idempotencyKey: newKey(), staffId, memberId, principalMinor: 50_000, method: 'card' });
    const receipt = loadReceipt(ledger, { billId: sale.bill.id }, { reprint: true });
    // A cash sale writes no wallet entry: the balance is the one in force at the time, not today's.
    expect(receipt.balanceAfter).toEqual({ principalMinor: 10_000, bonusMinor: 1_000 });
    expect(receipt.pointsAfter).toBe(sale.member!.points);
    expect(receipt.cashMoved).toBe(true);
    expect(receipt.reprint).toBe(true);
    expect(receipt.payments).toEqual([{ method: 'cash', amountMinor: 1_999, tenderedMinor: 2_000, changeMinor: 1, points: 0 }]);
  });

  it('random histories: running balances chain, and the closing equals the member row and the ledger', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('topup' as const), minor: fc.integer({ min: 1, max: 200_000 }) }),
            fc.record({ op: fc.constant('spend' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
            fc.record({ op: fc.constant('refund' as const) }),
            fc.record({ op: fc.constant('refundTopup' as const) }),
            fc.record({ op: fc.constant('points' as const), delta: fc.integer({ min: -50, max: 200 }) }),
            fc.record({ op: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 72 }) }),
          ),
          { minLength: 5, maxLength: 40 },
        ),
        fc.integer({ min: 0, max: 39 }),
        (ops, cut) => {
          t?.dispose();
          t = openTestLedger();
          const { ledger, staffId, clock } = t;
          const shop = seedShop(ledger, staffId, 1);
          const memberId = shop.members[0]!.id;
          const first = businessDate(clock());
          const sales: string[] = [];
          const topups: string[] = [];
          let cutDay = first;
          ops.forEach((o, i) => {
            if (i === cut) cutDay = businessDate(clock());
            const m = getMember(ledger, memberId);
            const balance = m.balancePrincipalMinor + m.balanceBonusMinor;
            try {
              if (o.op === 'topup') topups.push(topUp(ledger, { idempotencyKey: newKey(), staffId, memberId, principalMinor: o.minor, method: 'cash' }).topup.id);
              else if (o.op === 'spend') {
                const total = 1_999 * o.quantity;
                const fromBalance = Math.min(balance, total);
                const payments = [...(fromBalance > 0 ? [{ method: 'stored_value' as const, amountMinor: fromBalance }] : []), ...(total > fromBalance ? [{ method: 'card' as const, amountMinor: total - fromBalance }] : [])];
                sales.push(checkout(ledger, { idempotencyKey: newKey(), staffId, memberId, lines: [{ productId: shop.products.coffee.id, quantity: o.quantity }], payments }).bill.id);
              } else if (o.op === 'refund' && sales.length) refundBill(ledger, { idempotencyKey: newKey(), staffId, billId: sales.pop()! });
              else if (o.op === 'refundTopup' && topups.length) refundTopup(ledger, { idempotencyKey: newKey(), staffId, topupId: topups.pop()! });
              else if (o.op === 'points' && o.delta !== 0) adjustPoints(ledger, { idempotencyKey: newKey(), staffId, memberId, delta: Math.max(o.delta, -m.points) || 1, reason: 'test' });
              else if (o.op === 'wait') clock.advance(o.hours * 3_600_000);
            } catch (error) {
              // A refund of a top-up already spent, say: refused, nothing written — fine for this test.
              if (!(error instanceof Error) || error.name !== 'LedgerError') throw error;
            }
          });
          const last = businessDate(clock());
          const member = getMember(ledger, memberId);
          const whole = memberStatement(ledger, { memberId, from: first, to: last });
          expect(whole.closing).toEqual({ balanceMinor: member.balancePrincipalMinor + member.balanceBonusMinor, points: member.points });
          // Two statements that meet in the middle chain: the second opens where the first closed.
          if (cutDay > first) {
            const dayBefore = businessDate(new Date(new Date(`${cutDay}T12:00:00`).getTime() - DAY));
            const a = memberStatement(ledger, { memberId, from: first, to: dayBefore });
            const b = memberStatement(ledger, { memberId, from: cutDay, to: last });
            expect(b.opening).toEqual(a.closing);
            expect(b.closing).toEqual(whole.closing);
            expect(a.entries.length + b.entries.length).toBe(whole.entries.length);
          }
          let balance = whole.opening.balanceMinor;
          for (const e of whole.entries) {
            balance += e.storedValueDeltaMinor;
            expect(e.balanceAfterMinor).toBe(balance);
            expect(e.balanceAfterMinor).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
