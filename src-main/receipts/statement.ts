/**
 * A member's statement over a range of days: every bill, refund, top-up and adjustment with what it
 * did to their stored value and points, and the running balances. The opening balance comes from the
 * last ledger entry before the range; each row adds its entries' deltas — and the closing figures are
 * checked against the running balances the ledger itself keeps (a test holds them equal).
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { loadMember } from '../ledger/members.ts';
import { maskedPhone } from '../api/phone-format.ts';
import { billLines, bills, pointsEntries, topups, walletEntries } from '../ledger/schema.ts';
import { getSettings } from '../ledger/settings.ts';
import { businessDayStartIso, isoTime, localMinute } from '../ledger/time.ts';
import { balancesBefore } from './balances-at.ts';
import { topupNumber } from './load.ts';
import { receiptShop } from './shop.ts';
import type { Statement, StatementEntry } from './types.ts';

/** The longest range one statement covers (a PDF of ten years of coffees helps nobody). */
export const MAX_STATEMENT_DAYS = 3 * 366;

interface Row extends StatementEntry {
  key: string;
  /** The id of the bill, top-up or entry: UUIDv7, so it orders records written in the same millisecond. */
  seq: string;
}

export function memberStatement(ledger: Ledger, input: { memberId: string; from: string; to: string }): Statement {
  const { memberId, from, to } = input;
  const fromIso = businessDayStartIso(from);
  const toIso = businessDayStartIso(to, 1);
  if (toIso <= fromIso) fail('VALIDATION', { field: 'to' });
  if ((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000 > MAX_STATEMENT_DAYS + 1) fail('VALIDATION', { field: 'from' });
  const { row: memberRow, tier } = loadMember(ledger, memberId);
  const settings = getSettings(ledger);
  const inRange = (column: AnySQLiteColumn) => and(gte(column, fromIso), lt(column, toIso));

  const rows = new Map<string, Row>();
  const rowFor = (kind: string, seq: string, base: Omit<Row, 'key' | 'seq' | 'storedValueDeltaMinor' | 'pointsDelta' | 'balanceAfterMinor' | 'pointsAfter' | 'localTime'>): Row => {
    const key = `${kind}:${seq}`;
    let row = rows.get(key);
    if (!row) {
      row = { key, seq, ...base, localTime: localMinute(base.createdAt), storedValueDeltaMinor: 0, pointsDelta: 0, balanceAfterMinor: 0, pointsAfter: 0 };
      rows.set(key, row);
    }
    return row;
  };

  const billRows = ledger.db
    .select({ id: bills.id, billNo: bills.billNo, kind: bills.kind, totalMinor: bills.totalMinor, createdAt: bills.createdAt, originalBillId: bills.originalBillId })
    .from(bills)
    .where(and(eq(bills.memberId, memberId), inRange(bills.createdAt)))
    .all();
  const descriptions = itemSummaries(ledger, billRows.map((b) => b.id));
  for (const b of billRows) {
    rowFor('bill', b.id, { kind: b.kind, reference: b.billNo, description: descriptions.get(b.id) ?? '', amountMinor: b.totalMinor, createdAt: b.createdAt });
  }
  const topupRows = ledger.db.select().from(topups).where(and(eq(topups.memberId, memberId), inRange(topups.createdAt))).all();
  for (const t of topupRows) {
    rowFor('topup', t.id, { kind: t.kind === 'topup' ? 'topup' : 'topup_refund', reference: topupNumber(t), description: t.note, amountMinor: t.principalMinor, createdAt: t.createdAt });
  }

  const wallet = ledger.db.select().from(walletEntries).where(and(eq(walletEntries.memberId, memberId), inRange(walletEntries.createdAt))).all();
  for (const e of wallet) {
    const row = rows.get(e.billId ? `bill:${e.billId}` : e.topupId ? `topup:${e.topupId}` : '') ?? rowFor('wallet', e.id, { kind: 'adjust', reference: '', description: e.reason, amountMinor: 0, createdAt: e.createdAt });
    row.storedValueDeltaMinor += e.principalDeltaMinor + e.bonusDeltaMinor;
  }
  const points = ledger.db.select().from(pointsEntries).where(and(eq(pointsEntries.memberId, memberId), inRange(pointsEntries.createdAt))).all();
  for (const e of points) {
    const row = rows.get(e.billId ? `bill:${e.billId}` : '') ?? rowFor('points', e.id, { kind: 'adjust', reference: '', description: e.reason, amountMinor: 0, createdAt: e.createdAt });
    row.pointsDelta += e.delta;
  }

  const opening = balancesBefore(ledger, memberId, fromIso);
  const order = (r: Row) => `${r.createdAt}|${r.seq}`;
  const entries = [...rows.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  let balance = opening.balanceMinor;
  let pointsNow = opening.points;
  for (const e of entries) {
    balance += e.storedValueDeltaMinor;
    pointsNow += e.pointsDelta;
    e.balanceAfterMinor = balance;
    e.pointsAfter = pointsNow;
  }
  const sum = (list: StatementEntry[], pick: (e: StatementEntry) => number) => list.reduce((s, e) => s + pick(e), 0);
  const billsOnly = entries.filter((e) => e.kind === 'sale' || e.kind === 'refund');
  return {
    shop: receiptShop(ledger, settings),
    currency: settings.currency,
    locale: settings.messaging.language,
    member: { name: memberRow.name, code: memberRow.code, phoneMasked: maskedPhone(memberRow.phone), tierName: tier.name },
    from,
    to,
    opening,
    closing: { balanceMinor: balance, points: pointsNow },
    entries: entries.map(({ key: _key, seq: _seq, ...entry }) => entry),
    totals: {
      toppedUpMinor: sum(entries.filter((e) => e.kind === 'topup'), (e) => e.storedValueDeltaMinor),
      spentFromBalanceMinor: sum(billsOnly, (e) => -e.storedValueDeltaMinor),
      billsNetMinor: sum(billsOnly, (e) => e.amountMinor),
      pointsEarned: sum(entries, (e) => Math.max(0, e.pointsDelta)),
      pointsUsed: sum(entries, (e) => Math.max(0, -e.pointsDelta)),
    },
    generatedAt: isoTime(ledger.clock()),
    generatedLocalTime: localMinute(isoTime(ledger.clock())),
  };
}

/** "拿铁 ×2, 芝士蛋糕" for each bill, cut short: the member sees what they bought, not just a number. */
function itemSummaries(ledger: Ledger, billIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < billIds.length; i += 500) {
    const chunk = billIds.slice(i, i + 500);
    const lines = ledger.db
      .select({ billId: billLines.billId, name: billLines.name, quantity: billLines.quantity })
      .from(billLines)
      .where(inArray(billLines.billId, chunk))
      .orderBy(asc(billLines.billId), asc(billLines.lineNo))
      .all();
    for (const l of lines) {
      const part = Math.abs(l.quantity) === 1 ? l.name : `${l.name} ×${Math.abs(l.quantity)}`;
      const before = out.get(l.billId);
      out.set(l.billId, before ? `${before}, ${part}` : part);
    }
  }
  for (const [id, text] of out) if ([...text].length > 28) out.set(id, `${[...text].slice(0, 27).join('')}…`);
  return out;
}
