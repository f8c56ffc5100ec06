/**
 * BG/NBD timing: fitting the model to a café's 100,000 members with five years of visits in days, and
 * scoring every member (P(alive), expected visits in the next 30 days), against two baselines measured
 * in the same run on the same arrays: one evaluation of the log-likelihood (with its gradient), and a
 * plain loop of Math.log over the members' T. The ratios say how many log-likelihood evaluations a fit
 * costs and how far from a bare pass over the data the scoring is.
 *
 *   node scripts/bench/bgnbd.ts                        100,000 members, 10 runs
 *   node scripts/bench/bgnbd.ts --customers 20000 --runs 20
 *
 * The members are simulated from the model itself (src-main/retention/bgnbd-simulate.ts), a mix of
 * regulars (about weekly, rarely lapsing) and occasional visitors (a few times a year), joining at
 * random days over the five years; visits are whole days, several on one day count as one.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Random } from '../../src-main/demo/random.ts';
import {
  bgNbdLogLikelihoodOf,
  expectedVisits,
  fitBgNbd,
  probabilityAliveMany,
  summarizeVisitDays,
  type BgNbdFit,
  type BgNbdParams,
} from '../../src-main/retention/bgnbd.ts';
import { simulateVisitTimes } from '../../src-main/retention/bgnbd-simulate.ts';
import { summarize, type Summary } from './stats.ts';
import { time } from './timing.ts';

const SEED = 20261123;
const DAYS = 5 * 365;
/** About weekly (mean λ = 2/14 a day), dropping out after 1 visit in 21 on average. */
const REGULARS: BgNbdParams = { r: 2, alpha: 14, a: 1, b: 20 };
/** About every four months (mean λ = 0.5/60 a day), dropping out after 1 visit in 4.75 on average. */
const OCCASIONAL: BgNbdParams = { r: 0.5, alpha: 60, a: 0.8, b: 3 };
const REGULAR_SHARE = 0.3;
const HORIZON_DAYS = 30;

export interface BgNbdBenchOptions {
  customers: number;
  runs: number;
}

export interface BgNbdBenchFigures {
  customers: number;
  runs: number;
  visits: number;
  repeatCustomers: number;
  generationMs: number;
  fit: Summary;
  probabilityAliveAll: Summary;
  expectedVisitsAll: Summary;
  baselineLogLikelihood: Summary;
  baselineLogLoop: Summary;
  /** Medians and p99s divided by the baselines'. */
  ratios: {
    fitToLogLikelihood: { median: number; p99: number };
    fitToLogLoop: { median: number; p99: number };
    probabilityAliveToLogLoop: { median: number; p99: number };
  };
  result: Pick<BgNbdFit, 'params' | 'standardErrors' | 'iterations' | 'evaluations' | 'status'>;
  machine: { cpus: number; cpuModel: string; node: string };
}

function simulateCafe(customers: number): { visitDays: number[][]; visits: number } {
  const random = new Random(SEED);
  const uniform = () => random.next();
  const visitDays: number[][] = [];
  let visits = 0;
  for (let i = 0; i < customers; i++) {
    const joined = random.int(0, DAYS);
    const params = random.chance(REGULAR_SHARE) ? REGULARS : OCCASIONAL;
    const days = simulateVisitTimes(params, DAYS - joined, uniform).map((t) => joined + Math.floor(t));
    visits += days.length;
    visitDays.push(days);
  }
  return { visitDays, visits };
}


function ratio(subject: Summary, baseline: Summary): { median: number; p99: number } {
  return { median: subject.median / baseline.median, p99: subject.p99 / baseline.p99 };
}

export function benchBgNbd({ customers, runs }: BgNbdBenchOptions): BgNbdBenchFigures {
  const generationStart = performance.now();
  const { visitDays, visits } = simulateCafe(customers);
  const histories = summarizeVisitDays(visitDays, DAYS);
  const generationMs = performance.now() - generationStart;
  let repeatCustomers = 0;
  for (const x of histories.x) if (x > 0) repeatCustomers++;

  const logLikelihood = bgNbdLogLikelihoodOf(histories);
  const probabilities = new Float64Array(customers);
  let fit: BgNbdFit | undefined;
  let sink = 0;
  const samples = { fit: [] as number[], alive: [] as number[], expected: [] as number[], ll: [] as number[], log: [] as number[] };

  // One warm-up round (JIT), then the measured runs; within a run the cases alternate so background
  // load on the machine falls on subject and baselines alike.
  for (let run = -1; run < runs; run++) {
    const fitMs = time(() => {
      fit = fitBgNbd(histories);
    });
    const params = fit!.params;
    const aliveMs = time(() => probabilityAliveMany(params, histories, probabilities));
    const expectedMs = time(() => {
      for (let i = 0; i < customers; i++) {
        sink += expectedVisits(params, histories.x[i]!, histories.tx[i]!, histories.T[i]!, HORIZON_DAYS);
      }
    });
    const llMs = time(() => {
      sink += logLikelihood(params);
    });
    const logMs = time(() => {
      let sum = 0;
      for (let i = 0; i < customers; i++) sum += Math.log(params.alpha + histories.T[i]!);
      sink += sum;
    });
    if (run < 0) continue;
    samples.fit.push(fitMs);
    samples.alive.push(aliveMs);
    samples.expected.push(expectedMs);
    samples.ll.push(llMs);
    samples.log.push(logMs);
  }
  if (!Number.isFinite(sink)) throw new Error('benchBgNbd: a measured result was not finite');

  const figures = {
    fit: summarize(samples.fit),
    probabilityAliveAll: summarize(samples.alive),
    expectedVisitsAll: summarize(samples.expected),
    baselineLogLikelihood: summarize(samples.ll),
    baselineLogLoop: summarize(samples.log),
  };
  const { params, standardErrors, iterations, evaluations, status } = fit!;
  const cpus = os.cpus();
  return {
    customers,
    runs,
    visits,
    repeatCustomers,
    generationMs,
    ...figures,
    ratios: {
      fitToLogLikelihood: ratio(figures.fit, figures.baselineLogLikelihood),
      fitToLogLoop: ratio(figures.fit, figures.baselineLogLoop),
      probabilityAliveToLogLoop: ratio(figures.probabilityAliveAll, figures.baselineLogLoop),
    },
    result: { params, standardErrors, iterations, evaluations, status },
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', node: process.version },
  };
}

function printFigures(f: BgNbdBenchFigures): void {
  const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1).padStart(8);
  const row = (label: string, s: Summary) =>
    console.log(`${label.padEnd(40)}${ms(s.median)}${ms(s.p99)}${ms(s.max)}`);
  console.log(
    `BG/NBD, ${f.customers.toLocaleString('en')} members (${f.repeatCustomers.toLocaleString('en')} with repeat visits, ` +
      `${f.visits.toLocaleString('en')} visits over ${DAYS} days), ${f.runs} runs; ` +
      `generated in ${(f.generationMs / 1000).toFixed(1)} s`,
  );
  console.log(`${f.machine.cpus} × ${f.machine.cpuModel}, Node ${f.machine.node}\n`);
  console.log(`${'ms'.padEnd(40)}${'median'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}`);
  row('fitBgNbd', f.fit);
  row('probabilityAliveMany (all)', f.probabilityAliveAll);
  row(`expectedVisits, next ${HORIZON_DAYS} days (all)`, f.expectedVisitsAll);
  row('baseline: one log-likelihood evaluation', f.baselineLogLikelihood);
  row('baseline: Math.log loop over T', f.baselineLogLoop);
  const x = (r: { median: number; p99: number }) => `${r.median.toFixed(1)}× median, ${r.p99.toFixed(1)}× p99`;
  console.log(`\nfit / one log-likelihood evaluation: ${x(f.ratios.fitToLogLikelihood)}`);
  console.log(`fit / Math.log loop:                 ${x(f.ratios.fitToLogLoop)}`);
  console.log(`P(alive) all / Math.log loop:        ${x(f.ratios.probabilityAliveToLogLoop)}`);
  const p = f.result.params;
  console.log(
    `\nfit: ${f.result.status}, ${f.result.iterations} iterations, ${f.result.evaluations} evaluations; ` +
      `r ${p.r.toFixed(4)}, α ${p.alpha.toFixed(3)} days, a ${p.a.toFixed(4)}, b ${p.b.toFixed(3)}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: { customers: { type: 'string', default: '100000' }, runs: { type: 'string', default: '10' } },
  });
  printFigures(benchBgNbd({ customers: Number(values.customers), runs: Number(values.runs) }));
}
