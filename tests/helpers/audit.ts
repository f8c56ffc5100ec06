/**
 * The ledger's money rules, recomputed in plain TypeScript from the raw rows — on purpose independent
 * of src-main/ledger/invariants.ts (its SQL is checked too, but not trusted alone). Each function
 * returns a list of human-readable problems; an empty list means every rule holds.
 */
import type Database from 'better-sqlite3';

interface MemberRow {
  id: string;
  balance_principal_minor: number;
  balance_bonus_minor: number;
  points: number;
  total_spent_minor: number;
  visit_count: number;
  first_visit_at: string | null;
  last_visit_at: string | null;
}
interface WalletRow {
  id: string;
  member_id: string;
  kind: string;
  principal_delta_minor: number;
  bonus_delta_minor: number;
  principal_after_minor: number;
  bonus_after_minor: number;
  bill_id: string | null;
  topup_id: string | null;
}
interface PointsRow {
  id: string;
  member_id: string;
  kind: string;
  delta: number;
  balance_after: number;
  bill_id: string | null;
}
interface BillRow {
  id: string;
  kind: 'sale' | 'refund';
  original_bill_id: string | null;
  member_id: string | null;
  subtotal_minor: number;
  discount_minor: number;
  total_minor: number;
  points_earned: number;
  points_reversal_waived: number;
  created_at: string;
}
interface LineRow {
  id: string;
  bill_id: string;
  quantity: number;
  unit_price_minor: number;
  gross_minor: number;
  discount_minor: number;
  net_minor: number;
  refund_of_line_id: string | null;
}
interface PaymentRow {
  id: string;
  bill_id: string;
  method: string;
  amount_minor: number;
  tendered_minor: number | null;
  change_minor: number | null;
  principal_minor: number;
  bonus_minor: number;
  points: number;
  refund_of_payment_id: string | null;
}
interface TopupRow {
  id: string;
  kind: 'topup' | 'refund';
  original_topup_id: string | null;
  member_id: string;
  principal_minor: number;
  bonus_minor: number;
}

function all<T>(sqlite: Database.Database, sql: string): T[] {
  return sqlite.prepare(sql).all() as T[];
}

function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function groupBy<T>(rows: T[], key: (r: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(r);
  }
  return map;
}

export interface LedgerRows {
  members: MemberRow[];
  wallet: WalletRow[];
  points: PointsRow[];
  bills: BillRow[];
  lines: LineRow[];
  payments: PaymentRow[];
  topups: TopupRow[];
}

export function readLedgerRows(sqlite: Database.Database): LedgerRows {
  return {
    members: all(sqlite, 'select * from members order by rowid'),
    wallet: all(sqlite, 'select * from wallet_entries order by rowid'),
    points: all(sqlite, 'select * from points_entries order by rowid'),
    bills: all(sqlite, 'select * from bills order by rowid'),
    lines: all(sqlite, 'select * from bill_lines order by rowid'),
    payments: all(sqlite, 'select * from payments order by rowid'),
    topups: all(sqlite, 'select * from topups order by rowid'),
  };
}

export function auditLedger(ledger: { sqlite: Database.Database }): string[] {
  const problems: string[] = [];
  const bad = (msg: string) => problems.push(msg);
  const r = readLedgerRows(ledger.sqlite);

  // Every money and points figure is an integer.
  const intFields: Array<[string, Array<Record<string, unknown>>, string[]]> = [
    ['members', r.members as never, ['balance_principal_minor', 'balance_bonus_minor', 'points', 'total_spent_minor', 'visit_count']],
    ['wallet_entries', r.wallet as never, ['principal_delta_minor', 'bonus_delta_minor', 'principal_after_minor', 'bonus_after_minor']],
    ['points_entries', r.points as never, ['delta', 'balance_after']],
    ['bills', r.bills as never, ['subtotal_minor', 'discount_minor', 'total_minor', 'points_earned', 'points_reversal_waived']],
    ['bill_lines', r.lines as never, ['quantity', 'unit_price_minor', 'gross_minor', 'discount_minor', 'net_minor']],
    ['payments', r.payments as never, ['amount_minor', 'principal_minor', 'bonus_minor', 'points']],
    ['topups', r.topups as never, ['principal_minor', 'bonus_minor']],
  ];
  for (const [table, rows, fields] of intFields) {
    for (const row of rows) for (const f of fields) if (!Number.isSafeInteger(row[f])) bad(`${table}.${f} not an integer: ${String(row[f])}`);
  }

  const billById = new Map(r.bills.map((b) => [b.id, b]));
  const lineById = new Map(r.lines.map((l) => [l.id, l]));
  const paymentById = new Map(r.payments.map((p) => [p.id, p]));
  const topupById = new Map(r.topups.map((t) => [t.id, t]));
  const walletByMember = groupBy(r.wallet, (w) => w.member_id);
  const pointsByMember = groupBy(r.points, (p) => p.member_id);
  const billsByMember = groupBy(r.bills, (b) => b.member_id);

  // Cached member totals equal the ledgers; nothing negative; running balances follow the entries.
  for (const m of r.members) {
    const w = walletByMember.get(m.id) ?? [];
    let p = 0;
    let b = 0;
    for (const e of w) {
      p += e.principal_delta_minor;
      b += e.bonus_delta_minor;
      if (e.principal_after_minor !== p || e.bonus_after_minor !== b) bad(`wallet entry ${e.id} running balance ${e.principal_after_minor}/${e.bonus_after_minor} != ${p}/${b}`);
      if (p < 0 || b < 0) bad(`member ${m.id} wallet went negative at entry ${e.id}`);
      if (e.principal_delta_minor === 0 && e.bonus_delta_minor === 0) bad(`wallet entry ${e.id} moves nothing`);
    }
    if (m.balance_principal_minor !== p) bad(`member ${m.id} principal ${m.balance_principal_minor} != wallet ledger ${p}`);
    if (m.balance_bonus_minor !== b) bad(`member ${m.id} bonus ${m.balance_bonus_minor} != wallet ledger ${b}`);
    let pts = 0;
    for (const e of pointsByMember.get(m.id) ?? []) {
      pts += e.delta;
      if (e.balance_after !== pts) bad(`points entry ${e.id} running balance ${e.balance_after} != ${pts}`);
      if (pts < 0) bad(`member ${m.id} points went negative at entry ${e.id}`);
      if (e.delta === 0) bad(`points entry ${e.id} moves nothing`);
    }
    if (m.points !== pts) bad(`member ${m.id} points ${m.points} != points ledger ${pts}`);
    if (m.balance_principal_minor < 0 || m.balance_bonus_minor < 0 || m.points < 0) bad(`member ${m.id} has a negative total`);

    const mb = billsByMember.get(m.id) ?? [];
    const sales = mb.filter((x) => x.kind === 'sale');
    const spent = sum(mb.map((x) => x.total_minor));
    if (m.total_spent_minor !== spent) bad(`member ${m.id} total spent ${m.total_spent_minor} != bills ${spent}`);
    if (m.visit_count !== sales.length) bad(`member ${m.id} visits ${m.visit_count} != sales ${sales.length}`);
    const times = sales.map((x) => x.created_at).sort();
    const first = times[0] ?? null;
    const last = times.at(-1) ?? null;
    if (m.first_visit_at !== first || m.last_visit_at !== last) bad(`member ${m.id} first/last visit ${m.first_visit_at}/${m.last_visit_at} != ${first}/${last}`);
  }

  // Bills: lines and payments add up; signs follow the kind; stored value and points match the ledgers.
  const linesByBill = groupBy(r.lines, (l) => l.bill_id);
  const paymentsByBill = groupBy(r.payments, (p) => p.bill_id);
  const walletByBill = groupBy(r.wallet, (w) => w.bill_id);
  const pointsByBill = groupBy(r.points, (p) => p.bill_id);
  for (const bill of r.bills) {
    const lines = linesByBill.get(bill.id) ?? [];
    const pays = paymentsByBill.get(bill.id) ?? [];
    const sign = bill.kind === 'sale' ? 1 : -1;
    if (lines.length === 0) bad(`bill ${bill.id} has no lines`);
    if (bill.subtotal_minor - bill.discount_minor !== bill.total_minor) bad(`bill ${bill.id} subtotal - discount != total`);
    if (sum(lines.map((l) => l.net_minor)) !== bill.total_minor) bad(`bill ${bill.id} lines do not add up to the total`);
    if (sum(lines.map((l) => l.gross_minor)) !== bill.subtotal_minor) bad(`bill ${bill.id} line gross does not add up to the subtotal`);
    if (sum(pays.map((p) => p.amount_minor)) !== bill.total_minor) bad(`bill ${bill.id} payments ${sum(pays.map((p) => p.amount_minor))} != total ${bill.total_minor}`);
    if (sign * bill.total_minor < 0 || sign * bill.discount_minor < 0) bad(`bill ${bill.id} has the wrong sign`);
    for (const l of lines) {
      if (l.gross_minor - l.discount_minor !== l.net_minor) bad(`line ${l.id} gross - discount != net`);
      if (sign * l.quantity <= 0 || sign * l.net_minor < 0 || sign * l.discount_minor < 0) bad(`line ${l.id} has the wrong sign`);
      if (bill.kind === 'sale' && l.gross_minor !== l.unit_price_minor * l.quantity) bad(`line ${l.id} gross != unit x quantity`);
      if ((bill.kind === 'refund') !== (l.refund_of_line_id !== null)) bad(`line ${l.id} refund link does not fit its bill`);
    }
    for (const p of pays) {
      if (bill.kind === 'sale' && p.amount_minor <= 0) bad(`sale payment ${p.id} not positive`);
      if (bill.kind === 'refund' && p.amount_minor > 0) bad(`refund payment ${p.id} positive`);
      if (p.method === 'stored_value' && p.principal_minor + p.bonus_minor !== p.amount_minor) bad(`payment ${p.id} principal + bonus != amount`);
      if (p.method === 'forfeited_bonus' && (bill.kind !== 'refund' || p.bonus_minor !== p.amount_minor)) bad(`forfeited bonus ${p.id} malformed`);
      if (p.method !== 'stored_value' && p.method !== 'forfeited_bonus' && (p.principal_minor !== 0 || p.bonus_minor !== 0)) bad(`payment ${p.id} has wallet parts`);
      if (p.method !== 'points' && p.points !== 0) bad(`payment ${p.id} has points`);
      if (p.method === 'cash' && bill.kind === 'sale') {
        if (p.tendered_minor === null || p.change_minor === null || p.tendered_minor - p.amount_minor !== p.change_minor || p.change_minor < 0) bad(`cash payment ${p.id} tender/change wrong`);
      } else if (p.tendered_minor !== null || p.change_minor !== null) bad(`payment ${p.id} has a tender but is not a cash sale`);
      if ((bill.kind === 'refund') !== (p.refund_of_payment_id !== null)) bad(`payment ${p.id} refund link does not fit its bill`);
    }
    // Stored value on the bill = what the wallet moved for it.
    const sv = pays.filter((p) => p.method === 'stored_value');
    const wl = walletByBill.get(bill.id) ?? [];
    if (sum(sv.map((p) => p.principal_minor)) !== -sum(wl.map((w) => w.principal_delta_minor))) bad(`bill ${bill.id} stored-value principal != wallet`);
    if (sum(sv.map((p) => p.bonus_minor)) !== -sum(wl.map((w) => w.bonus_delta_minor))) bad(`bill ${bill.id} stored-value bonus != wallet`);
    for (const w of wl) if (w.kind !== (bill.kind === 'sale' ? 'spend' : 'spend_refund') || w.member_id !== bill.member_id) bad(`wallet entry ${w.id} does not fit bill ${bill.id}`);
    const pe = pointsByBill.get(bill.id) ?? [];
    for (const e of pe) if (e.member_id !== bill.member_id) bad(`points entry ${e.id} is not the bill's member`);
    const earned = sum(pe.filter((e) => e.kind === 'earn' || e.kind === 'earn_reversal').map((e) => e.delta));
    if (earned !== bill.points_earned) bad(`bill ${bill.id} points earned ${bill.points_earned} != ledger ${earned}`);
    const redeemed = sum(pe.filter((e) => e.kind === 'redeem').map((e) => -e.delta));
    const redeemedOnBill = bill.kind === 'sale' ? sum(pays.filter((p) => p.method === 'points').map((p) => p.points)) : 0;
    if (redeemed !== redeemedOnBill) bad(`bill ${bill.id} redeemed points ${redeemedOnBill} != ledger ${redeemed}`);
    const restored = sum(pe.filter((e) => e.kind === 'redeem_restore').map((e) => e.delta));
    const returnedOnBill = bill.kind === 'refund' ? -sum(pays.filter((p) => p.method === 'points').map((p) => p.points)) : 0;
    if (restored > returnedOnBill || restored < 0) bad(`bill ${bill.id} restored ${restored} points, more than the ${returnedOnBill} it returned`);
    if (bill.member_id === null && (wl.length > 0 || pe.length > 0 || sv.length > 0 || pays.some((p) => p.method === 'points'))) bad(`walk-in bill ${bill.id} touches a member ledger`);
    if (bill.kind === 'refund') {
      const sale = bill.original_bill_id ? billById.get(bill.original_bill_id) : undefined;
      if (!sale || sale.kind !== 'sale' || sale.member_id !== bill.member_id) bad(`refund ${bill.id} does not point at its sale`);
      for (const l of lines) if (lineById.get(l.refund_of_line_id ?? '')?.bill_id !== bill.original_bill_id) bad(`refund line ${l.id} reverses a line of another bill`);
      for (const p of pays) if (paymentById.get(p.refund_of_payment_id ?? '')?.bill_id !== bill.original_bill_id) bad(`refund payment ${p.id} reverses a payment of another bill`);
    } else if (bill.original_bill_id !== null) bad(`sale ${bill.id} points at another bill`);
  }

  // Refunds never above what was paid: per line, per payment, per bill (and earned points).
  for (const [lineId, refunds] of groupBy(r.lines, (l) => l.refund_of_line_id)) {
    const sale = lineById.get(lineId)!;
    if (-sum(refunds.map((x) => x.quantity)) > sale.quantity) bad(`line ${lineId} refunded more units than sold`);
    if (-sum(refunds.map((x) => x.net_minor)) > sale.net_minor) bad(`line ${lineId} refunded more money than it was sold for`);
    if (-sum(refunds.map((x) => x.quantity)) === sale.quantity && -sum(refunds.map((x) => x.net_minor)) !== sale.net_minor) bad(`line ${lineId} fully refunded but money left over`);
  }
  for (const [paymentId, refunds] of groupBy(r.payments, (p) => p.refund_of_payment_id)) {
    const sale = paymentById.get(paymentId)!;
    if (-sum(refunds.map((x) => x.amount_minor)) > sale.amount_minor) bad(`payment ${paymentId} refunded above its amount`);
    if (-sum(refunds.map((x) => x.principal_minor)) > sale.principal_minor) bad(`payment ${paymentId} refunded above its principal`);
    if (-sum(refunds.map((x) => x.bonus_minor)) > sale.bonus_minor) bad(`payment ${paymentId} refunded above its bonus`);
    if (-sum(refunds.map((x) => x.points)) > sale.points) bad(`payment ${paymentId} refunded above its points`);
  }
  for (const [saleId, refunds] of groupBy(r.bills, (b) => b.original_bill_id)) {
    const sale = billById.get(saleId)!;
    if (-sum(refunds.map((x) => x.total_minor)) > sale.total_minor) bad(`bill ${saleId} refunded above its total`);
    const back = -sum(refunds.map((x) => x.points_earned)) + sum(refunds.map((x) => x.points_reversal_waived));
    if (back > sale.points_earned) bad(`bill ${saleId} reversed/waived more points than it earned`);
  }

  // Top-ups: each one moved the wallet by exactly its amounts; refunds never above the top-up.
  const walletByTopup = groupBy(r.wallet, (w) => w.topup_id);
  for (const t of r.topups) {
    const wl = walletByTopup.get(t.id) ?? [];
    if (sum(wl.map((w) => w.principal_delta_minor)) !== t.principal_minor || sum(wl.map((w) => w.bonus_delta_minor)) !== t.bonus_minor) bad(`top-up ${t.id} != its wallet entries`);
    for (const w of wl) if (w.member_id !== t.member_id || w.kind !== (t.kind === 'topup' ? 'topup' : 'topup_refund')) bad(`wallet entry ${w.id} does not fit top-up ${t.id}`);
    const sign = t.kind === 'topup' ? 1 : -1;
    if (sign * t.principal_minor < 0 || sign * t.bonus_minor < 0) bad(`top-up ${t.id} has the wrong sign`);
    if (t.kind === 'topup' && t.principal_minor <= 0) bad(`top-up ${t.id} without principal`);
    if (t.kind === 'refund') {
      const orig = t.original_topup_id ? topupById.get(t.original_topup_id) : undefined;
      if (!orig || orig.kind !== 'topup' || orig.member_id !== t.member_id) bad(`top-up refund ${t.id} does not point at its top-up`);
    }
  }
  for (const [topupId, refunds] of groupBy(r.topups, (t) => t.original_topup_id)) {
    const t = topupById.get(topupId)!;
    if (-sum(refunds.map((x) => x.principal_minor)) > t.principal_minor) bad(`top-up ${topupId} refunded above its principal`);
    if (-sum(refunds.map((x) => x.bonus_minor)) > t.bonus_minor) bad(`top-up ${topupId} clawed back above its bonus`);
  }
  for (const w of r.wallet) {
    const links = (w.bill_id ? 1 : 0) + (w.topup_id ? 1 : 0);
    // Adjustments and imported opening balances stand alone; every other entry belongs to a bill or a top-up.
    const standalone = w.kind === 'adjust' || w.kind === 'opening';
    if ((standalone && links !== 0) || (!standalone && links !== 1)) bad(`wallet entry ${w.id} (${w.kind}) has the wrong links`);
  }
  return problems;
}

/** Rows that may never change or disappear once written (the append-only ledger). */
const APPEND_ONLY: Array<[table: string, key: string]> = [
  ['bills', 'id'],
  ['bill_lines', 'id'],
  ['payments', 'id'],
  ['topups', 'id'],
  ['wallet_entries', 'id'],
  ['points_entries', 'id'],
  ['idempotency_keys', 'key'],
  ['tills', 'id'],
];

/** Remembers every ledger row seen and reports any that was later edited or deleted. */
export class AppendOnlyWatch {
  private seen = new Map<string, string>();
  check(sqlite: Database.Database): string[] {
    const problems: string[] = [];
    const now = new Map<string, string>();
    for (const [table, key] of APPEND_ONLY) {
      for (const row of sqlite.prepare(`select * from ${table}`).all() as Array<Record<string, unknown>>) {
        now.set(`${table}:${String(row[key])}`, JSON.stringify(row));
      }
    }
    for (const [id, json] of this.seen) {
      const current = now.get(id);
      if (current === undefined) problems.push(`${id} was deleted`);
      else if (current !== json) problems.push(`${id} was edited in place`);
    }
    this.seen = now;
    return problems;
  }
}
