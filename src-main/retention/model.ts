/**
 * The BG/NBD model of the shop's own customers: fitted on demand and once a day, each fit kept in
 * retention_fits; the latest one scores members (probability still a customer, expected visits in the
 * next 90 days). Time unit: days.
 */
import { desc } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { newId } from '../ledger/ids.ts';
import { retentionFits } from '../ledger/schema.ts';
import { isoTime } from '../ledger/time.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { BgNbdFitError, expectedVisits, fitBgNbd, probabilityAlive, type BgNbdParams, type CustomerHistories } from './bgnbd.ts';
import { loadPopulation, type Population } from './population.ts';
import type { ModelFit } from './types.ts';

export const OUTLOOK_DAYS = 90;

/** Fewer customers who came back than this, and the fit says more about chance than about the shop. */
export const MIN_REPEAT_CUSTOMERS = 20;

export function historiesOf(population: Population): CustomerHistories {
  const n = population.size;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = population.visitDays[i]! - 1;
    tx[i] = population.daysSinceFirst[i]! - population.daysAbsent[i]!;
  }
  return { x, tx, T: population.daysSinceFirst };
}

type FitRow = typeof retentionFits.$inferSelect;

function toFit(row: FitRow): ModelFit {
  return {
    id: row.id,
    asOfDate: row.asOfDate,
    members: row.members,
    params: { r: row.r, alpha: row.alpha, a: row.a, b: row.b },
    logLikelihood: row.logLikelihood,
    converged: row.converged,
    durationMs: row.durationMs,
    createdAt: row.createdAt,
  };
}

export function latestFit(ledger: Ledger): ModelFit | null {
  const row = ledger.db.select().from(retentionFits).orderBy(desc(retentionFits.createdAt)).limit(1).get();
  return row ? toFit(row) : null;
}

/** Fit the model to every customer's visits up to `asOfDate` (starting from the last fit) and keep it. */
export function fitModel(ledger: Ledger, asOfDate: string): ModelFit {
  const started = performance.now();
  const population = loadPopulation(ledger, asOfDate);
  let repeaters = 0;
  for (let i = 0; i < population.size; i++) if (population.visitDays[i]! > 1) repeaters++;
  if (repeaters < MIN_REPEAT_CUSTOMERS) fail('NOT_ENOUGH_HISTORY', { needed: MIN_REPEAT_CUSTOMERS });
  const previous = latestFit(ledger);
  let fit;
  try {
    fit = fitBgNbd(historiesOf(population), previous?.converged ? { initial: previous.params } : {});
  } catch (error) {
    // An impossible history (INVALID_HISTORY) is a bug in the cached visit figures: let it surface.
    if (error instanceof BgNbdFitError && error.code !== 'INVALID_HISTORY') fail('NOT_ENOUGH_HISTORY', { needed: MIN_REPEAT_CUSTOMERS });
    throw error;
  }
  const row: FitRow = {
    id: newId(),
    asOfDate,
    members: fit.customers,
    ...fit.params,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    durationMs: Math.round(performance.now() - started),
    createdAt: isoTime(ledger.clock()),
  };
  inTransaction(ledger, () => ledger.db.insert(retentionFits).values(row).run());
  return toFit(row);
}

export interface Outlook {
  probabilityAlive: number;
  expectedVisits90: number;
}

/** A member's outlook under a fitted model, from their visit days, span and days absent. */
export function outlookOf(params: BgNbdParams, visitDays: number, daysSinceFirst: number, daysAbsent: number): Outlook {
  const x = visitDays - 1;
  const T = daysSinceFirst;
  const tx = T - daysAbsent;
  return { probabilityAlive: probabilityAlive(params, x, tx, T), expectedVisits90: expectedVisits(params, x, tx, T, OUTLOOK_DAYS) };
}
