/**
 * The words on a printed Z report, in the shop's own language (Settings → language): it is read by the
 * staff and the owner, not by members, so unlike a receipt it does not follow the messages' language.
 * Payment method names are the receipt's (receipts/labels.ts), so paper never names a method two ways.
 */
import type { ReceiptLocale } from '../receipts/labels.ts';

export interface ShiftReportLabels {
  title: string;
  /** Printed while the shift is still open (an X report: figures so far, nothing closed). */
  titleOpen: string;
  cashier: string;
  till: string;
  opened: string;
  closed: string;
  closedBy: string;
  asOf: string;
  cash: string;
  float: string;
  cashSales: string;
  cashRefunds: string;
  cashTopups: string;
  cashTopupRefunds: string;
  otherStaffCash: (records: number) => string;
  expected: string;
  counted: string;
  over: string;
  short: string;
  even: string;
  countedNotes: string;
  sales: (count: number) => string;
  refunds: (count: number) => string;
  net: string;
  byMethod: string;
  notCash: string;
  methodSales: string;
  methodRefunds: string;
  methodTopups: string;
  methodTopupRefunds: string;
  topups: (count: number) => string;
  topupRefunds: (count: number) => string;
  principal: string;
  bonus: string;
  pointsEarned: string;
  pointsRedeemed: string;
  note: string;
  printedAt: string;
  signature: string;
}

const zh: ShiftReportLabels = {
  title: '交班报告（Z）',
  titleOpen: '班次报告（未交班）',
  cashier: '收银员',
  till: '收银台',
  opened: '开班',
  closed: '交班',
  closedBy: '交班人',
  asOf: '截至',
  cash: '钱箱现金',
  float: '备用金',
  cashSales: '现金收款',
  cashRefunds: '现金退款',
  cashTopups: '现金充值',
  cashTopupRefunds: '充值退款（现金）',
  otherStaffCash: (n) => `其他员工现金（${n} 笔）`,
  expected: '应有现金',
  counted: '实点现金',
  over: '长款',
  short: '短款',
  even: '账实相符',
  countedNotes: '点钞明细',
  sales: (n) => `销售 ${n} 笔`,
  refunds: (n) => `退款 ${n} 笔`,
  net: '净额',
  byMethod: '按支付方式',
  notCash: '（非现金）',
  methodSales: '销售',
  methodRefunds: '退款',
  methodTopups: '充值',
  methodTopupRefunds: '充值退款',
  topups: (n) => `充值 ${n} 笔`,
  topupRefunds: (n) => `充值退款 ${n} 笔`,
  principal: '本金',
  bonus: '赠送',
  pointsEarned: '发放积分',
  pointsRedeemed: '抵扣积分',
  note: '备注',
  printedAt: '打印时间',
  signature: '签字',
};

const en: ShiftReportLabels = {
  title: 'Shift close (Z report)',
  titleOpen: 'Shift report (still open)',
  cashier: 'Cashier',
  till: 'Till',
  opened: 'Opened',
  closed: 'Closed',
  closedBy: 'Closed by',
  asOf: 'As of',
  cash: 'Cash in drawer',
  float: 'Float',
  cashSales: 'Cash sales',
  cashRefunds: 'Cash refunds',
  cashTopups: 'Cash top-ups',
  cashTopupRefunds: 'Top-up refunds (cash)',
  otherStaffCash: (n) => `Other staff's cash (${n})`,
  expected: 'Expected cash',
  counted: 'Counted cash',
  over: 'Over',
  short: 'Short',
  even: 'Even',
  countedNotes: 'Count',
  sales: (n) => `Sales (${n})`,
  refunds: (n) => `Refunds (${n})`,
  net: 'Net',
  byMethod: 'By payment method',
  notCash: ' (not cash)',
  methodSales: 'Sales',
  methodRefunds: 'Refunds',
  methodTopups: 'Top-ups',
  methodTopupRefunds: 'Top-up refunds',
  topups: (n) => `Top-ups (${n})`,
  topupRefunds: (n) => `Top-up refunds (${n})`,
  principal: 'Principal',
  bonus: 'Bonus',
  pointsEarned: 'Points given',
  pointsRedeemed: 'Points redeemed',
  note: 'Note',
  printedAt: 'Printed',
  signature: 'Signature',
};

export function shiftReportLabels(locale: ReceiptLocale): ShiftReportLabels {
  return locale === 'en' ? en : zh;
}
