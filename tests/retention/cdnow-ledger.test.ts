/**
 * The real CDNOW purchase histories (tests/fixtures/cdnow, Fader, Hardie & Lee 2005) replayed as a
 * shop: 2,357 members, every purchase of the 39-week calibration period a checkout on its day. The
 * app's own path — visit days kept by checkout, the model fitted from member rows in days — must
 * give the published estimates (α in days is 7 × the weekly α), and its ranking must behave as the
 * literature says: among customers with the same number of purchases, the longer since the last one,
 * the less likely they are still a customer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkout } from '../../src-main/ledger/bills.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { createMember } from '../../src-main/ledger/members.ts';
import { withStatementCache } from '../../src-main/demo/statement-cache.ts';
import { lapsedQuery } from '../../src-main/retention/commands.ts';
import { listLapsed } from '../../src-main/retention/lapsed.ts';
import { fitModel } from '../../src-main/retention/model.ts';
import { memberOutlook } from '../../src-main/retention/outlook.ts';
import { PROJECT_ROOT } from '../../src-main/platform/project-paths.ts';
import { inTransaction } from '../../src-main/ledger/transaction.ts';
import { manualClock, openTestLedger, type TestLedger } from '../helpers/ledger.ts';

const END = '1997-09-30';

interface Purchase {
  customer: number;
  date: string;
  cents: number;
}

function readPurchases(): Purchase[] {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'cdnow', 'CDNOW_sample.txt'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [, id, ymd, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
      const [whole, frac = ''] = dollars.split('.');
      return { customer: Number(id), date: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`, cents: Number(whole) * 100 + Number(frac.padEnd(2, '0')) };
    })
    .filter((p) => p.date <= END);
}

let t: TestLedger;
const memberOf = new Map<number, string>();

beforeAll(() => {
  const clock = manualClock(new Date(1996, 11, 1, 9, 0));
  t = openTestLedger({ clock });
  const purchases = readPurchases().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.customer - b.customer));
  withStatementCache(t.ledger.sqlite, () =>
    inTransaction(t.ledger, () => {
      for (const id of new Set(purchases.map((p) => p.customer))) {
        const member = createMember(t.ledger, { staffId: t.staffId, name: `CDNOW ${id}`, phone: `1380000${String(id).padStart(4, '0')}` });
        memberOf.set(id, member.id);
      }
      let seq = 0;
      for (const p of purchases) {
        const [y, m, d] = p.date.split('-').map(Number) as [number, number, number];
        clock.set(new Date(y, m - 1, d, 12, 0, 0));
        // A $0.00 purchase still is a visit; the shop's minimum line is 1 cent.
        const amountMinor = Math.max(1, p.cents);
        checkout(t.ledger, {
          idempotencyKey: `cdnow-purchase-${seq++}`,
          staffId: t.staffId,
          memberId: memberOf.get(p.customer)!,
          lines: [{ name: 'CD', amountMinor }],
          payments: [{ method: 'card', amountMinor }],
        });
      }
    }),
  );
  clock.set(new Date(1997, 8, 30, 23, 0));
}, 300_000);

afterAll(() => t?.dispose());

describe('CDNOW as a shop', () => {
  it('keeps the ledger invariants with 2,357 members', () => {
    expect(memberOf.size).toBe(2357);
    expect(checkLedgerInvariants(t.ledger)).toEqual([]);
  });

  it('fitting the members’ visit days reproduces the published BG/NBD estimates', () => {
    const fit = fitModel(t.ledger, END);
    expect(fit.members).toBe(2357);
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(0.243, 2);
    expect(fit.params.alpha / 7).toBeCloseTo(4.414, 2);
    expect(fit.params.a).toBeCloseTo(0.793, 2);
    expect(fit.params.b).toBeCloseTo(2.426, 2);
  });

  it('ranks as the literature says: same purchases, longer silence → less likely alive; the lapsed list leads with them', () => {
    // Customers with exactly 3 repeat purchases, by days since the last one.
    const outlooks = [...memberOf.values()]
      .map((id) => memberOutlook(t.ledger, id, END).member)
      .filter((m) => m.visitDays === 4);
    expect(outlooks.length).toBeGreaterThan(20);
    // Pairs with the same first purchase (same T): the one silent longer is less likely alive.
    const byFirst = new Map<string, typeof outlooks>();
    for (const m of outlooks) byFirst.set(m.firstVisitDate!, [...(byFirst.get(m.firstVisitDate!) ?? []), m]);
    let compared = 0;
    for (const group of byFirst.values()) {
      for (const a of group) {
        for (const b of group) {
          if (b.daysAbsent! > a.daysAbsent!) {
            expect(b.probabilityAlive!).toBeLessThan(a.probabilityAlive!);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(5);
    const ranked = listLapsed(t.ledger, lapsedQuery.parse({ rankBy: 'expected_loss', limit: 20 }), END);
    expect(ranked.total).toBeGreaterThan(100);
    for (const row of ranked.rows) expect(row.probabilityAlive!).toBeLessThan(0.6);
  });
});
