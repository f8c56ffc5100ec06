/**
 * The reports on a demo shop (three busy months written through the ledger's use cases: members,
 * walk-ins, split tenders, refunds, top-ups and their refunds, gifts and corrections), each figure
 * cross-checked against plain SQL over the ledger's own rows: net sales = the sum of the bills (sales
 * minus refunds), methods = the payment rows, top-ups = the top-up rows, what is owed = the wallet and
 * points entries and the members' cached balances, and every day against the day summary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoShop, type DemoOptions } from '../../src-main/demo/demo-shop.ts';
import { closeLedger, openLedger, type Ledger } from '../../src-main/ledger/db.ts';
import { daySummary } from '../../src-main/ledger/day-summary.ts';
import { businessDate, businessDayStartIso } from '../../src-main/ledger/time.ts';
import { addDays } from '../../src-main/ledger/visit-figures.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';
import { customersReport } from '../../src-main/reports/customers.ts';
import { liabilityReport } from '../../src-main/reports/liability.ts';
import { memberReport } from '../../src-main/reports/member-report.ts';
import { salesReport } from '../../src-main/reports/sales.ts';
import { topMembersReport } from '../../src-main/reports/top-members.ts';
import { topupsReport } from '../../src-main/reports/topups.ts';

const END = new Date(2026, 10, 20, 20, 0, 0);
const OPTIONS: DemoOptions = { seed: 11, members: 150, days: 90, endDate: END, traffic: 3 };

let root: string;
let ledger: Ledger;
let first: string;
const last = '2026-11-20';

const value = <T = number>(query: string, ...params: unknown[]) => ledger.sqlite.prepare(query).pluck().get(...params) as T;
const rows = <T>(query: string, ...params: unknown[]) => ledger.sqlite.prepare(query).all(...params) as T[];

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-reports-demo-'));
  const { file } = writeDemoShop(root, MIGRATIONS_DIR, OPTIONS);
  ledger = openLedger(file, { migrationsFolder: MIGRATIONS_DIR, clock: () => END });
  first = value<string>('select min(business_date) from bills');
}, 240_000);

afterAll(() => {
  if (ledger) closeLedger(ledger);
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('the demo shop', () => {
  it('has every kind of record the reports read', () => {
    expect(value("select count(*) from bills where kind = 'refund'")).toBeGreaterThan(3);
    expect(value("select count(*) from bills where member_id is null")).toBeGreaterThan(20);
    expect(value("select count(*) from topups where kind = 'refund'")).toBeGreaterThan(0);
    expect(value("select count(*) from wallet_entries where kind = 'adjust'")).toBeGreaterThan(0);
    expect(value("select count(distinct method) from payments")).toBeGreaterThanOrEqual(6);
  });

  it('sells what its bills say: net sales = sales − refunds = the sum of the bills, month by month', () => {
    const r = salesReport(ledger, { from: first, to: last, groupBy: 'month' });
    expect(r.totals.netMinor).toBe(value('select sum(total_minor) from bills'));
    expect(r.totals.salesMinor).toBe(value("select sum(total_minor) from bills where kind = 'sale'"));
    expect(r.totals.refundsMinor).toBe(value("select -sum(total_minor) from bills where kind = 'refund'"));
    expect(r.totals.netMinor).toBe(r.totals.salesMinor - r.totals.refundsMinor);
    expect([r.totals.salesCount, r.totals.refundsCount]).toEqual([value("select count(*) from bills where kind = 'sale'"), value("select count(*) from bills where kind = 'refund'")]);
    const months = rows<{ month: string; net: number }>('select substr(business_date, 1, 7) as month, sum(total_minor) as net from bills group by month order by month');
    expect(r.buckets.map((b) => [b.start.slice(0, 7), b.netMinor])).toEqual(months.map((m) => [m.month, m.net]));
    const methods = rows<{ method: string; net: number }>('select method, sum(amount_minor) as net from payments group by method');
    expect(Object.fromEntries(r.byMethod.map((m) => [m.method, m.netMinor]))).toEqual(Object.fromEntries(methods.map((m) => [m.method, m.net])));
    expect(r.totals.takenMinor).toBe(value("select sum(amount_minor) from payments where method in ('cash', 'card', 'wechat', 'alipay')"));
  });

  it('agrees with the day summary on every day, and weeks add up to the same', () => {
    const days = salesReport(ledger, { from: first, to: last, groupBy: 'day' });
    for (const b of days.buckets) {
      const d = daySummary(ledger, { businessDate: b.start });
      expect([b.salesCount, b.refundsCount, b.salesMinor, b.refundsMinor, b.netMinor, b.pointsEarned]).toEqual([d.salesCount, d.refundsCount, d.salesMinor, d.refundsMinor, d.netMinor, d.pointsEarned]);
    }
    const weeks = salesReport(ledger, { from: first, to: last, groupBy: 'week' });
    expect(weeks.buckets.reduce((s, b) => s + b.netMinor, 0)).toBe(days.totals.netMinor);
    expect(weeks.buckets.every((b) => new Date(`${b.start}T00:00:00Z`).getUTCDay() === 1 || b.start === first)).toBe(true);
  });

  it('tops up what its top-ups say', () => {
    const r = topupsReport(ledger, { from: first, to: last, groupBy: 'month' });
    expect(r.totals.principalMinor).toBe(value("select sum(principal_minor) from topups where kind = 'topup'"));
    expect(r.totals.bonusMinor).toBe(value("select sum(bonus_minor) from topups where kind = 'topup'"));
    expect(r.totals.refundedPrincipalMinor).toBe(value("select coalesce(-sum(principal_minor), 0) from topups where kind = 'refund'"));
    expect(r.totals.netPrincipalMinor).toBe(value('select sum(principal_minor) from topups'));
    expect(r.byMethod.reduce((s, m) => s + m.netPrincipalMinor, 0)).toBe(r.totals.netPrincipalMinor);
  });

  it('owes what the wallet and points ledgers hold, today and at the end of any earlier day', () => {
    const today = liabilityReport(ledger);
    expect(today.asOf).toBe(last);
    const cached = rows<{ p: number; b: number; pts: number; n: number }>(
      'select sum(balance_principal_minor) p, sum(balance_bonus_minor) b, sum(points) pts, sum(balance_principal_minor + balance_bonus_minor > 0) n from members',
    )[0]!;
    expect(today.storedValue).toEqual({ members: cached.n, principalMinor: cached.p, bonusMinor: cached.b, totalMinor: cached.p + cached.b });
    expect(today.points.outstanding).toBe(cached.pts);
    expect(today.storedValue.principalMinor).toBe(value('select sum(principal_delta_minor) from wallet_entries'));
    expect(today.aging.reduce((s, a) => s + a.totalMinor, 0)).toBe(today.storedValue.totalMinor);
    expect(today.storedValue.totalMinor).toBeGreaterThan(0);

    for (const asOf of [addDays(first, 10), addDays(first, 45), addDays(last, -1)]) {
      const before = businessDayStartIso(asOf, 1);
      const r = liabilityReport(ledger, { asOf });
      expect(r.storedValue.principalMinor).toBe(value('select coalesce(sum(principal_delta_minor), 0) from wallet_entries where created_at < ?', before));
      expect(r.storedValue.bonusMinor).toBe(value('select coalesce(sum(bonus_delta_minor), 0) from wallet_entries where created_at < ?', before));
      expect(r.points.outstanding).toBe(value('select coalesce(sum(delta), 0) from points_entries where created_at < ?', before));
    }
  });

  it('splits sales between members and walk-ins and counts visits and new members as the rows say', () => {
    const r = customersReport(ledger, { from: first, to: last, groupBy: 'week' });
    expect(r.totals.memberNetMinor).toBe(value('select sum(total_minor) from bills where member_id is not null'));
    expect(r.totals.walkInNetMinor).toBe(value('select sum(total_minor) from bills where member_id is null'));
    expect(r.totals.memberVisits).toBe(value("select count(*) from (select distinct member_id, business_date from bills where kind = 'sale' and member_id is not null)"));
    expect(r.totals.walkInVisits).toBe(value("select count(*) from bills where kind = 'sale' and member_id is null"));
    const signedUp = rows<{ created_at: string }>('select created_at from members').filter((m) => {
      const day = businessDate(new Date(m.created_at));
      return day >= first && day <= last;
    }).length;
    expect(r.totals.newMembers).toBe(signedUp);
    expect(r.totals.visitingMembers).toBe(value("select count(distinct member_id) from bills where kind = 'sale' and member_id is not null"));
    expect(r.totals.repeatMembers).toBe(value("select count(*) from (select member_id from bills where kind = 'sale' and member_id is not null group by member_id having count(distinct business_date) >= 2)"));
    expect(r.totals.repeatMembers).toBeGreaterThan(0);
  });

  it('ranks the members by what their bills add up to, and opens the first one’s every bill and entry', () => {
    const top = topMembersReport(ledger, { from: first, to: last, limit: 10 });
    const expected = rows<{ member_id: string; net: number }>(
      'select member_id, sum(total_minor) net from bills where member_id is not null group by member_id order by net desc, member_id limit 10',
    );
    expect(top.members.map((m) => [m.memberId, m.netMinor])).toEqual(expected.map((e) => [e.member_id, e.net]));

    const best = top.members[0]!;
    const drill = memberReport(ledger, { memberId: best.memberId, from: first, to: last });
    expect(drill.bills).toHaveLength(value('select count(*) from bills where member_id = ?', best.memberId));
    expect(drill.figures.netMinor).toBe(best.netMinor);
    for (const bill of drill.bills) expect(bill.payments.reduce((s, p) => s + p.amountMinor, 0)).toBe(bill.totalMinor);
    expect(drill.ledger.closing.balanceMinor).toBe(best.balanceMinor);
    expect(drill.ledger.closing.points).toBe(best.points);
  });
});
