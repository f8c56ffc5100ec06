/**
 * What a cashier types as an amount becomes integer minor units by string arithmetic: the classic float
 * traps ("0.29", "1.005") come out exact, a Chinese IME's full-width digits work, and anything else is
 * refused with a reason the screen can say.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorToInput, parseMoneyInput } from '../../src-main/api/money-format.ts';
import { MAX_MINOR } from '../../src-main/ledger/money.ts';

describe('parseMoneyInput', () => {
  it('reads amounts exactly, the way people type them', () => {
    expect(parseMoneyInput('0.29', 'CNY')).toEqual({ ok: true, minor: 29 });
    expect(parseMoneyInput('12.5', 'CNY')).toEqual({ ok: true, minor: 1250 });
    expect(parseMoneyInput('12.', 'CNY')).toEqual({ ok: true, minor: 1200 });
    expect(parseMoneyInput('.5', 'CNY')).toEqual({ ok: true, minor: 50 });
    expect(parseMoneyInput('007', 'CNY')).toEqual({ ok: true, minor: 700 });
    expect(parseMoneyInput(' ¥1,280.00 ', 'CNY')).toEqual({ ok: true, minor: 128_000 });
    expect(parseMoneyInput('１２．５０', 'CNY')).toEqual({ ok: true, minor: 1250 });
    expect(parseMoneyInput('１２。５', 'CNY')).toEqual({ ok: true, minor: 1250 });
    expect(parseMoneyInput('1.50', 'JPY')).toEqual({ ok: false, reason: 'tooManyDecimals' });
    expect(parseMoneyInput('1500', 'JPY')).toEqual({ ok: true, minor: 1500 });
    expect(parseMoneyInput('1.500', 'CNY')).toEqual({ ok: true, minor: 150 }); // trailing zeros are no extra precision
  });

  it('refuses what is not an amount, with a reason', () => {
    expect(parseMoneyInput('', 'CNY')).toEqual({ ok: false, reason: 'empty' });
    expect(parseMoneyInput('  ', 'CNY')).toEqual({ ok: false, reason: 'empty' });
    expect(parseMoneyInput('abc', 'CNY')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMoneyInput('-5', 'CNY')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMoneyInput('1e3', 'CNY')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMoneyInput('1.2.3', 'CNY')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMoneyInput('12.345', 'CNY')).toEqual({ ok: false, reason: 'tooManyDecimals' });
    expect(parseMoneyInput('100000000.01', 'CNY')).toEqual({ ok: false, reason: 'tooLarge' });
    expect(parseMoneyInput('99999999999999999999', 'CNY')).toEqual({ ok: false, reason: 'tooLarge' });
    expect(parseMoneyInput('100000000', 'CNY')).toEqual({ ok: true, minor: MAX_MINOR });
  });

  it('reads back exactly what minorToInput wrote, for every amount in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MINOR }), fc.constantFrom('CNY', 'USD', 'JPY'), (minor, currency) => {
        expect(parseMoneyInput(minorToInput(minor, currency), currency)).toEqual({ ok: true, minor });
      }),
      { numRuns: 2000 },
    );
  });
});
