/**
 * The checkout's cash rule: the cashier types what the customer handed over; the part the bill still
 * needs after the other payments is paid in cash, the rest is change. Hand-worked cases.
 */
import { describe, expect, it } from 'vitest';
import { cashApplied, paymentsFor, remainingExcept } from '../../src-renderer/screens/checkout/payments.ts';

const none = { stored_value: null, points: null, cash: null, card: null, wechat: null, alipay: null };

describe('checkout payments from what was typed', () => {
  it('cash handed over above the total: the bill takes the total, the rest is change', () => {
    const entered = { ...none, cash: 10_000 };
    expect(cashApplied(entered, 7_100)).toBe(7_100);
    expect(paymentsFor(entered, 7_100)).toEqual([{ method: 'cash', amountMinor: 7_100, tenderedMinor: 10_000 }]);
  });

  it('stored value first, then cash for what is left', () => {
    const entered = { ...none, stored_value: 3_000, cash: 5_000 };
    expect(remainingExcept(entered, 5_400, 'cash')).toBe(2_400);
    expect(paymentsFor(entered, 5_400)).toEqual([
      { method: 'stored_value', amountMinor: 3_000 },
      { method: 'cash', amountMinor: 2_400, tenderedMinor: 5_000 },
    ]);
  });

  it('cash not needed once other methods cover the bill; short cash pays what it can', () => {
    expect(paymentsFor({ ...none, card: 5_400, cash: 2_000 }, 5_400)).toEqual([{ method: 'card', amountMinor: 5_400 }]);
    expect(paymentsFor({ ...none, cash: 2_000 }, 5_400)).toEqual([{ method: 'cash', amountMinor: 2_000, tenderedMinor: 2_000 }]);
    expect(remainingExcept({ ...none, cash: 2_000 }, 5_400, 'card')).toBe(3_400);
  });

  it('empty and zero entries send nothing', () => {
    expect(paymentsFor({ ...none, card: 0 }, 1_000)).toEqual([]);
  });
});
