import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoShop, writeDemoShop, type DemoOptions, type WriteDemoResult } from '../../src-main/demo/demo-shop.ts';
import { SHOWCASE_MEMBER } from '../../src-main/demo/generate.ts';
import { ean13 } from '../../src-main/demo/shop-setup.ts';
import { closeLedger, openLedger } from '../../src-main/ledger/db.ts';
import { newId, withIdSource } from '../../src-main/ledger/ids.ts';
import { checkLedgerInvariants } from '../../src-main/ledger/invariants.ts';
import { searchMembers } from '../../src-main/ledger/members.ts';
import { MIGRATIONS_DIR } from '../../src-main/platform/project-paths.ts';

const END = new Date(2026, 10, 20, 20, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
/** Small, but busy enough (traffic 3) that every kind of record shows up. */
const OPTIONS: DemoOptions = { seed: 7, members: 150, days: 90, endDate: END, traffic: 3 };
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let root: string;
let first: WriteDemoResult;
let second: WriteDemoResult;
let db: Database.Database;
let twin: Database.Database;

function rows<T = Record<string, unknown>>(sqlite: Database.Database, query: string, ...params: unknown[]): T[] {
  return sqlite.prepare(query).all(...params) as T[];
}
function value<T = number>(sqlite: Database.Database, query: string, ...params: unknown[]): T {
  return sqlite.prepare(query).pluck().get(...params) as T;
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-demo-'));
  first = writeDemoShop(path.join(root, 'first'), MIGRATIONS_DIR, OPTIONS);
  second = writeDemoShop(path.join(root, 'second'), MIGRATIONS_DIR, OPTIONS);
  db = new Database(first.file, { readonly: true });
  twin = new Database(second.file, { readonly: true });
});

afterAll(() => {
  db?.close();
  twin?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('the demo shop file', () => {
  it('keeps every ledger rule', () => {
    expect(checkLedgerInvariants({ sqlite: db })).toEqual([]);
  });

  it('is one finished file, with no temporary or WAL files beside it', () => {
    expect(fs.readdirSync(path.dirname(first.file))).toEqual(['regulars.sqlite']);
    expect(value<string>(db, 'pragma journal_mode')).toBe('delete');
  });

  it('reports what it wrote', () => {
    expect(first.summary.members).toBe(150);
    expect(value(db, 'select count(*) from members')).toBe(150);
    expect(first.summary.sales).toBe(value(db, "select count(*) from bills where kind = 'sale'"));
    expect(first.summary.refunds).toBe(value(db, "select count(*) from bills where kind = 'refund'"));
    expect(first.summary.walkInSales).toBe(value(db, "select count(*) from bills where kind = 'sale' and member_id is null"));
    expect(first.summary.topups).toBe(value(db, "select count(*) from topups where kind = 'topup'"));
    expect(first.summary.sales).toBeGreaterThan(400);
  });

  it('is set up as the café', () => {
    expect(JSON.parse(value<string>(db, "select value from settings where key = 'shopName'"))).toBe('常客咖啡 · 示例店');
    expect(rows(db, 'select name, role, pin_hash is not null as has_pin from staff order by name')).toEqual([
      { name: 'Amy', role: 'cashier', has_pin: 1 },
      { name: '周店长', role: 'manager', has_pin: 1 },
      { name: '小林', role: 'cashier', has_pin: 1 },
      { name: '店主', role: 'owner', has_pin: 1 },
    ]);
    const tillId = value<string>(db, 'select id from tills where is_local = 1');
    expect(value(db, 'select count(*) from staff where till_id != ?', tillId)).toBe(0);
    expect(rows(db, 'select name, discount_bp, points_per_unit from tiers where is_default = 0 order by sort_order')).toEqual([
      { name: '银卡', discount_bp: 500, points_per_unit: 2 },
      { name: '金卡', discount_bp: 1000, points_per_unit: 3 },
    ]);
    const products = rows<{ name: string; barcode: string; price_minor: number }>(db, 'select name, barcode, price_minor from products');
    expect(products.length).toBeGreaterThanOrEqual(12);
    for (const p of products) expect(ean13(p.barcode.slice(0, 12))).toBe(p.barcode);
    expect(new Set(products.map((p) => p.barcode)).size).toBe(products.length);
    const price = Object.fromEntries(products.map((p) => [p.name, p.price_minor]));
    expect([price['美式'], price['拿铁'], price['可颂']]).toEqual([2200, 2800, 1500]);
    expect(rows(db, 'select min_principal_minor m, bonus_minor b from topup_bonus_rules order by 1')).toEqual([
      { m: 20_000, b: 1_000 },
      { m: 50_000, b: 5_000 },
      { m: 100_000, b: 15_000 },
    ]);
  });

  it('has members who look like real customers', () => {
    const members = rows<{
      code: string; phone: string; phone_last4: string; name: string; name_pinyin: string; birth_year: number | null;
      birth_month: number | null; tags: string; sms_bill_consent: number; sms_marketing_consent: number; tier: string;
    }>(db, 'select m.*, t.name as tier from members m join tiers t on t.id = m.tier_id');
    for (const m of members) {
      expect(m.phone).toMatch(/^\+861[3-9]\d{9}$/);
      expect(m.phone.endsWith(m.phone_last4)).toBe(true);
      expect(m.code).toMatch(/^\d{6}$/);
    }
    expect(new Set(members.map((m) => m.phone)).size).toBe(members.length);
    expect(new Set(members.map((m) => m.code)).size).toBe(members.length);

    const chinese = members.filter((m) => /^[\u4e00-\u9fff]{2,4}$/.test(m.name)).length;
    expect(chinese / members.length).toBeGreaterThan(0.7);
    expect(chinese / members.length).toBeLessThan(0.92);
    expect(members.some((m) => /^[A-Z][a-z]+ [A-Z]/.test(m.name))).toBe(true);
    // Surnames read differently from the everyday character.
    expect(members.find((m) => m.name.startsWith('曾'))?.name_pinyin).toMatch(/^zeng/);
    expect(members.find((m) => m.name.startsWith('单'))?.name_pinyin).toMatch(/^shan/);
    expect(members.find((m) => m.name.startsWith('解'))?.name_pinyin).toMatch(/^xie/);

    expect(members.filter((m) => m.birth_month !== null && m.birth_year === null).length).toBeGreaterThan(5);
    expect(members.filter((m) => m.birth_year !== null).length).toBeGreaterThan(50);
    expect(members.filter((m) => m.birth_month === null).length).toBeGreaterThan(3);
    for (const consent of ['sms_bill_consent', 'sms_marketing_consent'] as const) {
      expect(new Set(members.map((m) => m[consent]))).toEqual(new Set([0, 1]));
    }
    const tags = members.flatMap((m) => JSON.parse(m.tags) as string[]);
    expect(tags).toContain('外带');
    expect(new Set(members.map((m) => m.tier))).toEqual(new Set(['普通会员', '银卡', '金卡']));
  });

  it('always has the showcase member: a gold-card regular with stored value', () => {
    const star = rows<{ name: string; phone: string; tier: string; visit_count: number; balance: number; created_at: string }>(
      db,
      `select m.name, m.phone, t.name as tier, m.visit_count, m.balance_principal_minor + m.balance_bonus_minor as balance, m.created_at
       from members m join tiers t on t.id = m.tier_id where m.phone = ?`,
      '+86' + SHOWCASE_MEMBER.phone,
    );
    expect(star).toHaveLength(1);
    expect(star[0]).toMatchObject({ name: '曾晓雯', tier: '金卡' });
    expect(star[0]!.visit_count).toBeGreaterThanOrEqual(20);
    expect(star[0]!.balance).toBeGreaterThanOrEqual(10_000);
    expect(Date.parse(star[0]!.created_at)).toBeLessThan(END.getTime() - 88 * DAY);
    expect(value(db, "select count(*) from topups t join members m on m.id = t.member_id where m.phone = ? and t.kind = 'topup'", '+86' + SHOWCASE_MEMBER.phone)).toBeGreaterThanOrEqual(2);
  });

  it('has the mix a person expects to see', () => {
    const endIso = END.toISOString();
    const lapsedBefore = new Date(END.getTime() - 60 * DAY).toISOString();
    // Stored value left on cards.
    expect(value(db, 'select count(*) from members where balance_principal_minor + balance_bonus_minor > 0')).toBeGreaterThanOrEqual(10);
    // Regulars: many visits, several a week.
    const regulars = rows<{ visit_count: number; first_visit_at: string; last_visit_at: string }>(
      db,
      'select visit_count, first_visit_at, last_visit_at from members where visit_count >= 20',
    );
    expect(regulars.some((r) => r.visit_count / ((Date.parse(r.last_visit_at) - Date.parse(r.first_visit_at)) / (7 * DAY)) >= 2)).toBe(true);
    // Lapsed: came several times, nothing in the last 60 days.
    expect(value(db, 'select count(*) from members where visit_count >= 3 and last_visit_at < ?', lapsedBefore)).toBeGreaterThanOrEqual(3);
    // Joined in the last month.
    expect(value(db, 'select count(*) from members where created_at > ?', new Date(END.getTime() - 30 * DAY).toISOString())).toBeGreaterThanOrEqual(3);
    // Walk-ins, split tender, cash with change on ¥50/¥100 notes, points redeemed.
    expect(value(db, "select count(*) from bills where member_id is null and kind = 'sale'")).toBeGreaterThan(20);
    expect(
      value(db, "select count(*) from (select bill_id from payments where amount_minor > 0 group by bill_id having sum(method = 'stored_value') = 1 and count(*) > 1)"),
    ).toBeGreaterThan(0);
    expect(value(db, "select count(*) from payments where method = 'cash' and change_minor > 0")).toBeGreaterThan(5);
    expect(value(db, "select count(*) from payments where method = 'cash' and change_minor > 0 and tendered_minor % 5000 != 0")).toBe(0);
    // Top-ups earn the bonus of the rule they reach.
    const topups = rows<{ principal_minor: number; bonus_minor: number }>(db, "select principal_minor, bonus_minor from topups where kind = 'topup'");
    expect(topups.length).toBeGreaterThan(10);
    for (const t of topups) {
      const bonus = t.principal_minor >= 100_000 ? 15_000 : t.principal_minor >= 50_000 ? 5_000 : t.principal_minor >= 20_000 ? 1_000 : 0;
      expect(t.bonus_minor).toBe(bonus);
    }
    expect(topups.filter((t) => t.bonus_minor > 0).length).toBeGreaterThan(5);
    expect(value(db, "select count(*) from topups where kind = 'refund'")).toBeGreaterThan(0);
    // Refunds, partial and full.
    const refunds = rows<{ refunded: number; sold: number }>(
      db,
      "select -r.total_minor as refunded, s.total_minor as sold from bills r join bills s on s.id = r.original_bill_id where r.kind = 'refund'",
    );
    expect(refunds.some((r) => r.refunded === r.sold)).toBe(true);
    expect(refunds.some((r) => r.refunded < r.sold)).toBe(true);
    // Manual corrections carry a reason.
    expect(value(db, "select count(*) from wallet_entries where kind = 'adjust' and reason != ''")).toBe(value(db, "select count(*) from wallet_entries where kind = 'adjust'"));
    expect(value(db, "select count(*) from points_entries where kind = 'adjust'")).toBeGreaterThan(0);
    expect(value<string>(db, 'select max(created_at) from bills') <= endIso).toBe(true);
  });

  it('keeps bills inside opening hours, with time moving forward within each day', () => {
    const bills = rows<{ bill_no: string; business_date: string; created_at: string }>(
      db,
      'select bill_no, business_date, created_at from bills order by business_date, bill_no',
    );
    let previous: { business_date: string; created_at: string } | null = null;
    for (const b of bills) {
      const at = new Date(b.created_at);
      expect(at.getHours()).toBeGreaterThanOrEqual(8);
      expect(at.getHours()).toBeLessThan(20);
      const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
      expect(b.business_date).toBe(local);
      expect(b.bill_no.startsWith(local.replace(/-/g, '') + '-')).toBe(true);
      if (previous?.business_date === b.business_date) expect(b.created_at > previous.created_at).toBe(true);
      previous = b;
    }
    const first = new Date(bills[0]!.created_at);
    expect(first.getTime()).toBeGreaterThanOrEqual(END.getTime() - 90 * DAY);
  });

  it('is the same for the same seed: people, numbers, amounts, times and ids', () => {
    const queries = [
      'select id, code, name, phone, birth_year, birth_month, birth_day, gender, tags, note, tier_id, created_at, balance_principal_minor, balance_bonus_minor, points, total_spent_minor, visit_count from members order by code',
      'select id, bill_no, kind, member_id, staff_id, subtotal_minor, discount_minor, total_minor, points_earned, created_at from bills order by created_at, bill_no',
      'select id, bill_id, method, amount_minor, tendered_minor, change_minor, principal_minor, bonus_minor, points from payments order by id',
      'select id, kind, member_id, principal_minor, bonus_minor, method, created_at from topups order by id',
      'select id, member_id, kind, principal_delta_minor, bonus_delta_minor, reason, created_at from wallet_entries order by id',
      'select id, member_id, kind, delta, reason, created_at from points_entries order by id',
      'select id from tills union all select id from staff union all select id from tiers union all select id from products',
    ];
    for (const query of queries) expect(rows(twin, query)).toEqual(rows(db, query));
    expect(second.summary).toEqual(first.summary);
    for (const { id } of rows<{ id: string }>(db, 'select id from members union all select id from bills union all select id from tills')) {
      expect(id).toMatch(UUID_V7);
    }
  });

  it('differs for another seed (and clears what a killed run left behind)', () => {
    const dir = path.join(root, 'other');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'regulars.sqlite.99999.tmp'), 'half a demo');
    fs.writeFileSync(path.join(dir, 'regulars.sqlite.99999.tmp-wal'), 'half a demo');
    const other = writeDemoShop(dir, MIGRATIONS_DIR, { seed: 8, members: 40, days: 20, endDate: END });
    expect(fs.readdirSync(dir)).toEqual(['regulars.sqlite']);
    const sqlite = new Database(other.file, { readonly: true });
    try {
      const names = (d: Database.Database) => rows<{ name: string }>(d, "select name from members where code <= '100040' order by code").map((r) => r.name);
      expect(names(sqlite)).toHaveLength(40);
      expect(names(sqlite)).not.toEqual(names(db).slice(0, 40));
      expect(checkLedgerInvariants({ sqlite })).toEqual([]);
    } finally {
      sqlite.close();
    }
  });

  it('opens as a normal data file', () => {
    const copy = path.join(root, 'copy', 'regulars.sqlite');
    fs.mkdirSync(path.dirname(copy));
    fs.copyFileSync(first.file, copy);
    const ledger = openLedger(copy, { migrationsFolder: MIGRATIONS_DIR });
    try {
      expect(ledger.tillId).toBe(value<string>(db, 'select id from tills where is_local = 1'));
      expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(checkLedgerInvariants(ledger)).toEqual([]);
      // The till's own search finds the showcase member by the last four digits and by pinyin initials.
      expect(searchMembers(ledger, { query: '5678' })[0]?.name).toBe('曾晓雯');
      expect(searchMembers(ledger, { query: 'zxw' }).map((m) => m.name)).toContain('曾晓雯');
    } finally {
      closeLedger(ledger);
    }
  });
});

describe('ensureDemoShop', () => {
  it('leaves an existing data file alone', () => {
    const dir = path.dirname(first.file);
    const before = fs.readFileSync(first.file);
    expect(ensureDemoShop(dir, MIGRATIONS_DIR)).toEqual({ created: false });
    expect(fs.readFileSync(first.file).equals(before)).toBe(true);
  });

  it('leaves nothing behind when generation fails', () => {
    const dir = path.join(root, 'failed');
    expect(() => writeDemoShop(dir, MIGRATIONS_DIR, { ...OPTIONS, members: 0 })).toThrow(/members/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('withIdSource', () => {
  it('draws ids from the source only inside, and restores random ids after a throw', () => {
    let n = 0;
    const source = () => `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
    expect(withIdSource(source, () => [newId(), newId()])).toEqual(['0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002']);
    expect(() => withIdSource(source, () => { throw new Error('boom'); })).toThrow('boom');
    const a = newId();
    const b = newId();
    expect(a).toMatch(UUID_V7);
    expect(a).not.toBe(b);
    expect(a).not.toMatch(/^0190a000/);
  });
});
