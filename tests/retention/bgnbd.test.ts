/**
 * The BG/NBD model (src-main/retention/bgnbd.ts) against the published CDNOW results, against
 * independent evaluations of its formulas, and against data simulated from known parameters.
 *
 * Reference figures: Fader, Hardie & Lee (2005), fitted on the 39-week CDNOW calibration summary:
 * r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4; E[Y(39) | x = 2, t_x = 30.43, T = 38.86] =
 * 1.226. To more digits, the lifetimes package's documented fit of the same csv (r 0.242593 ± 0.012557,
 * α 4.413532 ± 0.378221, a 0.792886 ± 0.185719, b 2.425752 ± 0.705345) and CLVTools' correctness test
 * on the raw transactions (tests/testthat/test_correctness_bgnbd.R: r 0.2425945, α 4.4136019,
 * a 0.7929199, b 2.4258881, LL −9582.429).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src-main/demo/random.ts';
import {
  BgNbdFitError,
  bgNbdLogLikelihood,
  expectedVisits,
  expectedVisitsNew,
  fitBgNbd,
  probabilityAlive,
  probabilityAliveMany,
  summarizeVisitDays,
  type BgNbdParams,
  type CustomerHistories,
} from '../../src-main/retention/bgnbd.ts';
import {
  expectedVisitsIfAliveByQuadrature,
  expectedVisitsIfAliveBySeries,
} from '../../src-main/retention/bgnbd-expectation.ts';
import { minimizeBfgs, type ValueAndGradient } from '../../src-main/retention/bgnbd-bfgs.ts';
import { simulateHistories } from '../../src-main/retention/bgnbd-simulate.ts';
import { integrateUnitInterval, logBeta, logGamma } from '../../src-main/retention/special-functions.ts';

const CDNOW_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'cdnow');
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function readSummaryCsv(): { id: number[]; histories: { x: number[]; tx: number[]; T: number[] } } {
  const lines = fs.readFileSync(path.join(CDNOW_DIR, 'cdnow_customers_summary.csv'), 'utf8').trim().split('\n');
  expect(lines[0]).toBe('ID,frequency,recency,T');
  const id: number[] = [];
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (const line of lines.slice(1)) {
    const [i, f, r, t] = line.split(',').map(Number);
    id.push(i!);
    x.push(f!);
    tx.push(r!);
    T.push(t!);
  }
  return { id, histories: { x, tx, T } };
}

/** Days since 1970-01-01 of a YYYYMMDD date. */
function dayNumber(yyyymmdd: string): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Purchase days per sample customer id (1–2357), from the raw transaction file. */
function readTransactions(): { purchases: number; daysById: Map<number, number[]> } {
  const daysById = new Map<number, number[]>();
  let purchases = 0;
  for (const line of fs.readFileSync(path.join(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const [, sampleId, date] = line.trim().split(/\s+/);
    const id = Number(sampleId);
    const days = daysById.get(id) ?? [];
    days.push(dayNumber(date!));
    daysById.set(id, days);
    purchases++;
  }
  return { purchases, daysById };
}

const cdnow = readSummaryCsv();

describe('fitBgNbd on the CDNOW calibration summary', () => {
  const fit = fitBgNbd(cdnow.histories);

  it('reproduces the published estimates and log-likelihood', () => {
    expect(fit.converged).toBe(true);
    expect(fit.status).toBe('converged');
    expect(fit.customers).toBe(2357);
    expect(Math.abs(fit.params.r - PUBLISHED.r)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.alpha - PUBLISHED.alpha)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.a - PUBLISHED.a)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.b - PUBLISHED.b)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.05);
  });

  it('agrees with the lifetimes package to six digits, standard errors included', () => {
    expect(fit.params.r).toBeCloseTo(0.242593, 5);
    expect(fit.params.alpha).toBeCloseTo(4.413532, 4);
    expect(fit.params.a).toBeCloseTo(0.792886, 5);
    expect(fit.params.b).toBeCloseTo(2.425752, 4);
    const se = fit.standardErrors!;
    expect(se.r).toBeCloseTo(0.012557, 4);
    expect(se.alpha).toBeCloseTo(0.378221, 3);
    expect(se.a).toBeCloseTo(0.185719, 3);
    expect(se.b).toBeCloseTo(0.705345, 3);
  });

  it('finds a maximum: the published (rounded) parameters score lower, and so does any nearby point', () => {
    const atPublished = bgNbdLogLikelihood(PUBLISHED, cdnow.histories);
    expect(atPublished).toBeCloseTo(-9582.4, 1);
    expect(atPublished).toBeLessThan(fit.logLikelihood);
    expect(bgNbdLogLikelihood(fit.params, cdnow.histories)).toBeCloseTo(fit.logLikelihood, 8);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      for (const factor of [0.999, 1.001]) {
        const nearby = { ...fit.params, [key]: fit.params[key] * factor };
        expect(bgNbdLogLikelihood(nearby, cdnow.histories)).toBeLessThan(fit.logLikelihood);
      }
    }
  });

  it('does not depend on the time unit: in days α is 7 times larger and the rest unchanged', () => {
    const inDays = {
      x: cdnow.histories.x,
      tx: cdnow.histories.tx.map((v) => v * 7),
      T: cdnow.histories.T.map((v) => v * 7),
    };
    const daysFit = fitBgNbd(inDays);
    expect(daysFit.converged).toBe(true);
    expect(daysFit.params.r / fit.params.r).toBeCloseTo(1, 5);
    expect(daysFit.params.alpha / (7 * fit.params.alpha)).toBeCloseTo(1, 5);
    expect(daysFit.params.a / fit.params.a).toBeCloseTo(1, 5);
    expect(daysFit.params.b / fit.params.b).toBeCloseTo(1, 5);
    // Each repeat purchase's density is 1/7 as large per day as per week.
    const repeatPurchases = cdnow.histories.x.reduce((sum, x) => sum + x, 0);
    expect(daysFit.logLikelihood).toBeCloseTo(fit.logLikelihood - repeatPurchases * Math.log(7), 5);
  });

  it('starting from a previous fit converges to the same point in fewer evaluations', () => {
    const warm = fitBgNbd(cdnow.histories, { initial: PUBLISHED });
    expect(warm.converged).toBe(true);
    expect(warm.evaluations).toBeLessThan(fit.evaluations);
    expect(warm.params.r).toBeCloseTo(fit.params.r, 5);
    expect(warm.params.alpha).toBeCloseTo(fit.params.alpha, 4);
    expect(warm.params.a).toBeCloseTo(fit.params.a, 5);
    expect(warm.params.b).toBeCloseTo(fit.params.b, 4);
  });
});

describe('expectedVisits (paper eq. 10)', () => {
  it('gives the published 1.226 purchases in the next 39 weeks for x = 2, t_x = 30.43, T = 38.86', () => {
    const expected = expectedVisits(PUBLISHED, 2, 30.43, 38.86, 39);
    expect(Math.abs(expected - 1.226)).toBeLessThanOrEqual(0.0005);
  });

  /** The paper's formula taken literally, with a plain ₂F₁ series: fine for moderate x and z. */
  function literalEquation10(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
    const z = t / (p.alpha + T + t);
    const A = p.r + x;
    const B = p.b + x;
    const C = p.a + p.b + x - 1;
    let term = 1;
    let hypergeometric = 1;
    for (let n = 0; n < 10_000; n++) {
      term *= (((A + n) * (B + n)) / ((C + n) * (n + 1))) * z;
      hypergeometric += term;
      if (Math.abs(term) < 1e-17 * Math.abs(hypergeometric)) break;
    }
    const bracket = 1 - Math.pow((p.alpha + T) / (p.alpha + T + t), A) * hypergeometric;
    const numerator = ((p.a + p.b + x - 1) / (p.a - 1)) * bracket;
    const denominator = 1 + (x > 0 ? (p.a / (p.b + x - 1)) * Math.pow((p.alpha + T) / (p.alpha + tx), A) : 0);
    return numerator / denominator;
  }

  it('matches the literal formula where that is well conditioned', () => {
    const cases: Array<[BgNbdParams, number, number, number, number]> = [
      [PUBLISHED, 2, 30.43, 38.86, 39],
      [PUBLISHED, 0, 0, 38.86, 39],
      [PUBLISHED, 7, 35, 38, 52],
      [{ r: 1.3, alpha: 9, a: 2.5, b: 7 }, 4, 20, 60, 30],
      [{ r: 0.6, alpha: 30, a: 0.4, b: 0.9 }, 12, 300, 365, 90],
      [{ r: 3, alpha: 2, a: 1.7, b: 1.1 }, 1, 0.5, 2, 10],
    ];
    for (const [p, x, tx, T, t] of cases) {
      expect(expectedVisits(p, x, tx, T, t) / literalEquation10(p, x, tx, T, t)).toBeCloseTo(1, 10);
    }
  });

  it('is continuous through a = 1 and a + b = 1, where the literal formula divides by zero', () => {
    const near = (p: BgNbdParams, x: number) => {
      const at = expectedVisits(p, x, 0, 40, 30);
      const below = expectedVisits({ ...p, a: p.a - 1e-7 }, x, 0, 40, 30);
      const above = expectedVisits({ ...p, a: p.a + 1e-7 }, x, 0, 40, 30);
      expect(Number.isFinite(at)).toBe(true);
      expect(at).toBeGreaterThan(0);
      expect(Math.abs(at - (below + above) / 2)).toBeLessThan(1e-9 * at);
    };
    near({ r: 0.5, alpha: 5, a: 1, b: 2 }, 0); // a = 1
    near({ r: 0.5, alpha: 5, a: 0.3, b: 0.7 }, 0); // a + b = 1 with x = 0
  });

  it('the series and the quadrature of the defining integral agree for any parameters', () => {
    const params = fc.record({
      r: fc.double({ min: 0.02, max: 30, noNaN: true }),
      alpha: fc.double({ min: 0.05, max: 200, noNaN: true }),
      a: fc.double({ min: 0.05, max: 20, noNaN: true }),
      b: fc.double({ min: 0.05, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(
        params,
        fc.integer({ min: 0, max: 800 }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (p, x, T, t) => {
          const bySeries = expectedVisitsIfAliveBySeries(p, x, T, t);
          const byQuadrature = expectedVisitsIfAliveByQuadrature(p, x, T, t);
          expect(byQuadrature).toBeGreaterThan(0);
          // NaN means the series declined (slow or inexact); expectedVisits then uses the quadrature.
          if (!Number.isNaN(bySeries)) expect(Math.abs(bySeries - byQuadrature)).toBeLessThanOrEqual(1e-8 * byQuadrature);
        },
      ),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('is finite for the cases the series declines (r ≫ x + a + b, or t hundreds of times α + T)', () => {
    const homogeneous: BgNbdParams = { r: 500, alpha: 500, a: 1.5, b: 3 };
    expect(Number.isNaN(expectedVisitsIfAliveBySeries(homogeneous, 0, 5, 30))).toBe(true);
    // λ is then nearly exactly 1 per unit: (1 − e^(−pt))/p averaged over p ~ Beta(1.5, 3) is about 5.
    const value = expectedVisits(homogeneous, 0, 0, 5, 30);
    expect(value).toBeGreaterThan(4.5);
    expect(value).toBeLessThan(5.5);
    const longHorizon: BgNbdParams = { r: 0.5, alpha: 0.01, a: 0.5, b: 3 };
    expect(Number.isNaN(expectedVisitsIfAliveBySeries(longHorizon, 0, 0, 365))).toBe(true);
    expect(Number.isFinite(expectedVisits(longHorizon, 0, 0, 0, 365))).toBe(true);
  });

  it('stays finite and accurate for a daily regular: hundreds of visits over years in days', () => {
    const p: BgNbdParams = { r: 2, alpha: 14, a: 3, b: 20 };
    const value = expectedVisits(p, 900, 1799, 1800, 30);
    expect(value / expectedVisitsIfAliveByQuadrature(p, 900, 1800, 30) / probabilityAlive(p, 900, 1799, 1800)).toBeCloseTo(1, 9);
    // About 901 visits in 1814 days: roughly half a visit a day, so about 15 in 30 days.
    expect(value).toBeGreaterThan(13);
    expect(value).toBeLessThan(16);
  });

  it('is non-negative, grows with t, and never exceeds P(alive) × t × E[λ | x, T]', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.05, max: 10, noNaN: true }),
          alpha: fc.double({ min: 0.1, max: 100, noNaN: true }),
          a: fc.double({ min: 0.05, max: 10, noNaN: true }),
          b: fc.double({ min: 0.05, max: 50, noNaN: true }),
        }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1500, noNaN: true }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        (p, x, txFraction, T, t1, t2) => {
          const tx = x === 0 ? 0 : txFraction * T;
          const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const eShort = expectedVisits(p, x, tx, T, short);
          const eLong = expectedVisits(p, x, tx, T, long);
          expect(eShort).toBeGreaterThanOrEqual(0);
          expect(eLong).toBeGreaterThanOrEqual(eShort * (1 - 1e-12));
          // An alive customer with rate λ makes (1 − e^(−λpt))/p ≤ λt visits; E[λ | x, T] = (r+x)/(α+T).
          const ceiling = (probabilityAlive(p, x, tx, T) * long * (p.r + x)) / (p.alpha + T);
          expect(eLong).toBeLessThanOrEqual(ceiling * (1 + 1e-9) + 1e-300);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('expectedVisitsNew (paper eq. 7)', () => {
  it('matches the mean of simulated new customers and starts with slope r/α', () => {
    const random = new Random(11);
    const t = 39;
    const n = 100_000;
    const simulated = simulateHistories(PUBLISHED, new Float64Array(n).fill(t), () => random.next());
    let sum = 0;
    let sumSquares = 0;
    for (const x of simulated.x) {
      sum += x;
      sumSquares += x * x;
    }
    const mean = sum / n;
    const standardError = Math.sqrt((sumSquares / n - mean * mean) / n);
    const expected = expectedVisitsNew(PUBLISHED, t);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * standardError);
    const tiny = 1e-6;
    expect(expectedVisitsNew(PUBLISHED, tiny) / tiny).toBeCloseTo(PUBLISHED.r / PUBLISHED.alpha, 6);
    expect(expectedVisitsNew(PUBLISHED, 0)).toBe(0);
  });
});

describe('probabilityAlive', () => {
  it('is 1 without repeat visits and follows the closed form otherwise', () => {
    expect(probabilityAlive(PUBLISHED, 0, 0, 38.86)).toBe(1);
    const { r, alpha, a, b } = PUBLISHED;
    const closedForm = 1 / (1 + (a / (b + 2 - 1)) * Math.pow((alpha + 38.86) / (alpha + 30.43), r + 2));
    expect(probabilityAlive(PUBLISHED, 2, 30.43, 38.86)).toBeCloseTo(closedForm, 14);
  });

  it('is 0, not NaN, for a lapsed regular whose odds overflow', () => {
    const p: BgNbdParams = { r: 2, alpha: 1, a: 1, b: 1 };
    expect(probabilityAlive(p, 2000, 10, 1800)).toBe(0);
    expect(probabilityAliveMany(p, { x: [2000], tx: [10], T: [1800] })[0]).toBe(0);
  });

  it('probabilityAliveMany gives the same as one at a time', () => {
    const many = probabilityAliveMany(PUBLISHED, cdnow.histories);
    expect(many.length).toBe(2357);
    for (let i = 0; i < 2357; i += 97) {
      expect(many[i]).toBeCloseTo(
        probabilityAlive(PUBLISHED, cdnow.histories.x[i]!, cdnow.histories.tx[i]!, cdnow.histories.T[i]!),
        14,
      );
    }
  });

  it('lies in [0, 1] and falls as time since the last visit grows', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.01, max: 50, noNaN: true }),
          alpha: fc.double({ min: 0.01, max: 500, noNaN: true }),
          a: fc.double({ min: 0.01, max: 50, noNaN: true }),
          b: fc.double({ min: 0.01, max: 200, noNaN: true }),
        }),
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        (p, x, txRaw, gap, extra) => {
          const tx = x === 0 ? 0 : txRaw;
          const T = tx + gap;
          const now = probabilityAlive(p, x, tx, T);
          const later = probabilityAlive(p, x, tx, T + extra);
          expect(now).toBeGreaterThanOrEqual(0);
          expect(now).toBeLessThanOrEqual(1);
          expect(later).toBeLessThanOrEqual(now);
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('summarizeVisitDays on the raw CDNOW transactions', () => {
  const { purchases, daysById } = readTransactions();
  const ids = [...daysById.keys()].sort((p, q) => p - q);
  const endOfCalibration = dayNumber('19970930');
  const derived = summarizeVisitDays(
    ids.map((id) => daysById.get(id)!),
    endOfCalibration,
    7,
  );

  it('reproduces the published summary for every one of the 2,357 customers', () => {
    expect(purchases).toBe(6919);
    expect(ids).toEqual(cdnow.id);
    let mismatches = 0;
    for (let i = 0; i < ids.length; i++) {
      const sameX = derived.x[i] === cdnow.histories.x[i];
      const sameTx = Math.abs(derived.tx[i]! - cdnow.histories.tx[i]!) <= 0.005 + 1e-9;
      const sameT = Math.abs(derived.T[i]! - cdnow.histories.T[i]!) <= 0.005 + 1e-9;
      if (!(sameX && sameTx && sameT)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('needs purchases on 1997-09-30 itself counted: without them 13 customers differ', () => {
    const dayBefore = summarizeVisitDays(
      ids.map((id) => daysById.get(id)!.filter((day) => day < endOfCalibration)),
      endOfCalibration,
      7,
    );
    let differ = 0;
    for (let i = 0; i < ids.length; i++) if (dayBefore.x[i] !== cdnow.histories.x[i]) differ++;
    expect(differ).toBe(13);
  });

  it('fitted on the unrounded summary, gives CLVTools’ estimates on the raw data', () => {
    const fit = fitBgNbd(derived);
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(0.2425945, 5);
    expect(fit.params.alpha).toBeCloseTo(4.4136019, 4);
    expect(fit.params.a).toBeCloseTo(0.7929199, 5);
    expect(fit.params.b).toBeCloseTo(2.4258881, 4);
    expect(fit.logLikelihood).toBeCloseTo(-9582.429, 3);
  });
});

describe('summarizeVisitDays', () => {
  it('merges same-day visits, ignores visits after the end, and accepts any order', () => {
    const summary = summarizeVisitDays(
      [
        [10, 10, 12, 30, 31], // 4 distinct days up to day 30; day 31 is after the end
        [25, 20, 20], // unsorted, 2 distinct days
        [30], // first visit on the last day
      ],
      30,
    );
    expect(Array.from(summary.x)).toEqual([2, 1, 0]);
    expect(Array.from(summary.tx)).toEqual([20, 5, 0]);
    expect(Array.from(summary.T)).toEqual([20, 10, 0]);
    const weeks = summarizeVisitDays([[0, 7, 14]], 28, 7);
    expect([weeks.x[0], weeks.tx[0], weeks.T[0]]).toEqual([2, 2, 4]);
  });

  it('refuses a customer with no visit by the end and fractional days', () => {
    expect(() => summarizeVisitDays([[5], [40]], 30)).toThrow(/customer 1 has no visit/);
    expect(() => summarizeVisitDays([[5.5]], 30)).toThrow(RangeError);
  });
});

describe('fitBgNbd on simulated customers', () => {
  it('recovers the parameters of 20,000 simulated customers within 4 standard errors', () => {
    const truth: BgNbdParams = { r: 0.8, alpha: 12, a: 0.6, b: 3.5 };
    const random = new Random(42);
    const observed = Array.from({ length: 20_000 }, () => random.between(30, 365));
    const histories = simulateHistories(truth, observed, () => random.next());
    const fit = fitBgNbd(histories);
    expect(fit.converged).toBe(true);
    const se = fit.standardErrors!;
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(se[key]).toBeGreaterThan(0);
      // The standard errors are meaningful: a few percent of the values, not everything-goes.
      expect(se[key]).toBeLessThan(0.2 * truth[key]);
      expect(Math.abs(fit.params[key] - truth[key])).toBeLessThanOrEqual(4 * se[key]);
    }
  });

  it('recovers a café-like mix fitted in days: regulars and occasional visitors are both in the fit', () => {
    const truth: BgNbdParams = { r: 1.5, alpha: 20, a: 1.2, b: 15 };
    const random = new Random(5);
    const observed = Array.from({ length: 20_000 }, () => Math.floor(random.between(1, 1500)));
    const simulated = simulateHistories(truth, observed, () => random.next());
    // Whole days, as the app has them.
    const histories = { x: simulated.x, tx: simulated.tx.map(Math.floor), T: simulated.T };
    const fit = fitBgNbd(histories);
    expect(fit.converged).toBe(true);
    const se = fit.standardErrors!;
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      // Flooring t_x to whole days biases α and r a little: allow 5 standard errors.
      expect(Math.abs(fit.params[key] - truth[key])).toBeLessThanOrEqual(5 * se[key]);
    }
  });
});

describe('fitBgNbd on degenerate data', () => {
  const code = (histories: CustomerHistories): string => {
    try {
      fitBgNbd(histories);
    } catch (error) {
      expect(error).toBeInstanceOf(BgNbdFitError);
      return (error as BgNbdFitError).code;
    }
    return 'no error';
  };

  it('throws a typed error when there is nothing to fit', () => {
    expect(code({ x: [], tx: [], T: [] })).toBe('NO_CUSTOMERS');
    expect(code({ x: [0, 0, 0], tx: [0, 0, 0], T: [3, 10, 40] })).toBe('NO_REPEAT_VISITS');
    expect(code({ x: [1, 2], tx: [5, 50], T: [10, 40] })).toBe('INVALID_HISTORY'); // t_x > T
    expect(code({ x: [1.5], tx: [5], T: [10] })).toBe('INVALID_HISTORY');
    expect(code({ x: [0], tx: [3], T: [10] })).toBe('INVALID_HISTORY');
    expect(code({ x: [1], tx: [Number.NaN], T: [10] })).toBe('INVALID_HISTORY');
    expect(code({ x: [1, 2], tx: [1], T: [2, 3] })).toBe('INVALID_HISTORY');
  });

  it('returns finite parameters with converged: false when the data cannot identify them', () => {
    const cases: CustomerHistories[] = [
      { x: [3], tx: [20], T: [30] },
      { x: [3, 0], tx: [20, 0], T: [30, 10] },
      { x: [3, 1, 0, 5], tx: [20, 5, 0, 28], T: [30, 10, 40, 30] },
      { x: [2, 2, 2, 2], tx: [10, 10, 10, 10], T: [20, 20, 20, 20] },
    ];
    for (const histories of cases) {
      const fit = fitBgNbd(histories);
      expect(fit.converged).toBe(false);
      expect(fit.status).not.toBe('converged');
      for (const value of Object.values(fit.params)) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThan(0);
      }
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    }
  });
});

describe('minimizeBfgs (the optimiser behind fitBgNbd)', () => {
  const unbounded = { lower: [-1e6, -1e6], upper: [1e6, 1e6], maxIterations: 500, tolerance: 1e-20, maxStep: 10 };
  const rosenbrock: ValueAndGradient = (p, gradient) => {
    const [x, y] = [p[0]!, p[1]!];
    gradient[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    gradient[1] = 200 * (y - x * x);
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  };

  it('finds the minimum of the Rosenbrock valley', () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1], unbounded);
    expect(result.status).toBe('converged');
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.value).toBeLessThan(1e-12);
  });

  it('stops on a bound when the minimum lies outside the box, and says so', () => {
    // (x − 3)² + (y + 1)² within [0, 2] × [0, 2]: the constrained minimum is (2, 0).
    const bowl: ValueAndGradient = (p, gradient) => {
      gradient[0] = 2 * (p[0]! - 3);
      gradient[1] = 2 * (p[1]! + 1);
      return (p[0]! - 3) ** 2 + (p[1]! + 1) ** 2;
    };
    const result = minimizeBfgs(bowl, [1, 1], { ...unbounded, lower: [0, 0], upper: [2, 2] });
    expect(result.status).toBe('at-bound');
    expect(Array.from(result.x)).toEqual([2, 0]);
  });

  it('takes a Newton step at once when given the exact inverse Hessian of a quadratic', () => {
    // f = ½ pᵀ A p − bᵀ p with A = [[4, 1], [1, 3]]: minimum at A⁻¹ b.
    const quadratic: ValueAndGradient = (p, gradient) => {
      const [x, y] = [p[0]!, p[1]!];
      gradient[0] = 4 * x + y - 1;
      gradient[1] = x + 3 * y - 2;
      return 0.5 * (4 * x * x + 2 * x * y + 3 * y * y) - x - 2 * y;
    };
    const inverse = [3 / 11, -1 / 11, -1 / 11, 4 / 11];
    const result = minimizeBfgs(quadratic, [5, -5], { ...unbounded, initialInverseHessian: inverse });
    expect(result.status).toBe('converged');
    expect(result.evaluations).toBe(2);
    expect(result.x[0]).toBeCloseTo(1 / 11, 12);
    expect(result.x[1]).toBeCloseTo(7 / 11, 12);
  });
});

describe('special functions', () => {
  it('logGamma matches exact values', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 13);
    expect(logGamma(1e-3)).toBeCloseTo(6.907178885383853, 12); // −ln(0.001) − γ·0.001 + …
    // Γ(101) = 100!: Σ ln k.
    let logFactorial = 0;
    for (let k = 2; k <= 100; k++) logFactorial += Math.log(k);
    expect(logGamma(101) / logFactorial).toBeCloseTo(1, 14);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
  });

  it('integrates end-point singularities over (0, 1)', () => {
    // ∫ p^(−0.9) dp = 10 and ∫ p^(−1/2) (1−p)^(−1/2) dp = π.
    expect(integrateUnitInterval((logP) => -0.9 * logP)).toBeCloseTo(10, 9);
    expect(integrateUnitInterval((logP, logQ) => -0.5 * logP - 0.5 * logQ)).toBeCloseTo(Math.PI, 11);
  });
});
