/**
 * Special functions the retention models need and JavaScript's Math lacks: the log-gamma function and
 * a quadrature rule for integrals over (0, 1) whose integrand may be singular at either end.
 */

// Lanczos approximation, g = 7, n = 9 (the coefficients Numerical Recipes 3rd ed. and Boost use):
// relative error below 2e-15 for positive arguments.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs a positive argument, got ${x}`);
  if (x < 0.5) {
    // Reflection, Γ(x) Γ(1 − x) = π / sin(πx), keeps the approximation on its accurate side.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0]!;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) sum += LANCZOS_COEFFICIENTS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * ∫₀¹ f by tanh-sinh (double exponential) quadrature. The nodes crowd towards both ends doubly
 * exponentially, so integrable end-point singularities (p^(a−1) with a < 1) and mass squeezed against
 * an end are integrated accurately without knowing where they are.
 *
 * The integrand must be positive. `logIntegrand(logP, logQ, p, q)` returns its natural log at p, with
 * q = 1 − p, both given with full relative precision even next to 1 (where computing 1 − p would round
 * to 0); p or q may underflow to 0 at the outermost nodes, their logs never do. Working in logs lets
 * weights of 1e-300 meet integrands of 1e+250.
 * Halves the step until two successive estimates agree to `relativeTolerance` or after `maxLevels`
 * halvings; returns the last estimate either way.
 */
export function integrateUnitInterval(
  logIntegrand: (logP: number, logQ: number, p: number, q: number) => number,
  relativeTolerance = 1e-12,
  maxLevels = 12,
): number {
  // Beyond |s| = 6.5 the node sits within e^(−π sinh 6.5) ≈ e^(−1045) of an end: below any double.
  const S_MAX = 6.5;
  const term = (s: number): number => {
    const u = Math.PI * Math.sinh(s);
    // p = 1 / (1 + e^(−u)), q = 1 − p = 1 / (1 + e^(u)), dp/ds = p q π cosh s.
    const logP = u >= 0 ? -Math.log1p(Math.exp(-u)) : u - Math.log1p(Math.exp(u));
    const logQ = u >= 0 ? -u - Math.log1p(Math.exp(-u)) : -Math.log1p(Math.exp(u));
    const logWeight = logP + logQ + Math.log(Math.PI * Math.cosh(s));
    const value = logIntegrand(logP, logQ, Math.exp(logP), Math.exp(logQ));
    return Math.exp(value + logWeight);
  };
  let h = 0.5;
  let sum = term(0);
  for (let k = 1; k * h <= S_MAX; k++) sum += term(k * h) + term(-k * h);
  let estimate = sum * h;
  for (let level = 1; level <= maxLevels; level++) {
    h /= 2;
    // Only the new (odd) nodes: the others were summed at the coarser levels.
    for (let k = 1; k * h <= S_MAX; k += 2) sum += term(k * h) + term(-k * h);
    const next = sum * h;
    const settled = Math.abs(next - estimate) <= relativeTolerance * Math.abs(next);
    estimate = next;
    if (settled && level >= 3) break;
  }
  return estimate;
}
