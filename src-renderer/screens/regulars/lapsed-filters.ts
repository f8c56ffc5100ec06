/**
 * The lapsed list's filters, ranking and page, kept while the owner opens a member and comes back
 * (UI state only; the list itself is always asked afresh). Any change of filter or ranking goes back
 * to the first page.
 */
import { create } from 'zustand';
import type { LapsedQuery } from '../../../src-main/retention/commands.ts';
import type { LapsedRanking, Segment } from '../../../src-main/retention/types.ts';

export interface LapsedFilters {
  minDaysAbsent: number | null;
  minMonthlySpendMinor: number | null;
  tierId: string;
  segment: Segment | '';
  neverContacted: boolean;
  hasBalance: boolean;
}

export const NO_FILTERS: LapsedFilters = { minDaysAbsent: null, minMonthlySpendMinor: null, tierId: '', segment: '', neverContacted: false, hasBalance: false };

interface LapsedView {
  filters: LapsedFilters;
  rankBy: LapsedRanking;
  offset: number;
  setFilter: <K extends keyof LapsedFilters>(key: K, value: LapsedFilters[K]) => void;
  resetFilters: () => void;
  setRankBy: (rankBy: LapsedRanking) => void;
  setOffset: (offset: number) => void;
}

export const useLapsedView = create<LapsedView>()((set) => ({
  filters: NO_FILTERS,
  rankBy: 'value_at_risk',
  offset: 0,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value }, offset: 0 })),
  resetFilters: () => set({ filters: NO_FILTERS, offset: 0 }),
  setRankBy: (rankBy) => set({ rankBy, offset: 0 }),
  setOffset: (offset) => set({ offset }),
}));

export function hasFilters(filters: LapsedFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
}

/** The filters as `retention.lapsed` takes them (unset ones left out). */
export function lapsedQueryOf(filters: LapsedFilters, rankBy: LapsedRanking, offset: number, limit: number): LapsedQuery {
  return {
    ...(filters.minDaysAbsent !== null ? { minDaysAbsent: filters.minDaysAbsent } : {}),
    ...(filters.minMonthlySpendMinor !== null ? { minMonthlySpendMinor: filters.minMonthlySpendMinor } : {}),
    ...(filters.tierId ? { tierId: filters.tierId } : {}),
    ...(filters.segment ? { segment: filters.segment } : {}),
    neverContacted: filters.neverContacted,
    hasBalance: filters.hasBalance,
    rankBy,
    offset,
    limit,
  };
}
