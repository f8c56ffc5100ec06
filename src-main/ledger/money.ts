/**
 * Integer money. Every amount in Regulars is a whole number of minor units (fen/cents); this module
 * is where the bounds and the rounding rules live, so no other file does arithmetic on its own terms.
 */

/** Largest amount accepted anywhere (¥100,000,000.00): far above any shop's needs, far below 2^53. */
export const MAX_MINOR = 10_000_000_000;

export function isMinor(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_MINOR;
}

/** Sum that refuses to leave the safe range instead of silently losing precision. */
export function sumMinor(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(total)) throw new RangeError('money sum overflow');
  }
  return total;
}

/**
 * value × numerator / denominator, rounded half away from zero, in exact integer arithmetic (BigInt),
 * for rates such as a tier discount in basis points.
 */
export function mulDivRound(value: number, numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('division by zero');
  const n = BigInt(value) * BigInt(numerator);
  const d = BigInt(denominator);
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return Number(negative ? -q : q);
}

/** value × numerator / denominator rounded toward zero (points earned never round up). */
export function mulDivFloor(value: number, numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('division by zero');
  return Number((BigInt(value) * BigInt(numerator)) / BigInt(denominator));
}

/** value × numerator / denominator rounded up (points needed for a redemption never round down). */
export function mulDivCeil(value: number, numerator: number, denominator: number): number {
  const floor = mulDivFloor(value, numerator, denominator);
  return BigInt(value) * BigInt(numerator) === BigInt(floor) * BigInt(denominator) ? floor : floor + 1;
}

/**
 * Split `total` across `weights` in proportion, by the largest-remainder method, so the parts are
 * integers that add up exactly to `total` (used for bill discounts over lines and refunds over tenders).
 * Each part is capped by its weight when `total` ≤ sum(weights).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot allocate a non-zero amount over nothing');
    return [];
  }
  if (weightSum === 0) {
    const parts = weights.map(() => 0);
    parts[0] = total;
    return parts;
  }
  const big = weights.map((w) => BigInt(w) * BigInt(total));
  const sum = BigInt(weightSum);
  const parts = big.map((b) => Number(b / sum));
  const remainders = big.map((b, i) => ({ i, r: b % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0);
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (let k = 0; left > 0; k = (k + 1) % remainders.length, left--) parts[remainders[k]!.i]! += 1;
  return parts;
}
