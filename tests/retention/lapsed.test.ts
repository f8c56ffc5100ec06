import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lapsedQuery } from '../../src-main/retention/commands.ts';
import { logCall } from '../../src-main/retention/contacts.ts';
import { listLapsed } from '../../src-main/retention/lapsed.ts';
import { isLapsed, monthlySpendMinor, usualIntervalDays, type VisitFacts } from '../../src-main/ledger/visit-figures.ts';
import { DEFAULT_SETTINGS } from '../../src-main/ledger/settings-schema.ts';
import { getMember } from '../../src-main/ledger/members.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { topUp } from '../../src-main/ledger/wallet.ts';
import { updateSettings } from '../../src-main/ledger/settings.ts';
import { openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { buildHistories, every, TODAY } from './retention-shop.ts';

const rule = DEFAULT_SETTINGS.retention;
const facts = (visitDays: number, first: string, last: string, total = 10_000): VisitFacts => ({ visitDays, firstVisitDate: first, lastVisitDate: last, totalSpentMinor: total });

describe('the lapsed rule', () => {
  it('a weekly regular absent 4 weeks is lapsed; a monthly one absent 5 weeks is not', () => {
    // Weekly: 8 visits 7 days apart, the last on 2026-10-26 (28 days before today).
    expect(isLapsed(facts(8, '2026-09-07', '2026-10-26'), TODAY, rule)).toBe(true);
    // Monthly: 6 visits 30 days apart, the last 35 days ago.
    expect(isLapsed(facts(6, '2026-03-23', '2026-10-19'), TODAY, rule)).toBe(false);
    // The same monthly member 91 days absent: beyond 3 × 30 days.
    expect(isLapsed(facts(6, '2026-03-27', '2026-08-24'), TODAY, rule)).toBe(true);
    expect(isLapsed(facts(6, '2026-03-28', '2026-08-25'), TODAY, rule)).toBe(false);
  });

  it('needs both the shop minimum and the multiple, and two visit days', () => {
    // Every 2 days, absent 10 days: 5 × their interval, but under the 21-day minimum.
    expect(isLapsed(facts(10, '2026-10-26', '2026-11-13'), TODAY, rule)).toBe(false);
    // Exactly 21 days absent is not "more than 21".
    expect(isLapsed(facts(10, '2026-10-14', '2026-11-02'), TODAY, rule)).toBe(false);
    expect(isLapsed(facts(10, '2026-10-13', '2026-11-01'), TODAY, rule)).toBe(true);
    // One visit day: no usual interval, never lapsed.
    expect(isLapsed(facts(1, '2025-01-01', '2025-01-01'), TODAY, rule)).toBe(false);
    expect(usualIntervalDays(facts(1, '2025-01-01', '2025-01-01'))).toBeNull();
  });

  it('monthly spend is total × 30 / active days (span + one interval), at least a month', () => {
    // 5 visits weekly (interval 7, active 35 days), ¥350 in all → ¥300 a month.
    expect(monthlySpendMinor(facts(5, '2026-01-01', '2026-01-29', 35_000))).toBe(30_000);
    // Two visits on consecutive days: active time floored at a month, not ¥-fortune a month.
    expect(monthlySpendMinor(facts(2, '2026-01-01', '2026-01-02', 5_000))).toBe(5_000);
    // Rounded half up in minor units: 1000 × 30 / 42 = 714.28… → 714.
    expect(monthlySpendMinor(facts(3, '2026-01-01', '2026-01-29', 1_000))).toBe(714);
    expect(monthlySpendMinor(facts(0, '2026-01-01', '2026-01-01', 0))).toBe(0);
  });
});

describe('the lapsed list', () => {
  let t: TestLedger;
  beforeEach(() => {
    t = openTestLedger();
  });
  afterEach(() => t.dispose());

  const query = (input: Parameters<typeof lapsedQuery.parse>[0] = {}) => listLapsed(t.ledger, lapsedQuery.parse(input), TODAY);

  it('lists exactly the lapsed members, ranked by value at risk, with totals', () => {
    const [weekly, monthly, big, newcomer, recent] = buildHistories(t, [
      { name: '每周常客', daysAgo: every(7, 8, 28), amountMinor: 3_000 },
      { name: '每月常客', daysAgo: every(30, 6, 35), amountMinor: 20_000 },
      { name: '大客户', daysAgo: every(10, 6, 60), amountMinor: 50_000 },
      { name: '只来一次', daysAgo: [200], amountMinor: 9_000 },
      { name: '刚来过', daysAgo: every(7, 5, 2), amountMinor: 3_000 },
    ]);
    expect(checkLedgerInvariants(t.ledger)).toEqual([]);
    const page = query();
    expect(page.rows.map((r) => r.name)).toEqual(['大客户', '每周常客']);
    expect(page.total).toBe(2);
    const bigRow = page.rows[0]!;
    // 6 visits 10 days apart: active 60 days, ¥3,000 spent → ¥1,500 a month.
    expect(bigRow).toMatchObject({ visitDays: 6, usualIntervalDays: 10, daysAbsent: 60, totalSpentMinor: 300_000, monthlySpendMinor: 150_000 });
    // 8 weekly visits of ¥30: ¥240 over 56 days → 24000 × 30 / 56 = 12857.1 → 12857.
    expect(page.rows[1]).toMatchObject({ memberId: weekly!.id, daysAbsent: 28, usualIntervalDays: 7, monthlySpendMinor: 12_857 });
    expect(page.valueAtRiskMinor).toBe(150_000 + 12_857);
    expect(page.rows.map((r) => r.memberId)).not.toContain(monthly!.id);
    expect(page.rows.map((r) => r.memberId)).not.toContain(newcomer!.id);
    expect(page.rows.map((r) => r.memberId)).not.toContain(recent!.id);
    expect(bigRow.memberId).toBe(big!.id);
    expect(bigRow.lastVisitDate).toBe('2026-09-24');
    expect(bigRow.rfm).not.toBeNull();
  });

  it('filters by days absent, spend, balance and "never contacted"; thresholds come from settings', () => {
    const [weekly, big] = buildHistories(t, [
      { name: '每周常客', daysAgo: every(7, 8, 28), amountMinor: 3_000 },
      { name: '大客户', daysAgo: every(10, 6, 60), amountMinor: 50_000 },
    ]);
    expect(query({ minDaysAbsent: 30 }).rows.map((r) => r.memberId)).toEqual([big!.id]);
    expect(query({ minMonthlySpendMinor: 20_000 }).rows.map((r) => r.memberId)).toEqual([big!.id]);
    expect(query({ hasBalance: true }).total).toBe(0); // both paid cash: no stored value
    topUp(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberId: weekly!.id, principalMinor: 10_000, method: 'cash' });
    expect(query({ hasBalance: true }).rows).toMatchObject([{ memberId: weekly!.id, balancePrincipalMinor: 10_000 }]);
    expect(query({ rankBy: 'days_absent' }).rows.map((r) => r.memberId)).toEqual([big!.id, weekly!.id]);

    logCall(t.ledger, { idempotencyKey: randomUUID(), staffId: t.staffId, memberId: big!.id, outcome: 'will_visit', feedback: '下周来' });
    const afterCall = query();
    expect(afterCall.rows.find((r) => r.memberId === big!.id)).toMatchObject({ contactCount: 1, lastContact: { channel: 'call', outcome: 'will_visit' }, wonBackAt: null });
    expect(query({ neverContacted: true }).rows.map((r) => r.memberId)).toEqual([weekly!.id]);

    // Pagination keeps the total.
    const second = query({ offset: 1, limit: 1 });
    expect(second.total).toBe(2);
    expect(second.rows.map((r) => r.memberId)).toEqual([weekly!.id]);
    expect(query({ offset: 5, limit: 1 })).toMatchObject({ total: 2, rows: [] });
    expect(getMember(t.ledger, big!.id).lastVisitDate).toBe('2026-09-24');
  });

  it('a new lapsed rule applies at once to every member (and the invariants check the kept figures)', () => {
    const [weekly, big] = buildHistories(t, [
      { name: '每周常客', daysAgo: every(7, 8, 28), amountMinor: 3_000 },
      { name: '大客户', daysAgo: every(10, 6, 60), amountMinor: 50_000 },
    ]);
    expect(query().total).toBe(2);
    updateSettings(t.ledger, { retention: { ...rule, minDaysAbsent: 30 } });
    expect(query().rows.map((r) => r.memberId)).toEqual([big!.id]);
    expect(getMember(t.ledger, weekly!.id)).toMatchObject({ lastVisitDate: '2026-10-26' });
    expect(checkLedgerInvariants(t.ledger)).toEqual([]);
    // A figure changed behind the ledger's back is caught.
    t.ledger.sqlite.prepare('update members set monthly_spend_minor = monthly_spend_minor + 1 where id = ?').run(big!.id);
    expect(checkLedgerInvariants(t.ledger).map((v) => v.rule)).toEqual(['member monthly spend and lapsed day equal their visit figures']);
  });

  it('the segment filter and the three rankings agree with the rows themselves', () => {
    buildHistories(
      t,
      Array.from({ length: 30 }, (_, i) => ({ name: `m${i}`, daysAgo: every(3 + (i % 7) * 4, 2 + (i % 5), 25 + i * 9), amountMinor: 1_000 + i * 777 })),
    );
    const all = query({ limit: 500 });
    expect(all.total).toBeGreaterThan(10);
    for (const segment of ['lost', 'hibernating', 'at_risk', 'cant_lose'] as const) {
      const filtered = query({ segment, limit: 500 });
      expect(filtered.rows.map((r) => r.memberId).sort(), segment).toEqual(all.rows.filter((r) => r.rfm!.segment === segment).map((r) => r.memberId).sort());
      expect(filtered.total).toBe(filtered.rows.length);
    }
    const byAbsence = query({ rankBy: 'days_absent', limit: 500 }).rows.map((r) => r.daysAbsent!);
    expect(byAbsence).toEqual([...byAbsence].sort((a, b) => b - a));
    const byValue = all.rows.map((r) => r.monthlySpendMinor);
    expect(byValue).toEqual([...byValue].sort((a, b) => b - a));
  });

  it("the list's SQL agrees with isLapsed and monthlySpendMinor member by member", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            visits: fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 8 }),
            amountMinor: fc.integer({ min: 1, max: 99_999 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (histories) => {
          const local = openTestLedger();
          try {
            const members = buildHistories(
              local,
              histories.map((h, i) => ({ name: `m${i}`, daysAgo: h.visits, amountMinor: h.amountMinor })),
            );
            const page = listLapsed(local.ledger, lapsedQuery.parse({ limit: 500 }), TODAY);
            const expected = members
              .map((m) => getMember(local.ledger, m.id))
              .filter((m) => isLapsed(m, TODAY, rule))
              .map((m) => ({ id: m.id, monthly: monthlySpendMinor(m) }));
            expect(new Set(page.rows.map((r) => r.memberId))).toEqual(new Set(expected.map((e) => e.id)));
            for (const row of page.rows) expect(row.monthlySpendMinor).toBe(expected.find((e) => e.id === row.memberId)!.monthly);
            expect(page.valueAtRiskMinor).toBe(expected.reduce((s, e) => s + e.monthly, 0));
          } finally {
            local.dispose();
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
