/**
 * The expected number of visits in the next t of a BG/NBD customer who is still alive, given x repeat
 * visits in an observation period of length T:
 *
 *   G(t) = E[(1 − e^(−λpt)) / p],  λ ~ Gamma(r + x, α + T),  p ~ Beta(a, b + x)
 *
 * (the posterior given survival; an alive customer with rate λ and drop-out probability p makes
 * (1 − e^(−λpt)) / p visits in t on average). Fader, Hardie & Lee (2005) eq. 10 writes it as
 *
 *   G = (a + b + x − 1) / (a − 1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)],  z = t/(α+T+t)
 *
 * and E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) · G. Evaluated literally that is fragile: for large x
 * (a regular's few hundred visits) the ₂F₁ terms grow enormous before the tiny power cancels them, at
 * a = 1 it is 0/0, and for x = 0 with a + b = 1 the ₂F₁ is undefined. Euler's transformation
 * ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z) turns the bracket into
 *
 *   1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z)
 *
 * whose series starts 1 + (a−1)·S, so with c = a + b + x − 1, c₁ = a + b − 1 − r, L = ln(1 − z):
 *
 *   G = c · (1 − e^((a−1)L)) / (a − 1) − e^((a−1)L) · Σₙ≥₁ (c₁)ₙ (a)ₙ₋₁ / ((c+1)ₙ₋₁ n!) zⁿ
 *
 * The first part is −expm1((a−1)L)/(a−1) (→ −L at a = 1, no 0/0); the factor c has been moved into the
 * series ((c)ₙ = c·(c+1)ₙ₋₁), so c ≤ 0 is harmless; and for large x the terms shrink like (z/x)ⁿ.
 *
 * The series is what runs in practice. It is abandoned for the integral above (tanh-sinh quadrature over
 * p, with the λ-expectation in closed form: E_λ[e^(−λpt)] = (1 + pt/(α+T))^(−(r+x))) in the two cases
 * where it is slow or inexact: z within ~1e-3 of 1 (a horizon hundreds of times α + T), or terms so
 * large that rounding could cost more than 1e-8 of the result (r much larger than x + a + b with r·z
 * above 30 to 40, i.e. a nearly homogeneous population expected to visit dozens of times within the
 * horizon; fitted café and CDNOW populations have r well below 1). The quadrature costs 0.1–0.2 ms a
 * call, the series under a microsecond.
 */
import type { BgNbdParams } from './bgnbd.ts';
import { integrateUnitInterval, logBeta } from './special-functions.ts';

const MAX_SERIES_TERMS = 20_000;
const EPSILON = 2.220446049250313e-16;
/**
 * The series result is used when its estimated rounding error is below this fraction of it: far more
 * than any use of an expected visit count needs, and every declined case costs a quadrature (~0.2 ms).
 */
const SERIES_RELATIVE_ACCURACY = 1e-8;

/** G(t) by the transformed series, or NaN when the series would be slow or inexact (see above). */
export function expectedVisitsIfAliveBySeries(params: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = params;
  const k = t / (alpha + T);
  const logOneMinusZ = -Math.log1p(k);
  const z = k / (1 + k);
  const aMinus1 = a - 1;
  const c = a + b + x - 1;
  const c1 = a + b - 1 - r;
  const first = aMinus1 === 0 ? -logOneMinusZ : -Math.expm1(aMinus1 * logOneMinusZ) / aMinus1;

  let term = c1 * z;
  let sum = term;
  let largest = Math.abs(term);
  for (let n = 1; term !== 0; n++) {
    if (n >= MAX_SERIES_TERMS) return Number.NaN;
    const ratio = (((c1 + n) * (a + n - 1)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    const size = Math.abs(term);
    if (size > largest) largest = size;
    if (c1 + n > 0) {
      // From here on every ratio is positive and at most z · max(1, 1 + (a − 2)/(m + 1)) for m ≥ n
      // (because c₁ ≤ c), so the tail is bounded by a geometric series.
      const bound = z * Math.max(1, 1 + (a - 2) / (n + 2));
      if (bound < 1 && (size * bound) / (1 - bound) <= EPSILON * Math.abs(sum)) break;
    }
  }
  const weight = Math.exp(aMinus1 * logOneMinusZ);
  const head = c * first;
  const result = head - weight * sum;
  const roundingError = 8 * EPSILON * (Math.abs(head) + weight * largest);
  return roundingError <= SERIES_RELATIVE_ACCURACY * Math.abs(result) ? result : Number.NaN;
}

/** G(t) as ∫₀¹ (1 − (1 + pk)^(−(r+x))) / p · Beta(p; a, b + x) dp with k = t / (α + T). */
export function expectedVisitsIfAliveByQuadrature(params: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = params;
  const k = t / (alpha + T);
  const m = r + x;
  const beta = b + x;
  const logNormaliser = logBeta(a, beta);
  return integrateUnitInterval((logP, logQ, p) => {
    const pk = p * k;
    // (1 − (1 + pk)^(−m)) / p, with its limit m·k (first two Taylor terms) where pk is negligible.
    const perP = pk < 1e-9 ? m * k * (1 - ((m + 1) * pk) / 2) : -Math.expm1(-m * Math.log1p(pk)) / p;
    return Math.log(perP) + (a - 1) * logP + (beta - 1) * logQ - logNormaliser;
  });
}

/** G(t): expected visits in the next t of a customer known to be alive after x repeat visits in T. */
export function expectedVisitsIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  const bySeries = expectedVisitsIfAliveBySeries(params, x, T, t);
  return Number.isNaN(bySeries) ? expectedVisitsIfAliveByQuadrature(params, x, T, t) : bySeries;
}
