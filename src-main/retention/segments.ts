/**
 * RFM segments of the whole customer base: counts, revenue and share per segment, the 80/20 view, and
 * the members of one segment. The quintile cut points are kept for a few minutes per data file, so the
 * lapsed list can show and filter by segment without reading every member again.
 */
import type Database from 'better-sqlite3';
import type { Ledger } from '../ledger/db.ts';
import { MEMBER_COLUMNS, toRetentionMembers, type MemberColumns, type RowContext } from './member-rows.ts';
import { loadPopulation, type Population } from './population.ts';
import { cutPointsOf, scoreMember, shareBp, topFifth, type RfmCutPoints } from './rfm.ts';
import { SEGMENTS, type MemberPage, type Segment, type SegmentSummary } from './types.ts';

const CUTS_TTL_MS = 10 * 60_000;
const cutsCache = new WeakMap<Database.Database, { asOfDate: string; at: number; cuts: RfmCutPoints }>();

function remember(ledger: Ledger, asOfDate: string, cuts: RfmCutPoints): RfmCutPoints {
  cutsCache.set(ledger.sqlite, { asOfDate, at: Date.now(), cuts });
  return cuts;
}

/** The shop's RFM cut points on `asOfDate` (recomputed when older than ten minutes). */
export function rfmCutPoints(ledger: Ledger, asOfDate: string): RfmCutPoints {
  const cached = cutsCache.get(ledger.sqlite);
  if (cached && cached.asOfDate === asOfDate && Date.now() - cached.at < CUTS_TTL_MS) return cached.cuts;
  return remember(ledger, asOfDate, cutPointsOf(loadPopulation(ledger, asOfDate)));
}

function segmentsOf(population: Population, cuts: RfmCutPoints): Segment[] {
  const result = new Array<Segment>(population.size);
  for (let i = 0; i < population.size; i++) {
    result[i] = scoreMember(
      { daysAbsent: population.daysAbsent[i]!, visitDays: population.visitDays[i]!, totalSpentMinor: population.totalSpentMinor[i]! },
      cuts,
    ).segment;
  }
  return result;
}

export function segmentSummary(ledger: Ledger, asOfDate: string): SegmentSummary {
  const population = loadPopulation(ledger, asOfDate);
  const cuts = remember(ledger, asOfDate, cutPointsOf(population));
  const segments = segmentsOf(population, cuts);
  const members = new Map<Segment, number>(SEGMENTS.map((s) => [s, 0]));
  const revenue = new Map<Segment, number>(SEGMENTS.map((s) => [s, 0]));
  let revenueMinor = 0;
  for (let i = 0; i < population.size; i++) {
    const segment = segments[i]!;
    const spent = population.totalSpentMinor[i]!;
    members.set(segment, members.get(segment)! + 1);
    revenue.set(segment, revenue.get(segment)! + spent);
    revenueMinor += spent;
  }
  const top = topFifth(Float64Array.from(population.totalSpentMinor).sort().reverse());
  return {
    asOfDate,
    members: population.size,
    revenueMinor,
    segments: SEGMENTS.map((segment) => ({
      segment,
      members: members.get(segment)!,
      revenueMinor: revenue.get(segment)!,
      revenueShareBp: shareBp(revenue.get(segment)!, revenueMinor),
    })),
    top20: { ...top, revenueShareBp: shareBp(top.revenueMinor, revenueMinor) },
  };
}

/** The members of one segment, biggest spenders first. */
export function segmentMembers(ledger: Ledger, segment: Segment, page: { offset: number; limit: number }, context: Omit<RowContext, 'cuts'>): MemberPage {
  const population = loadPopulation(ledger, context.asOfDate);
  const cuts = remember(ledger, context.asOfDate, cutPointsOf(population));
  const segments = segmentsOf(population, cuts);
  const order: number[] = [];
  for (let i = 0; i < population.size; i++) if (segments[i] === segment) order.push(i);
  order.sort((i, j) => population.totalSpentMinor[j]! - population.totalSpentMinor[i]! || (population.memberIds[i]! < population.memberIds[j]! ? -1 : 1));
  const ids = order.slice(page.offset, page.offset + page.limit).map((i) => population.memberIds[i]!);
  const rows = ledger.sqlite
    .prepare(`select ${MEMBER_COLUMNS} from members m join tiers t on t.id = m.tier_id where m.id in (select value from json_each(?))`)
    .all(JSON.stringify(ids)) as MemberColumns[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total: order.length, rows: toRetentionMembers(ledger, ids.map((id) => byId.get(id)!), { ...context, cuts }) };
}
