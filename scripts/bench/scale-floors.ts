/**
 * The floors of the scale suite: for each operation, raw better-sqlite3 statements (prepared once,
 * values worked out beforehand) doing the least SQL that gives the same result — the same rows written
 * in one IMMEDIATE transaction with the same pragmas (so the same fsync), or the same rows read through
 * the same indexes. What an operation costs above its floor is validation, pricing, the money rules and
 * building the answer; the floor's own growth from 10,000 to 100,000 members is what the data costs.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface FloorIds {
  staffId: string;
  tillId: string;
  productIds: readonly string[];
}

const SUMMARY = 'm.*, t.name as tier_name';

/** Search: one statement on the index that answers each kind of query, the 50 rows with their tier. */
export function searchFloors(sqlite: Database.Database) {
  const by = (where: string) =>
    sqlite.prepare(`select ${SUMMARY} from members m join tiers t on t.id = m.tier_id where ${where} and m.archived_at is null order by m.last_visit_at desc nulls last, m.name, m.id limit 50`);
  const last4 = by('m.phone_last4 = ?');
  const phone = by('m.phone = ?');
  const code = by('m.code = ?');
  const initials = by('m.name_initials >= ? and m.name_initials < ?');
  const nameLike = by('m.rowid in (select rowid from members where name like ?)');
  const next = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return {
    last4: (text: string) => last4.all(text),
    phone: (text: string) => phone.all(`+86${text}`),
    code: (text: string) => code.all(text),
    initials: (text: string) => initials.all(text, next(text)),
    nameSubstring: (text: string) => nameLike.all(`%${text}%`),
  };
}

/** The member page's reads: the member with their tier, then bills, top-ups, wallet and points entries (limit as the page asks). */
export function memberPageFloor(sqlite: Database.Database, limit: number) {
  const member = sqlite.prepare(`select ${SUMMARY} from members m join tiers t on t.id = m.tier_id where m.id = ?`);
  const billsOf = sqlite.prepare(
    `select b.*, s.name as staff_name, (select coalesce(-sum(r.total_minor), 0) from bills r where r.original_bill_id = b.id) as refunded
     from bills b join staff s on s.id = b.staff_id where b.member_id = ? order by b.created_at desc, b.id desc limit ${limit}`,
  );
  const topupsOf = sqlite.prepare(`select * from topups where member_id = ? order by created_at desc, id desc limit ${limit}`);
  const walletOf = sqlite.prepare(`select * from wallet_entries where member_id = ? order by created_at desc, id desc limit ${limit}`);
  const pointsOf = sqlite.prepare(`select p.*, s.name from points_entries p join staff s on s.id = p.staff_id where p.member_id = ? order by p.created_at desc, p.id desc limit ${limit}`);
  return (memberId: string) => [member.get(memberId), billsOf.all(memberId), topupsOf.all(memberId), walletOf.all(memberId), pointsOf.all(memberId)];
}

/**
 * A checkout's rows, written raw: the idempotency key, the day's bill number, the bill, three lines,
 * two payments (stored value + card), a wallet entry, a points entry, the member row (balances, points,
 * visit figures) and the e-bill in the outbox; the member's balance read first, as the use case must.
 */
export function checkoutFloor(sqlite: Database.Database, ids: FloorIds) {
  const s = writeStatements(sqlite);
  let n = 0;
  return sqlite.transaction((memberId: string, day: string, now: string) => {
      const billId = randomUUID();
      const balance = s.balance.get(memberId) as { p: number; b: number; pts: number };
      s.key.run(`floor-checkout-${n++}-${billId}`, 'checkout', 'hash', JSON.stringify(billId), now);
      const no = (s.counter.get(`bill:floor:${day}`) as { value: number }).value;
      s.bill.run(billId, ids.tillId, `F${day}-${no}`, day, 'sale', null, memberId, ids.staffId, 3000, 0, 3000, 20, now);
      ids.productIds.slice(0, 3).forEach((productId, i) => s.line.run(randomUUID(), billId, i + 1, productId, '拿铁', 1000, 1, 1000, 0, 1000, null));
      s.payment.run(randomUUID(), ids.tillId, billId, 'stored_value', 1000, 1000, 0, null, now);
      s.payment.run(randomUUID(), ids.tillId, billId, 'card', 2000, 0, 0, null, now);
      s.wallet.run(randomUUID(), ids.tillId, memberId, 'spend', -1000, 0, balance.p - 1000, balance.b, billId, null, ids.staffId, now);
      s.points.run(randomUUID(), ids.tillId, memberId, 'earn', 20, balance.pts + 20, billId, ids.staffId, now);
      s.visit.run(balance.p - 1000, balance.b, balance.pts + 20, 3000, now, day, day, memberId);
      s.outbox.run(randomUUID(), ids.tillId, 'bill', memberId, billId, null, '+8613800000000', '账单 消费¥30.00 储值¥10.00 余额¥100.00 积分+20', '【常客】', 1, now, now);
      return billId;
  }).immediate;
}

/** A top-up's rows, raw: the key, the top-up, its wallet entry, the member's balance, the e-bill. */
export function topupFloor(sqlite: Database.Database, ids: FloorIds) {
  const s = writeStatements(sqlite);
  return sqlite.transaction((memberId: string, day: string, now: string) => {
    const topupId = randomUUID();
    const balance = s.balance.get(memberId) as { p: number; b: number };
    s.key.run(`floor-topup-${topupId}`, 'topup', 'hash', JSON.stringify(topupId), now);
    s.topup.run(topupId, ids.tillId, 'topup', memberId, ids.staffId, 'wechat', 20000, 2000, day, now);
    s.wallet.run(randomUUID(), ids.tillId, memberId, 'topup', 20000, 2000, balance.p + 20000, balance.b + 2000, null, topupId, ids.staffId, now);
    s.setBalance.run(balance.p + 20000, balance.b + 2000, memberId);
    s.outbox.run(randomUUID(), ids.tillId, 'bill', memberId, null, topupId, '+8613800000000', '充值¥200.00 赠送¥20.00 余额¥320.00', '【常客】', 1, now, now);
    return topupId;
  }).immediate;
}

/**
 * A whole refund's rows, raw: the original's lines and payments read, then the key, the refund bill,
 * its lines and payments (negative), the wallet and points entries, the member row and the e-bill.
 */
export function refundFloor(sqlite: Database.Database, ids: FloorIds) {
  const s = writeStatements(sqlite);
  const linesOf = sqlite.prepare('select * from bill_lines where bill_id = ?');
  const paymentsOf = sqlite.prepare('select * from payments where bill_id = ?');
  return sqlite.transaction((saleId: string, memberId: string, day: string, now: string) => {
    const billId = randomUUID();
    const lines = linesOf.all(saleId) as Array<{ id: string; product_id: string | null; name: string; unit_price_minor: number; quantity: number; gross_minor: number; discount_minor: number; net_minor: number }>;
    const pays = paymentsOf.all(saleId) as Array<{ id: string; method: string; amount_minor: number; principal_minor: number; bonus_minor: number }>;
    const balance = s.balance.get(memberId) as { p: number; b: number; pts: number };
    const total = lines.reduce((sum, l) => sum + l.net_minor, 0);
    const stored = pays.filter((p) => p.method === 'stored_value').reduce((sum, p) => sum + p.principal_minor, 0);
    s.key.run(`floor-refund-${billId}`, 'refund', 'hash', JSON.stringify(billId), now);
    const no = (s.counter.get(`bill:floor:${day}`) as { value: number }).value;
    s.bill.run(billId, ids.tillId, `F${day}-${no}`, day, 'refund', saleId, memberId, ids.staffId, -total, 0, -total, 0, now);
    lines.forEach((l, i) => s.line.run(randomUUID(), billId, i + 1, l.product_id, l.name, l.unit_price_minor, -l.quantity, -l.gross_minor, -l.discount_minor, -l.net_minor, l.id));
    for (const p of pays) s.payment.run(randomUUID(), ids.tillId, billId, p.method, -p.amount_minor, -p.principal_minor, -p.bonus_minor, p.id, now);
    if (stored > 0) s.wallet.run(randomUUID(), ids.tillId, memberId, 'spend_refund', stored, 0, balance.p + stored, balance.b, billId, null, ids.staffId, now);
    s.points.run(randomUUID(), ids.tillId, memberId, 'earn_reversal', -Math.min(20, balance.pts), balance.pts - Math.min(20, balance.pts), billId, ids.staffId, now);
    s.visit.run(balance.p + stored, balance.b, balance.pts - Math.min(20, balance.pts), -total, now, day, day, memberId);
    s.outbox.run(randomUUID(), ids.tillId, 'bill', memberId, billId, null, '+8613800000000', '退款¥30.00 余额¥100.00', '【常客】', 1, now, now);
    return billId;
  }).immediate;
}

function writeStatements(sqlite: Database.Database) {
  return {
    balance: sqlite.prepare('select balance_principal_minor as p, balance_bonus_minor as b, points as pts from members where id = ?'),
    key: sqlite.prepare('insert into idempotency_keys (key, operation, request_hash, result_json, created_at) values (?, ?, ?, ?, ?)'),
    counter: sqlite.prepare('insert into counters(name, value) values (?, 1) on conflict(name) do update set value = value + 1 returning value'),
    bill: sqlite.prepare(
      `insert into bills (id, till_id, bill_no, business_date, kind, original_bill_id, member_id, staff_id, subtotal_minor, discount_minor, total_minor, points_earned, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    line: sqlite.prepare(
      `insert into bill_lines (id, bill_id, line_no, product_id, name, unit_price_minor, quantity, gross_minor, discount_minor, net_minor, refund_of_line_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    payment: sqlite.prepare(
      'insert into payments (id, till_id, bill_id, method, amount_minor, principal_minor, bonus_minor, refund_of_payment_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    wallet: sqlite.prepare(
      `insert into wallet_entries (id, till_id, member_id, kind, principal_delta_minor, bonus_delta_minor, principal_after_minor, bonus_after_minor, bill_id, topup_id, staff_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    points: sqlite.prepare('insert into points_entries (id, till_id, member_id, kind, delta, balance_after, bill_id, staff_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    topup: sqlite.prepare(
      'insert into topups (id, till_id, kind, member_id, staff_id, method, principal_minor, bonus_minor, business_date, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    setBalance: sqlite.prepare('update members set balance_principal_minor = ?, balance_bonus_minor = ? where id = ?'),
    visit: sqlite.prepare(
      `update members set balance_principal_minor = ?, balance_bonus_minor = ?, points = ?, total_spent_minor = total_spent_minor + ?,
       visit_count = visit_count + 1, last_visit_at = ?, last_visit_date = max(coalesce(last_visit_date, ?), ?) where id = ?`,
    ),
    outbox: sqlite.prepare(
      `insert into sms_outbox (id, till_id, kind, member_id, bill_id, topup_id, phone, text, signature, segments, status, next_attempt_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    ),
  };
}
