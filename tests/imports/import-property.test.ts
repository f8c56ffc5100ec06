/**
 * Property: whatever mix of good and bad rows a member file holds (phones repeated, already members,
 * invalid; balances and points negative, fractional, not numbers; names missing), every row is either
 * imported or rejected with a reason, exactly the rows a plain reading of the rules accepts are
 * imported, each with the balances its row says, the ledger invariants hold, and the same file again
 * changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMember, getMember } from '../../src-main/ledger/members.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { openTestLedger } from '../helpers/ledger.ts';
import { commit, csv, expectSound } from './import-helpers.ts';

const PHONES = ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006'];

interface Cell<T> {
  text: string;
  /** The value in minor units or points when the cell is acceptable. */
  value: T | null;
}

const money = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((minor): Cell<number> => ({ text: `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`, value: minor })),
  fc.integer({ min: 0, max: 5_000 }).map((yuan): Cell<number> => ({ text: String(yuan), value: yuan * 100 })),
  fc.constant<Cell<number>>({ text: '', value: 0 }),
  fc.integer({ min: 1, max: 5_000 }).map((yuan): Cell<number> => ({ text: `-${yuan}`, value: null })),
  fc.constantFrom<Cell<number>>({ text: 'abc', value: null }, { text: '1.234', value: null }),
);
const points = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map((p): Cell<number> => ({ text: String(p), value: p })),
  fc.constantFrom<Cell<number>>({ text: '12.5', value: null }, { text: '-3', value: null }, { text: 'x', value: null }),
);
const phone = fc.oneof(
  fc.constantFrom(...PHONES).map((p): Cell<string> => ({ text: p, value: p })),
  fc.constantFrom<Cell<string>>({ text: '12345', value: null }, { text: '', value: null }),
);
const name = fc.oneof(
  fc.constantFrom('张三', '李四', 'Anna', '王小明').map((n): Cell<string> => ({ text: n, value: n })),
  fc.constant<Cell<string>>({ text: '', value: null }),
);
const row = fc.record({ name, phone, balance: money, bonus: money, points });

describe('member import, any mix of rows', () => {
  it('imported + rejected = all rows; exactly the acceptable first rows per phone are imported; invariants hold; idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), fc.subarray(PHONES, { maxLength: 2 }), async (rows, existing) => {
        const t = openTestLedger();
        try {
          for (const p of existing) createMember(t.ledger, { staffId: t.staffId, phone: p, name: '老会员' });
          const file = csv([['姓名', '手机', '余额', '赠送余额', '积分'], ...rows.map((r) => [r.name.text, r.phone.text, r.balance.text, r.bonus.text, r.points.text])]);
          const result = await commit(t.ledger, t.staffId, 'members', file);

          // The rules read plainly: every cell acceptable, and the first such row of a phone no member has.
          const taken = new Set(existing);
          const expected = new Map<string, { principal: number; bonus: number; points: number }>();
          rows.forEach((r) => {
            if (r.name.value === null || r.phone.value === null || r.balance.value === null || r.bonus.value === null || r.points.value === null) return;
            if (taken.has(r.phone.value)) return;
            taken.add(r.phone.value);
            expected.set(r.phone.value, { principal: r.balance.value, bonus: r.bonus.value, points: r.points.value });
          });

          expect(result.totalRows).toBe(rows.length);
          expect(result.importedRows + result.rejected.length).toBe(rows.length);
          expect(result.importedRows).toBe(expected.size);
          for (const rejected of result.rejected) expect(rejected.problems.length).toBeGreaterThan(0);
          const imported = t.ledger.sqlite
            .prepare('select phone, balance_principal_minor p, balance_bonus_minor b, points from members where import_batch_id is not null')
            .all() as Array<{ phone: string; p: number; b: number; points: number }>;
          expect(new Map(imported.map((m) => [m.phone.replace('+86', ''), { principal: m.p, bonus: m.b, points: m.points }]))).toEqual(expected);
          expectSound(t.ledger);

          const before = fingerprint(t.ledger);
          const again = await commit(t.ledger, t.staffId, 'members', file);
          expect(again.importedRows).toBe(0);
          expect(fingerprint(t.ledger)).toEqual(before);
        } finally {
          t.dispose();
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('visit import, any history split any way', () => {
  const visit = fc.record({
    member: fc.integer({ min: 0, max: 2 }),
    day: fc.integer({ min: 1, max: 60 }),
    amount: fc.oneof(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom(0, -100)),
  });

  it('figures equal the good rows; importing part of a file, then all of it, equals importing all of it once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(visit, { minLength: 1, maxLength: 30 }), fc.nat(), async (visits, cut) => {
        const t = openTestLedger();
        try {
          const members = [0, 1, 2].map((i) => createMember(t.ledger, { staffId: t.staffId, phone: PHONES[i]!, name: `会员${i}` }));
          const date = (day: number) => new Date(Date.UTC(2026, 8, day)).toISOString().slice(0, 10);
          const fileOf = (list: typeof visits) =>
            csv([['手机', '日期', '金额'], ...list.map((v) => [PHONES[v.member]!, date(v.day), v.amount > 0 ? (v.amount / 100).toFixed(2) : String(v.amount / 100)])]);
          const part = visits.slice(0, cut % (visits.length + 1));
          if (part.length > 0) await commit(t.ledger, t.staffId, 'visits', fileOf(part));
          const whole = await commit(t.ledger, t.staffId, 'visits', fileOf(visits));
          const good = visits.filter((v) => v.amount > 0);
          expect(whole.importedRows).toBe(good.length - part.filter((v) => v.amount > 0).length);
          for (const [i, m] of members.entries()) {
            const mine = good.filter((v) => v.member === i);
            const days = [...new Set(mine.map((v) => date(v.day)))].sort();
            expect(getMember(t.ledger, m.id)).toMatchObject({
              visitCount: mine.length,
              visitDays: days.length,
              totalSpentMinor: mine.reduce((s, v) => s + v.amount, 0),
              firstVisitDate: days[0] ?? null,
              lastVisitDate: days.at(-1) ?? null,
            });
          }
          expectSound(t.ledger);
          const before = fingerprint(t.ledger);
          expect((await commit(t.ledger, t.staffId, 'visits', fileOf(visits))).importedRows).toBe(0);
          expect(fingerprint(t.ledger)).toEqual(before);
        } finally {
          t.dispose();
        }
      }),
      { numRuns: 15 },
    );
  });
});
