/**
 * The BG/NBD model on the shop's own ledger: fitted from the visit days checkout keeps, stored, and
 * used to score members and rank the lapsed list by expected loss.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../src-main/ledger/errors.ts';
import { simulateVisitTimes } from '../../src-main/retention/bgnbd-simulate.ts';
import { probabilityAlive } from '../../src-main/retention/bgnbd.ts';
import { lapsedQuery } from '../../src-main/retention/commands.ts';
import { listLapsed } from '../../src-main/retention/lapsed.ts';
import { fitModel, latestFit } from '../../src-main/retention/model.ts';
import { memberOutlook } from '../../src-main/retention/outlook.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { buildHistories, every, TODAY } from './retention-shop.ts';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger();
});
afterEach(() => t.dispose());

describe('the retention model of a shop', () => {
  it('refuses to fit too little history, with a clear code', () => {
    buildHistories(t, [{ name: 'a', daysAgo: [3, 10], amountMinor: 100 }]);
    expect(() => fitModel(t.ledger, TODAY)).toThrow(LedgerError);
    expect(latestFit(t.ledger)).toBeNull();
  });

  it('fits the visit days, keeps the fit, and scores members: a regular who stopped is less likely alive', () => {
    // 40 members whose visits follow a BG/NBD process (days), plus two we know.
    let seed = 7;
    const uniform = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) + 0.5) / 2 ** 31;
    const visitors = Array.from({ length: 40 }, (_, i) => {
      const visits = simulateVisitTimes({ r: 0.8, alpha: 40, a: 0.6, b: 3 }, 360, uniform);
      return { name: `sim${i}`, daysAgo: [...new Set(visits.map((d) => 360 - Math.floor(d)))], amountMinor: 2_000 };
    });
    const [steady, stopped] = buildHistories(t, [
      { name: '稳定', daysAgo: every(7, 30, 3), amountMinor: 3_000 },
      { name: '不来了', daysAgo: every(7, 30, 150), amountMinor: 3_000 },
      ...visitors,
    ]);
    const fit = fitModel(t.ledger, TODAY);
    expect(fit.members).toBe(42);
    expect(fit.params.r).toBeGreaterThan(0);
    expect(latestFit(t.ledger)!.id).toBe(fit.id);

    const steadyOutlook = memberOutlook(t.ledger, steady!.id, TODAY).member;
    const stoppedOutlook = memberOutlook(t.ledger, stopped!.id, TODAY).member;
    expect(steadyOutlook.probabilityAlive!).toBeGreaterThan(0.9);
    expect(stoppedOutlook.probabilityAlive!).toBeLessThan(0.05);
    expect(steadyOutlook.expectedVisits90!).toBeGreaterThan(stoppedOutlook.expectedVisits90!);
    // The numbers are the model's: P(alive) for 29 repeat visits over 203 days, seen 150 days ago.
    expect(stoppedOutlook.probabilityAlive).toBeCloseTo(probabilityAlive(fit.params, 29, 203, 353), 12);
    expect(stoppedOutlook.expectedLossMinor).toBe(Math.floor((1 - stoppedOutlook.probabilityAlive!) * stoppedOutlook.monthlySpendMinor + 0.5));

    // Ranking by expected loss puts high value × low P(alive) first, and every row carries the outlook.
    const ranked = listLapsed(t.ledger, lapsedQuery.parse({ rankBy: 'expected_loss', limit: 500 }), TODAY);
    expect(ranked.model?.id).toBe(fit.id);
    const losses = ranked.rows.map((r) => r.expectedLossMinor!);
    expect(losses.every((l) => Number.isInteger(l))).toBe(true);
    expect(losses).toEqual([...losses].sort((x, y) => y - x));
    expect(ranked.rows[0]!.memberId).toBe(stopped!.id);
    // The early-stopping walk gives the same page as ranking every lapsed member by hand.
    const everyone = listLapsed(t.ledger, lapsedQuery.parse({ limit: 500 }), TODAY).rows;
    const byHand = [...everyone].sort((x, y) => (1 - y.probabilityAlive!) * y.monthlySpendMinor - (1 - x.probabilityAlive!) * x.monthlySpendMinor || (x.memberId < y.memberId ? -1 : 1));
    const page2 = listLapsed(t.ledger, lapsedQuery.parse({ rankBy: 'expected_loss', offset: 3, limit: 4 }), TODAY);
    expect(page2.rows.map((r) => r.memberId)).toEqual(byHand.slice(3, 7).map((r) => r.memberId));
    expect(page2.total).toBe(everyone.length);
  });
});
