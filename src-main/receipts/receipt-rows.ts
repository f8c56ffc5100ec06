/**
 * The rows a receipt is made of, in hand-written SQL prepared once per connection: the checkout's
 * e-bill reads them inside the sale's transaction, so each query counts (see ledger/prepared.ts).
 */
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { prepared } from '../ledger/prepared.ts';
import type { PaymentMethod } from '../ledger/types.ts';

interface MemberColumns {
  memberId: string | null;
  memberName: string | null;
  memberCode: string | null;
  memberPhone: string | null;
  tierName: string | null;
}

export interface BillRow extends MemberColumns {
  id: string;
  kind: 'sale' | 'refund';
  billNo: string;
  businessDate: string;
  createdAt: string;
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  pointsEarned: number;
  staffName: string;
  originalNo: string | null;
}

export interface LineRow {
  name: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  netMinor: number;
}

export interface PaymentRow {
  method: PaymentMethod;
  amountMinor: number;
  tenderedMinor: number | null;
  changeMinor: number | null;
  points: number;
}

export interface TopupRow extends MemberColumns {
  id: string;
  kind: 'topup' | 'refund';
  method: 'cash' | 'card' | 'wechat' | 'alipay';
  principalMinor: number;
  bonusMinor: number;
  businessDate: string;
  createdAt: string;
  staffName: string;
  originalId: string | null;
  originalDate: string | null;
}

const MEMBER_COLUMNS = 'm.id as memberId, m.name as memberName, m.code as memberCode, m.phone as memberPhone, t.name as tierName';

export function billRow(ledger: Ledger, billId: string): BillRow {
  const row = prepared<BillRow>(
    ledger.sqlite,
    `select b.id, b.kind, b.bill_no as billNo, b.business_date as businessDate, b.created_at as createdAt,
            b.subtotal_minor as subtotalMinor, b.discount_minor as discountMinor, b.total_minor as totalMinor,
            b.points_earned as pointsEarned, s.name as staffName, o.bill_no as originalNo, ${MEMBER_COLUMNS}
     from bills b
     join staff s on s.id = b.staff_id
     left join bills o on o.id = b.original_bill_id
     left join members m on m.id = b.member_id
     left join tiers t on t.id = m.tier_id
     where b.id = ?`,
  ).get(billId);
  return row ?? fail('BILL_NOT_FOUND');
}

export function billLineRows(ledger: Ledger, billId: string): LineRow[] {
  return prepared<LineRow>(
    ledger.sqlite,
    `select name, quantity, unit_price_minor as unitPriceMinor, discount_minor as discountMinor, net_minor as netMinor
     from bill_lines where bill_id = ? order by line_no`,
  ).all(billId);
}

export function billPaymentRows(ledger: Ledger, billId: string): PaymentRow[] {
  return prepared<PaymentRow>(
    ledger.sqlite,
    `select method, amount_minor as amountMinor, tendered_minor as tenderedMinor, change_minor as changeMinor, points
     from payments where bill_id = ? order by id`,
  ).all(billId);
}

export function topupRow(ledger: Ledger, topupId: string): TopupRow {
  const row = prepared<TopupRow>(
    ledger.sqlite,
    `select tp.id, tp.kind, tp.method, tp.principal_minor as principalMinor, tp.bonus_minor as bonusMinor,
            tp.business_date as businessDate, tp.created_at as createdAt, s.name as staffName,
            o.id as originalId, o.business_date as originalDate, ${MEMBER_COLUMNS}
     from topups tp
     join staff s on s.id = tp.staff_id
     join members m on m.id = tp.member_id
     join tiers t on t.id = m.tier_id
     left join topups o on o.id = tp.original_topup_id
     where tp.id = ?`,
  ).get(topupId);
  return row ?? fail('TOPUP_NOT_FOUND');
}

/** BILL_NOT_FOUND / TOPUP_NOT_FOUND unless the bill or top-up exists (before a print job names it). */
export function requireReceiptSource(ledger: Ledger, ref: { billId: string } | { topupId: string }): void {
  if ('billId' in ref) billRow(ledger, ref.billId);
  else topupRow(ledger, ref.topupId);
}
