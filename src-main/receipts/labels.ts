/**
 * The words on a receipt, a PDF and an e-bill, in the language the shop writes to its members
 * (Settings → Messages → language), which may differ from the cashier's screen language.
 * Plain data, no imports beyond types: the renderer's preview uses the same words.
 */
import type { PaymentMethod } from '../ledger/types.ts';
import type { ReceiptKind, StatementEntry } from './types.ts';

export const RECEIPT_LOCALES = ['zh-CN', 'en'] as const;
export type ReceiptLocale = (typeof RECEIPT_LOCALES)[number];

export interface ReceiptLabels {
  title: Record<ReceiptKind, string>;
  reprint: string;
  billNo: string;
  originalNo: string;
  time: string;
  cashier: string;
  member: string;
  memberCode: string;
  /** The member's masked phone on paper receipts. */
  phone: string;
  item: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  subtotal: string;
  discount: string;
  total: string;
  refundTotal: string;
  paid: string;
  tendered: string;
  change: string;
  principal: string;
  bonus: string;
  balance: string;
  /** The paid-in part of the stored value left, shown beside the bonus part. */
  balancePrincipal: string;
  pointsEarned: string;
  pointsRedeemed: string;
  pointsBalance: string;
  methods: Record<PaymentMethod, string>;
  /** Member statement. */
  statement: {
    title: string;
    period: string;
    opening: string;
    closing: string;
    date: string;
    /** Column heading over entryKind. */
    kind: string;
    entryKind: Record<StatementEntry['kind'], string>;
    reference: string;
    amount: string;
    storedValue: string;
    balanceAfter: string;
    points: string;
    pointsAfter: string;
    toppedUp: string;
    spentFromBalance: string;
    billsNet: string;
    pointsEarned: string;
    pointsUsed: string;
    none: string;
    generated: string;
    page: (n: number, of: number) => string;
  };
}

const zhCN: ReceiptLabels = {
  title: { sale: '销售小票', refund: '退款小票', topup: '充值小票', topup_refund: '充值退款小票' },
  reprint: '重印',
  billNo: '单号',
  originalNo: '原单号',
  time: '时间',
  cashier: '收银员',
  member: '会员',
  memberCode: '会员号',
  phone: '手机',
  item: '商品',
  quantity: '数量',
  unitPrice: '单价',
  amount: '金额',
  subtotal: '小计',
  discount: '会员折扣',
  total: '合计',
  refundTotal: '退款合计',
  paid: '支付',
  tendered: '实收',
  change: '找零',
  principal: '充值本金',
  bonus: '赠送',
  balance: '储值余额',
  balancePrincipal: '本金',
  pointsEarned: '本次积分',
  pointsRedeemed: '积分抵扣',
  pointsBalance: '积分余额',
  methods: {
    stored_value: '储值',
    points: '积分',
    cash: '现金',
    card: '银行卡',
    wechat: '微信支付',
    alipay: '支付宝',
    forfeited_bonus: '作废赠送',
    imported: '旧系统导入',
  },
  statement: {
    title: '会员对账单',
    period: '期间',
    opening: '期初',
    closing: '期末',
    date: '日期',
    kind: '类型',
    entryKind: { sale: '消费', refund: '退款', topup: '充值', topup_refund: '充值退款', adjust: '调整' },
    reference: '单号',
    amount: '金额',
    storedValue: '储值变动',
    balanceAfter: '储值余额',
    points: '积分变动',
    pointsAfter: '积分余额',
    toppedUp: '充值（含赠送）',
    spentFromBalance: '储值消费',
    billsNet: '消费净额',
    pointsEarned: '获得积分',
    pointsUsed: '使用积分',
    none: '此期间没有记录',
    generated: '生成时间',
    page: (n, of) => `第 ${n} / ${of} 页`,
  },
};

const en: ReceiptLabels = {
  title: { sale: 'Receipt', refund: 'Refund receipt', topup: 'Top-up receipt', topup_refund: 'Top-up refund' },
  reprint: 'REPRINT',
  billNo: 'No.',
  originalNo: 'Original',
  time: 'Time',
  cashier: 'Cashier',
  member: 'Member',
  memberCode: 'Member no.',
  phone: 'Phone',
  item: 'Item',
  quantity: 'Qty',
  unitPrice: 'Price',
  amount: 'Amount',
  subtotal: 'Subtotal',
  discount: 'Member discount',
  total: 'Total',
  refundTotal: 'Refund total',
  paid: 'Paid',
  tendered: 'Tendered',
  change: 'Change',
  principal: 'Top-up',
  bonus: 'Bonus',
  balance: 'Stored value',
  balancePrincipal: 'Paid in',
  pointsEarned: 'Points earned',
  pointsRedeemed: 'Points used',
  pointsBalance: 'Points balance',
  methods: {
    stored_value: 'Stored value',
    points: 'Points',
    cash: 'Cash',
    card: 'Card',
    wechat: 'WeChat Pay',
    alipay: 'Alipay',
    forfeited_bonus: 'Bonus forfeited',
    imported: 'Imported',
  },
  statement: {
    title: 'Member statement',
    period: 'Period',
    opening: 'Opening',
    closing: 'Closing',
    date: 'Date',
    kind: 'Type',
    entryKind: { sale: 'Purchase', refund: 'Refund', topup: 'Top-up', topup_refund: 'Top-up refund', adjust: 'Adjustment' },
    reference: 'No.',
    amount: 'Amount',
    storedValue: 'Stored value',
    balanceAfter: 'Balance',
    points: 'Points',
    pointsAfter: 'Points bal.',
    toppedUp: 'Topped up (with bonus)',
    spentFromBalance: 'Paid from stored value',
    billsNet: 'Purchases, net',
    pointsEarned: 'Points earned',
    pointsUsed: 'Points used',
    none: 'Nothing in this period',
    generated: 'Generated',
    page: (n, of) => `Page ${n} of ${of}`,
  },
};

export function receiptLabels(locale: ReceiptLocale): ReceiptLabels {
  return locale === 'en' ? en : zhCN;
}
