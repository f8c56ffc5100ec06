/**
 * The reports' small fixed history, worked out by hand event by event (tests/reports/fixed-history.test.ts
 * checks every report against it; the export and API tests reuse it). It goes through the real use
 * cases: members, top-ups with bonus rules, split tenders with stored value drawn proportionally, a
 * refund on a later week, a top-up refund, a gift, visits imported from an old system (which no
 * sales figure may count), and bills either side of the range.
 *
 * The shop (tests/helpers/shop.ts): basic tier 0% off, 1 point per ¥1; silver 5% off, 2 points;
 * gold 12.5% off, 3 points. Bonus rules: ≥¥100 → ¥10, ≥¥500 → ¥80, ≥¥1000 → ¥200. Stored value
 * does not earn points; 100 points = ¥1; a refund takes earned points back.
 *
 *  E0  Sat 10-31 15:00  walk-in ¥7.00 cash                                   (before the range)
 *      Mon 11-02 09:00  members A (basic), B (silver), C (gold) sign up
 *  E1  11-02 09:10  A tops up ¥500.00 cash + ¥80.00 bonus                    A: P 50000 B 8000
 *  E2  11-02 09:20  A ¥30.00 from stored value: 3000 × 50000/58000 → 2586 + 414   A: P 47414 B 7586
 *  E3  11-02 10:00  walk-in ¥15.00 cash
 *  E4  11-02 11:00  B ¥100.00 − 5% = ¥95.00 WeChat, 190 points
 *  E5  11-02 15:00  A ¥20.00 cash, 20 points (a second bill the same day: one visit)
 *  E6  Tue 11-03 10:00  C tops up ¥100.00 WeChat + ¥10.00 bonus             C: P 10000 B 1000
 *  E7  11-03 10:30  C ¥40.00 − 12.5% = ¥35.00: ¥20.00 stored value (1818 + 182) + ¥15.00 Alipay, 45 points
 *  E8  11-03 11:00  walk-in ¥50.00 card
 *  —   11-05        A's visit of ¥88.00 imported from the old system (written 11-09)
 *  E9  Mon 11-09 10:00  E4 refunded in full: −¥95.00 WeChat, −190 points, −¥5.00 discount
 *  E10 11-09 12:00  A ¥10.00 cash, 10 points
 *  E11 11-09 12:30  C's top-up refunded ¥50.00 principal, ¥5.00 bonus taken back   C: P 3182 B 318
 *  E12 11-09 13:00  B given ¥10.00 bonus (a gift, not a use)               B: P 0 B 1000
 *  E13 Tue 12-01 10:00  member D signs up, buys ¥25.00 cash (25 points)
 *  E14 12-01 10:10  A ¥5.00 from stored value: 500 × 47414/55000 → 431 + 69   A: P 46983 B 7517
 */
import { checkout, refundBill } from '../../src-main/ledger/bills.ts';
import { createMember } from '../../src-main/ledger/members.ts';
import type { Member } from '../../src-main/ledger/types.ts';
import { adjustWallet, refundTopup, topUp } from '../../src-main/ledger/wallet.ts';
import { commitImport } from '../../src-main/imports/import.ts';
import { manualClock, newKey, openTestLedger, type TestLedger } from '../helpers/ledger.ts';
import { seedShop } from '../helpers/shop.ts';

export interface FixedHistory {
  t: TestLedger;
  members: { A: Member; B: Member; C: Member; D: Member };
}

/** A fresh ledger holding the history above; the clock is left at 2026-12-01 10:10. */
export async function fixedHistory(): Promise<FixedHistory> {
  const t = openTestLedger({ clock: manualClock(new Date(2026, 9, 31, 14, 0)) });
  const at = (month: number, day: number, hour: number, minute = 0) => t.clock.set(new Date(2026, month - 1, day, hour, minute));
  const sell = (memberId: string | null, amountMinor: number, payments: Parameters<typeof checkout>[1]['payments']) =>
    checkout(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, lines: [{ name: '咖啡', amountMinor }], payments }).bill;
  const join = (phone: string, name: string, tierId: string) => createMember(t.ledger, { staffId: t.staffId, phone, name, tierId });
  const top = (memberId: string, principalMinor: number, method: 'cash' | 'wechat') => topUp(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId, principalMinor, method }).topup;

  const shop = seedShop(t.ledger, t.staffId, 0);
  at(10, 31, 15);
  sell(null, 700, [{ method: 'cash', amountMinor: 700 }]);

  at(11, 2, 9);
  const A = join('13800138000', '张三', shop.tiers.basic.id);
  const B = join('13800138001', '李四', shop.tiers.silver.id);
  const C = join('13800138002', '王五', shop.tiers.gold.id);
  at(11, 2, 9, 10);
  top(A.id, 50_000, 'cash');
  at(11, 2, 9, 20);
  sell(A.id, 3000, [{ method: 'stored_value', amountMinor: 3000 }]);
  at(11, 2, 10);
  sell(null, 1500, [{ method: 'cash', amountMinor: 1500, tenderedMinor: 2000 }]);
  at(11, 2, 11);
  const e4 = sell(B.id, 10_000, [{ method: 'wechat', amountMinor: 9500 }]);
  at(11, 2, 15);
  sell(A.id, 2000, [{ method: 'cash', amountMinor: 2000 }]);

  at(11, 3, 10);
  const cTopup = top(C.id, 10_000, 'wechat');
  at(11, 3, 10, 30);
  sell(C.id, 4000, [
    { method: 'stored_value', amountMinor: 2000 },
    { method: 'alipay', amountMinor: 1500 },
  ]);
  at(11, 3, 11);
  sell(null, 5000, [{ method: 'card', amountMinor: 5000 }]);

  at(11, 9, 10);
  refundBill(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, billId: e4.id, reason: '退货' });
  at(11, 9, 12);
  sell(A.id, 1000, [{ method: 'cash', amountMinor: 1000 }]);
  at(11, 9, 12, 30);
  refundTopup(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, topupId: cTopup.id, principalMinor: 5000, reason: '退卡' });
  at(11, 9, 13);
  adjustWallet(t.ledger, { idempotencyKey: newKey(), staffId: t.staffId, memberId: B.id, bonusDeltaMinor: 1000, reason: '生日礼物' });
  at(11, 9, 14);
  const csv = '手机,日期,金额\n13800138000,2026-11-05,88.00\n';
  const imported = await commitImport(t.ledger, {
    kind: 'visits',
    fileName: 'old.csv',
    base64: Buffer.from(csv, 'utf8').toString('base64'),
    mapping: { phone: 0, date: 1, amount: 2 },
    reason: '旧系统',
    staffId: t.staffId,
  });
  if (imported.importedRows !== 1) throw new Error('the old visit was not imported');

  at(12, 1, 10);
  const D = join('13800138003', '赵六', shop.tiers.basic.id);
  at(12, 1, 10, 5);
  sell(D.id, 2500, [{ method: 'cash', amountMinor: 2500 }]);
  at(12, 1, 10, 10);
  sell(A.id, 500, [{ method: 'stored_value', amountMinor: 500 }]);
  return { t, members: { A, B, C, D } };
}
