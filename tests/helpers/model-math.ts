/**
 * The test model's own integer arithmetic (written independently of src-main/ledger/money.ts), in
 * BigInt so nothing is lost to floating point.
 */

/** a × b / c rounded half away from zero. */
export function roundDiv(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return Number(neg ? -q : q);
}

/** a × b / c rounded down (for non-negative values). */
export function floorDiv(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** a × b / c rounded up (for non-negative values). */
export function ceilDiv(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((n + d - 1n) / d);
}

/**
 * Split `total` over `weights` by largest remainder: floor shares, then one unit each to the largest
 * remainders, ties to the earlier weight. All weights zero: the first takes everything.
 */
export function largestRemainder(total: number, weights: number[]): number[] {
  const s = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (s === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const parts = weights.map((w) => floorDiv(w, total, s));
  const rems = weights.map((w, i) => ({ i, r: (BigInt(w) * BigInt(total)) % BigInt(s) }));
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k++, left--) parts[rems[k % rems.length]!.i]! += 1;
  return parts;
}
