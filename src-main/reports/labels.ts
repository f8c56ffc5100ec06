/**
 * The reports' words in both languages: titles, sheet names, column headings, payment-method kinds
 * and stored-value ages. One source for the exported files (tables.ts) and the screens (mounted in
 * src-renderer/screens/reports/text.ts), so a column reads the same on screen and in the file.
 * Plain strings, no imports beyond types.
 */
import type { AgingBucket, MethodClass, ReportKind } from './types.ts';

export interface ReportLabels {
  titles: Record<ReportKind, string>;
  sheets: {
    sales: string;
    methods: string;
    topups: string;
    topupMethods: string;
    aging: string;
    points: string;
    customers: string;
    repeat: string;
    topMembers: string;
    memberBills: string;
    memberLedger: string;
  };
  /** "期间 2026-11-01 – 2026-11-30", "截至 2026-11-30". */
  period: string;
  asOf: string;
  total: string;
  yes: string;
  columns: {
    start: string;
    end: string;
    salesCount: string;
    salesMinor: string;
    refundsCount: string;
    refundsMinor: string;
    netMinor: string;
    discountMinor: string;
    pointsEarned: string;
    takenMinor: string;
    method: string;
    methodKind: string;
    methodSales: string;
    methodRefunds: string;
    methodNet: string;
    topupsCount: string;
    principalMinor: string;
    bonusMinor: string;
    topupRefundsCount: string;
    refundedPrincipalMinor: string;
    bonusClawedBackMinor: string;
    netPrincipalMinor: string;
    netBonusMinor: string;
    ageBucket: string;
    members: string;
    principal: string;
    bonus: string;
    storedValueTotal: string;
    pointsOutstanding: string;
    pointsValue: string;
    pointsPerUnit: string;
    memberNetMinor: string;
    walkInNetMinor: string;
    memberVisits: string;
    walkInVisits: string;
    visits: string;
    memberSpendPerVisit: string;
    walkInSpendPerVisit: string;
    spendPerVisit: string;
    newMembers: string;
    visitingMembers: string;
    repeatMembers: string;
    repeatRate: string;
    rank: string;
    code: string;
    name: string;
    phone: string;
    tier: string;
    memberSpend: string;
    bills: string;
    visitDays: string;
    lastVisit: string;
    balance: string;
    points: string;
    businessDate: string;
    billNo: string;
    kind: string;
    amount: string;
    paidBy: string;
    description: string;
    imported: string;
  };
  methodKinds: Record<MethodClass, string>;
  aging: Record<AgingBucket, string>;
}

const zhCN: ReportLabels = {
  titles: { sales: '销售报表', topups: '充值报表', liability: '储值与积分负债', customers: '顾客报表', topMembers: '会员消费排行', member: '会员明细' },
  sheets: {
    sales: '销售',
    methods: '付款方式',
    topups: '充值',
    topupMethods: '充值付款方式',
    aging: '储值账龄',
    points: '积分',
    customers: '顾客',
    repeat: '回头率',
    topMembers: '消费排行',
    memberBills: '账单',
    memberLedger: '储值与积分流水',
  },
  period: '期间',
  asOf: '截至',
  total: '合计',
  yes: '是',
  columns: {
    start: '开始日期',
    end: '结束日期',
    salesCount: '销售单数',
    salesMinor: '销售额',
    refundsCount: '退款单数',
    refundsMinor: '退款额',
    netMinor: '净销售额',
    discountMinor: '会员折扣',
    pointsEarned: '发放积分',
    takenMinor: '新收款',
    method: '付款方式',
    methodKind: '类别',
    methodSales: '收款',
    methodRefunds: '退回',
    methodNet: '净额',
    topupsCount: '充值笔数',
    principalMinor: '充值本金',
    bonusMinor: '赠送金额',
    topupRefundsCount: '充值退款笔数',
    refundedPrincipalMinor: '退回本金',
    bonusClawedBackMinor: '扣回赠送',
    netPrincipalMinor: '本金净额',
    netBonusMinor: '赠送净额',
    ageBucket: '距上次使用',
    members: '会员数',
    principal: '本金',
    bonus: '赠送',
    storedValueTotal: '储值合计',
    pointsOutstanding: '未使用积分',
    pointsValue: '可抵金额',
    pointsPerUnit: '每 1 元所需积分',
    memberNetMinor: '会员消费',
    walkInNetMinor: '散客消费',
    memberVisits: '会员到店',
    walkInVisits: '散客单数',
    visits: '到店次数',
    memberSpendPerVisit: '会员客单价',
    walkInSpendPerVisit: '散客客单价',
    spendPerVisit: '客单价',
    newMembers: '新会员',
    visitingMembers: '到店会员',
    repeatMembers: '回头会员',
    repeatRate: '回头率',
    rank: '排名',
    code: '会员号',
    name: '姓名',
    phone: '手机号',
    tier: '等级',
    memberSpend: '消费净额',
    bills: '消费单数',
    visitDays: '到店天数',
    lastVisit: '最近到店',
    balance: '储值余额',
    points: '积分',
    businessDate: '营业日',
    billNo: '单号',
    kind: '类型',
    amount: '金额',
    paidBy: '付款方式',
    description: '摘要',
    imported: '旧系统导入',
  },
  methodKinds: { money: '新收款', stored_value: '储值（充值时已收款）', points: '积分抵现' },
  aging: { '0-30': '0–30 天', '31-90': '31–90 天', '91-180': '91–180 天', '181-365': '181–365 天', 'over-365': '365 天以上', never: '无使用记录' },
};

const en: ReportLabels = {
  titles: { sales: 'Sales', topups: 'Top-ups', liability: 'Stored value and points owed', customers: 'Customers', topMembers: 'Top members', member: 'Member detail' },
  sheets: {
    sales: 'Sales',
    methods: 'Payment methods',
    topups: 'Top-ups',
    topupMethods: 'Top-up methods',
    aging: 'Stored value by age',
    points: 'Points',
    customers: 'Customers',
    repeat: 'Repeat visits',
    topMembers: 'Top members',
    memberBills: 'Bills',
    memberLedger: 'Stored value and points',
  },
  period: 'Period',
  asOf: 'As of',
  total: 'Total',
  yes: 'Yes',
  columns: {
    start: 'From',
    end: 'To',
    salesCount: 'Sales',
    salesMinor: 'Sales amount',
    refundsCount: 'Refunds',
    refundsMinor: 'Refunded',
    netMinor: 'Net sales',
    discountMinor: 'Member discounts',
    pointsEarned: 'Points given',
    takenMinor: 'New money',
    method: 'Payment method',
    methodKind: 'Kind',
    methodSales: 'Taken',
    methodRefunds: 'Given back',
    methodNet: 'Net',
    topupsCount: 'Top-ups',
    principalMinor: 'Paid in',
    bonusMinor: 'Bonus given',
    topupRefundsCount: 'Top-up refunds',
    refundedPrincipalMinor: 'Paid back',
    bonusClawedBackMinor: 'Bonus taken back',
    netPrincipalMinor: 'Net paid in',
    netBonusMinor: 'Net bonus',
    ageBucket: 'Since last use',
    members: 'Members',
    principal: 'Paid in',
    bonus: 'Bonus',
    storedValueTotal: 'Stored value',
    pointsOutstanding: 'Points held',
    pointsValue: 'Worth',
    pointsPerUnit: 'Points per unit',
    memberNetMinor: 'Members',
    walkInNetMinor: 'Walk-ins',
    memberVisits: 'Member visits',
    walkInVisits: 'Walk-in sales',
    visits: 'Visits',
    memberSpendPerVisit: 'Member spend per visit',
    walkInSpendPerVisit: 'Walk-in spend per visit',
    spendPerVisit: 'Spend per visit',
    newMembers: 'New members',
    visitingMembers: 'Members who came',
    repeatMembers: 'Came back',
    repeatRate: 'Repeat rate',
    rank: 'Rank',
    code: 'Member no.',
    name: 'Name',
    phone: 'Phone',
    tier: 'Tier',
    memberSpend: 'Net spend',
    bills: 'Bills',
    visitDays: 'Visit days',
    lastVisit: 'Last visit',
    balance: 'Stored value',
    points: 'Points',
    businessDate: 'Day',
    billNo: 'Bill no.',
    kind: 'Type',
    amount: 'Amount',
    paidBy: 'Paid by',
    description: 'Details',
    imported: 'Imported',
  },
  methodKinds: { money: 'New money', stored_value: 'Stored value (paid at top-up)', points: 'Points (discount)' },
  aging: { '0-30': '0–30 days', '31-90': '31–90 days', '91-180': '91–180 days', '181-365': '181–365 days', 'over-365': 'Over 365 days', never: 'No use recorded' },
};

export const REPORT_LABELS = { 'zh-CN': zhCN, en } as const;

export function reportLabels(locale: 'zh-CN' | 'en'): ReportLabels {
  return REPORT_LABELS[locale];
}
