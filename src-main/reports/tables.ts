/**
 * Each report as sheets of a table — a title, column headings in the reader's language, rows — which
 * the CSV and XLSX writers turn into files. Cells keep the report's own values (money in integer
 * minor units, rates in basis points); each column says what its cells are, and only the writers
 * turn them into text or spreadsheet numbers.
 */
import { formatMoney } from '../api/money-format.ts';
import { formatPhone } from '../api/phone-format.ts';
import { receiptLabels } from '../receipts/labels.ts';
import { reportLabels, type ReportLabels } from './labels.ts';
import type { CustomersReport, SalesFigures, LiabilityReport, MemberReport, SalesReport, TopMembersReport, TopupsReport } from './types.ts';

/** text: as is; date: YYYY-MM-DD; money: integer minor units; count: whole number; rate: basis points. */
export type ColumnKind = 'text' | 'date' | 'money' | 'count' | 'rate';
export type Cell = string | number | null;

export interface Column {
  label: string;
  kind: ColumnKind;
}

export interface ReportSheet {
  /** Short: a worksheet's name. */
  name: string;
  /** "销售报表 · 付款方式", with the period beside it. */
  title: string;
  period: string;
  columns: Column[];
  rows: Cell[][];
}

export interface SheetContext {
  locale: 'zh-CN' | 'en';
  currency: string;
}

const col = (label: string, kind: ColumnKind): Column => ({ label, kind });

function sheetMaker(title: string, period: string) {
  return (name: string, columns: Column[], rows: Cell[][]): ReportSheet => ({ name, title: `${title} · ${name}`, period, columns, rows });
}

const rangePeriod = (l: ReportLabels, r: { from: string; to: string }) => `${l.period} ${r.from} – ${r.to}`;

export function salesSheets(report: SalesReport, { locale }: SheetContext): ReportSheet[] {
  const l = reportLabels(locale);
  const methods = receiptLabels(locale).methods;
  const c = l.columns;
  const sheet = sheetMaker(l.titles.sales, rangePeriod(l, report));
  const figures = (f: SalesFigures): Cell[] => [f.salesCount, f.salesMinor, f.refundsCount, f.refundsMinor, f.netMinor, f.discountMinor, f.pointsEarned];
  return [
    sheet(
      l.sheets.sales,
      [col(c.start, 'date'), col(c.end, 'date'), col(c.salesCount, 'count'), col(c.salesMinor, 'money'), col(c.refundsCount, 'count'), col(c.refundsMinor, 'money'), col(c.netMinor, 'money'), col(c.discountMinor, 'money'), col(c.pointsEarned, 'count')],
      [...report.buckets.map((b) => [b.start, b.end, ...figures(b)]), [l.total, null, ...figures(report.totals)]],
    ),
    sheet(
      l.sheets.methods,
      [col(c.method, 'text'), col(c.methodKind, 'text'), col(c.methodSales, 'money'), col(c.methodRefunds, 'money'), col(c.methodNet, 'money')],
      [
        ...report.byMethod.map((m) => [methods[m.method], l.methodKinds[m.kind], m.salesMinor, m.refundsMinor, m.netMinor]),
        [l.total, null, report.byMethod.reduce((s, m) => s + m.salesMinor, 0), report.byMethod.reduce((s, m) => s + m.refundsMinor, 0), report.totals.netMinor],
        [c.takenMinor, l.methodKinds.money, null, null, report.totals.takenMinor],
      ],
    ),
  ];
}

export function topupsSheets(report: TopupsReport, { locale }: SheetContext): ReportSheet[] {
  const l = reportLabels(locale);
  const methods = receiptLabels(locale).methods;
  const c = l.columns;
  const sheet = sheetMaker(l.titles.topups, rangePeriod(l, report));
  const figures = (f: TopupsReport['totals']): Cell[] => [
    f.topupsCount,
    f.principalMinor,
    f.bonusMinor,
    f.refundsCount,
    f.refundedPrincipalMinor,
    f.bonusClawedBackMinor,
    f.netPrincipalMinor,
    f.netBonusMinor,
  ];
  return [
    sheet(
      l.sheets.topups,
      [
        col(c.start, 'date'),
        col(c.end, 'date'),
        col(c.topupsCount, 'count'),
        col(c.principalMinor, 'money'),
        col(c.bonusMinor, 'money'),
        col(c.topupRefundsCount, 'count'),
        col(c.refundedPrincipalMinor, 'money'),
        col(c.bonusClawedBackMinor, 'money'),
        col(c.netPrincipalMinor, 'money'),
        col(c.netBonusMinor, 'money'),
      ],
      [...report.buckets.map((b) => [b.start, b.end, ...figures(b)]), [l.total, null, ...figures(report.totals)]],
    ),
    sheet(
      l.sheets.topupMethods,
      [col(c.method, 'text'), col(c.principalMinor, 'money'), col(c.refundedPrincipalMinor, 'money'), col(c.netPrincipalMinor, 'money')],
      [
        ...report.byMethod.map((m) => [methods[m.method], m.principalMinor, m.refundedPrincipalMinor, m.netPrincipalMinor]),
        [l.total, report.totals.principalMinor, report.totals.refundedPrincipalMinor, report.totals.netPrincipalMinor],
      ],
    ),
  ];
}

export function liabilitySheets(report: LiabilityReport, { locale }: SheetContext): ReportSheet[] {
  const l = reportLabels(locale);
  const c = l.columns;
  const sheet = sheetMaker(l.titles.liability, `${l.asOf} ${report.asOf}`);
  const sv = report.storedValue;
  return [
    sheet(
      l.sheets.aging,
      [col(c.ageBucket, 'text'), col(c.members, 'count'), col(c.principal, 'money'), col(c.bonus, 'money'), col(c.storedValueTotal, 'money')],
      [...report.aging.map((a) => [l.aging[a.bucket], a.members, a.principalMinor, a.bonusMinor, a.totalMinor]), [l.total, sv.members, sv.principalMinor, sv.bonusMinor, sv.totalMinor]],
    ),
    sheet(
      l.sheets.points,
      [col(c.pointsOutstanding, 'count'), col(c.pointsValue, 'money'), col(c.pointsPerUnit, 'count')],
      [[report.points.outstanding, report.points.valueMinor, report.points.pointsPerUnit]],
    ),
  ];
}

export function customersSheets(report: CustomersReport, { locale }: SheetContext): ReportSheet[] {
  const l = reportLabels(locale);
  const c = l.columns;
  const sheet = sheetMaker(l.titles.customers, rangePeriod(l, report));
  const figures = (f: CustomersReport['totals'] | CustomersReport['buckets'][number]): Cell[] => [
    f.memberNetMinor,
    f.walkInNetMinor,
    f.netMinor,
    f.memberVisits,
    f.walkInVisits,
    f.visits,
    f.memberSpendPerVisitMinor,
    f.walkInSpendPerVisitMinor,
    f.spendPerVisitMinor,
    f.newMembers,
  ];
  const t = report.totals;
  return [
    sheet(
      l.sheets.customers,
      [
        col(c.start, 'date'),
        col(c.end, 'date'),
        col(c.memberNetMinor, 'money'),
        col(c.walkInNetMinor, 'money'),
        col(c.netMinor, 'money'),
        col(c.memberVisits, 'count'),
        col(c.walkInVisits, 'count'),
        col(c.visits, 'count'),
        col(c.memberSpendPerVisit, 'money'),
        col(c.walkInSpendPerVisit, 'money'),
        col(c.spendPerVisit, 'money'),
        col(c.newMembers, 'count'),
      ],
      [...report.buckets.map((b) => [b.start, b.end, ...figures(b)]), [l.total, null, ...figures(t)]],
    ),
    sheet(l.sheets.repeat, [col(c.visitingMembers, 'count'), col(c.repeatMembers, 'count'), col(c.repeatRate, 'rate')], [[t.visitingMembers, t.repeatMembers, t.repeatRateBp]]),
  ];
}

export function topMembersSheets(report: TopMembersReport, { locale }: SheetContext): ReportSheet[] {
  const l = reportLabels(locale);
  const c = l.columns;
  const sheet = sheetMaker(l.titles.topMembers, rangePeriod(l, report));
  return [
    sheet(
      l.sheets.topMembers,
      [
        col(c.rank, 'count'),
        col(c.code, 'text'),
        col(c.name, 'text'),
        col(c.phone, 'text'),
        col(c.tier, 'text'),
        col(c.memberSpend, 'money'),
        col(c.bills, 'count'),
        col(c.visitDays, 'count'),
        col(c.spendPerVisit, 'money'),
        col(c.lastVisit, 'date'),
        col(c.balance, 'money'),
        col(c.points, 'count'),
      ],
      report.members.map((m, i) => [i + 1, m.code, m.name, formatPhone(m.phone), m.tierName, m.netMinor, m.bills, m.visits, m.spendPerVisitMinor, m.lastVisitDate, m.balanceMinor, m.points]),
    ),
  ];
}

export function memberSheets(report: MemberReport, { locale, currency }: SheetContext): ReportSheet[] {
  const l = reportLabels(locale);
  const r = receiptLabels(locale);
  const s = r.statement;
  const c = l.columns;
  const sheet = sheetMaker(`${l.titles.member} · ${report.member.name} (${report.member.code})`, rangePeriod(l, report));
  // How a bill was paid, as one cell: "现金 ¥12.00 · 储值 ¥30.00".
  const paidBy = (payments: MemberReport['bills'][number]['payments']) => payments.map((p) => `${r.methods[p.method]} ${formatMoney(p.amountMinor, currency, locale)}`).join(' · ');
  return [
    sheet(
      l.sheets.memberBills,
      [col(c.businessDate, 'date'), col(c.billNo, 'text'), col(c.kind, 'text'), col(c.amount, 'money'), col(c.paidBy, 'text'), col(c.imported, 'text')],
      report.bills.map((b) => [b.businessDate, b.billNo, s.entryKind[b.kind], b.totalMinor, paidBy(b.payments), b.imported ? l.yes : '']),
    ),
    sheet(
      l.sheets.memberLedger,
      [
        col(s.date, 'text'),
        col(s.kind, 'text'),
        col(s.reference, 'text'),
        col(c.description, 'text'),
        col(s.amount, 'money'),
        col(s.storedValue, 'money'),
        col(s.balanceAfter, 'money'),
        col(s.points, 'count'),
        col(s.pointsAfter, 'count'),
      ],
      [
        [s.opening, null, null, null, null, null, report.ledger.opening.balanceMinor, null, report.ledger.opening.points],
        ...report.ledger.entries.map((e) => [e.localTime, s.entryKind[e.kind], e.reference, e.description, e.amountMinor, e.storedValueDeltaMinor, e.balanceAfterMinor, e.pointsDelta, e.pointsAfter]),
        [s.closing, null, null, null, null, null, report.ledger.closing.balanceMinor, null, report.ledger.closing.points],
      ],
    ),
  ];
}

