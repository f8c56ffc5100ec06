import { describe, expect, it } from 'vitest';
import { decimalToMicros } from '../../../src-main/sms/providers/money.ts';

describe('decimalToMicros', () => {
  it.each([
    ['-0.00750', -7500],
    ['0.0075', 7500],
    ['1', 1_000_000],
    ['12.5', 12_500_000],
    ['.5', 500_000],
    ['0.29', 290_000],
    ['0.1234565', 123_457],
    ['0.1234564', 123_456],
    ['-0.0000005', -1],
    ['0.0000004', 0],
  ])('%s → %d', (text, micros) => {
    expect(decimalToMicros(text)).toBe(micros);
  });

  it.each(['', 'abc', '1e-3', '1.2.3', '--1', '99999999999999999999'])('%j is not a price', (text) => {
    expect(decimalToMicros(text)).toBeNull();
  });
});
