/**
 * The notes and coins a drawer is counted in, per shop currency, in minor units (largest first), and
 * the counted total. Plain data, no imports beyond types: the count grid on screen and the close in the
 * ledger use the same list and the same sum, so the total the cashier sees is the total recorded.
 */
import type { Settings } from '../ledger/settings-schema.ts';
import { MAX_MINOR } from '../ledger/money.ts';

type Currency = Settings['currency'];

export const DENOMINATIONS: Record<Currency, readonly number[]> = {
  // ¥100 50 20 10 5 1, 5 角, 1 角.
  CNY: [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10],
  HKD: [100_000, 50_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10],
  TWD: [200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 1_000, 500, 100],
  USD: [10_000, 5_000, 2_000, 1_000, 500, 100, 25, 10, 5, 1],
  EUR: [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  GBP: [5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  SGD: [100_000, 10_000, 5_000, 1_000, 500, 200, 100, 50, 20, 10, 5],
  MYR: [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 20, 10, 5],
  // No minor unit: ¥10,000 … ¥1.
  JPY: [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10, 5, 1],
};

/** The most of one note or coin a count may say (a bank bundle is 100; far above any drawer). */
export const MAX_DENOMINATION_COUNT = 100_000;

export interface DenominationCount {
  valueMinor: number;
  count: number;
}

export type CountTotal = { ok: true; totalMinor: number } | { ok: false; reason: 'unknown_denomination'; valueMinor: number } | { ok: false; reason: 'too_large' };

/**
 * Σ value × count, in integers. Refuses a note the currency does not have (a count made for another
 * currency) and a total beyond the largest amount the ledger accepts.
 */
export function countTotal(currency: Currency, counts: readonly DenominationCount[]): CountTotal {
  const known = DENOMINATIONS[currency];
  let totalMinor = 0;
  for (const { valueMinor, count } of counts) {
    if (!known.includes(valueMinor)) return { ok: false, reason: 'unknown_denomination', valueMinor };
    totalMinor += valueMinor * count;
  }
  return totalMinor > MAX_MINOR ? { ok: false, reason: 'too_large' } : { ok: true, totalMinor };
}
