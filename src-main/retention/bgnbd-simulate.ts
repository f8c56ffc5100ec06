/**
 * Customers drawn from the BG/NBD generative process, for tests (does the fit recover known
 * parameters?) and benchmarks (a customer base of any size). Each customer draws λ ~ Gamma(r, α) and
 * p ~ Beta(a, b); from the first visit at time 0 they visit as a Poisson process with rate λ and, after
 * each repeat visit, drop out with probability p (the paper's assumptions; no drop-out after the first
 * visit, which is what the likelihood's (1 − p)^x says).
 *
 * Randomness comes from `uniform`, any source of numbers in [0, 1) — pass a seeded generator (e.g.
 * `() => random.next()` with src-main/demo/random.ts) for reproducible draws.
 */
import type { BgNbdParams } from './bgnbd.ts';

export type Uniform = () => number;

/** A uniform in (0, 1): never 0, so its log is finite. */
function openUniform(uniform: Uniform): number {
  let u = uniform();
  while (u <= 0) u = uniform();
  return u;
}

function standardNormal(uniform: Uniform): number {
  // Box–Muller; the second variate is dropped to keep the stream simple.
  return Math.sqrt(-2 * Math.log(openUniform(uniform))) * Math.cos(2 * Math.PI * uniform());
}

/** Gamma(shape, rate 1) by Marsaglia & Tsang (2000), with the U^(1/shape) boost for shape < 1. */
export function gammaVariate(shape: number, uniform: Uniform): number {
  if (shape < 1) return gammaVariate(shape + 1, uniform) * Math.pow(openUniform(uniform), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = standardNormal(uniform);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(uniform);
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function betaVariate(a: number, b: number, uniform: Uniform): number {
  const x = gammaVariate(a, uniform);
  const y = gammaVariate(b, uniform);
  return x / (x + y);
}

/**
 * The visit times of one customer observed for `observed` time units after the first visit: [0, t₁, t₂, …].
 */
export function simulateVisitTimes(params: BgNbdParams, observed: number, uniform: Uniform): number[] {
  const lambda = gammaVariate(params.r, uniform) / params.alpha;
  const p = betaVariate(params.a, params.b, uniform);
  const times = [0];
  let now = 0;
  for (;;) {
    now += -Math.log(openUniform(uniform)) / lambda;
    if (now > observed) return times;
    times.push(now);
    if (uniform() < p) return times;
  }
}

/** (x, t_x, T) for customers observed for `observed[i]` after their first visit. */
export function simulateHistories(
  params: BgNbdParams,
  observed: ArrayLike<number>,
  uniform: Uniform,
): { x: Float64Array; tx: Float64Array; T: Float64Array } {
  const n = observed.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const times = simulateVisitTimes(params, observed[i]!, uniform);
    x[i] = times.length - 1;
    tx[i] = times[times.length - 1]!;
    T[i] = observed[i]!;
  }
  return { x, tx, T };
}
