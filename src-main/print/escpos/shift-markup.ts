/**
 * A shift's Z report as a receiptline document, laid out by the receipt's own renderer (labels left,
 * amounts right, widths from the real texts) so it prints on 58 and 80 mm paper like a receipt does.
 * The drawer comes first (what the cashier signs for), then the bills, each method, top-ups and points.
 */
import { formatMoney } from '../../api/money-format.ts';
import { localMinute } from '../../ledger/time.ts';
import { receiptLabels, type ReceiptLocale } from '../../receipts/labels.ts';
import { shiftReportLabels } from '../../shifts/report-labels.ts';
import type { ShiftReport } from '../../shifts/types.ts';
import { escapeText } from './escape.ts';
import { charsPerLine, type PaperWidth } from './paper.ts';
import { render, type Part } from './receipt-markup.ts';

export interface ShiftReportDocument {
  report: ShiftReport;
  shopName: string;
  tillName: string;
  currency: string;
  locale: ReceiptLocale;
  /** ISO time the paper is printed. */
  printedAt: string;
}

export function shiftReportMarkup(doc: ShiftReportDocument, paperWidth: PaperWidth): string {
  const { report, locale } = doc;
  const words = shiftReportLabels(locale);
  const methods = receiptLabels(locale).methods;
  const money = (minor: number) => formatMoney(minor, doc.currency, locale);
  // Money going out reads negative, as on a refund receipt; `0 - x` so nothing reads "-¥0.00".
  const out = (minor: number) => money(0 - minor);
  const signed = (minor: number) => (minor > 0 ? `+${money(minor)}` : money(minor));
  const { cash, bills, topups } = report.totals;
  const rule: Part = { type: 'raw', markup: '---' };
  const amount = (label: string, value: string, more: { indent?: boolean; tall?: boolean } = {}): Part => ({ type: 'amount', label, value, ...more });

  const parts: Part[] = [
    { type: 'raw', markup: `^^^${escapeText(doc.shopName)}` },
    { type: 'raw', markup: `^${escapeText(report.close ? words.title : words.titleOpen)}` },
    { type: 'raw', markup: '' },
    { type: 'info', label: words.cashier, value: report.staffName },
    { type: 'info', label: words.till, value: doc.tillName },
    { type: 'info', label: words.opened, value: localMinute(report.openedAt) },
    report.close ? { type: 'info', label: words.closed, value: localMinute(report.close.closedAt) } : { type: 'info', label: words.asOf, value: localMinute(report.totals.asOf) },
  ];
  if (report.close && report.close.staffId !== report.staffId) parts.push({ type: 'info', label: words.closedBy, value: report.close.staffName });

  parts.push(rule, { type: 'raw', markup: `"${escapeText(words.cash)}"` });
  parts.push(amount(words.float, money(cash.floatMinor)), amount(words.cashSales, signed(cash.salesMinor)), amount(words.cashRefunds, out(cash.refundsMinor)));
  parts.push(amount(words.cashTopups, signed(cash.topupsMinor)), amount(words.cashTopupRefunds, out(cash.topupRefundsMinor)));
  const otherRecords = report.totals.otherStaff.bills + report.totals.otherStaff.topups;
  if (otherRecords > 0) parts.push(amount(words.otherStaffCash(otherRecords), signed(cash.otherStaffMinor)));
  parts.push(amount(words.expected, money(cash.expectedMinor), { tall: true }));
  if (report.close) {
    const { countedMinor, overShortMinor } = report.close;
    parts.push(amount(words.counted, money(countedMinor), { tall: true }));
    const label = overShortMinor > 0 ? words.over : overShortMinor < 0 ? words.short : words.even;
    parts.push(amount(label, signed(overShortMinor), { tall: true }));
    if (report.close.denominations && report.close.denominations.length > 0) {
      parts.push(rule, { type: 'raw', markup: escapeText(words.countedNotes) });
      for (const d of report.close.denominations) parts.push(amount(`${money(d.valueMinor)} × ${d.count}`, money(d.valueMinor * d.count), { indent: true }));
    }
  }

  parts.push(rule, amount(words.sales(bills.salesCount), money(bills.salesMinor)), amount(words.refunds(bills.refundsCount), out(bills.refundsMinor)));
  parts.push(amount(words.net, money(bills.netMinor), { tall: true }));

  if (report.totals.byMethod.length > 0) {
    parts.push(rule, { type: 'raw', markup: escapeText(words.byMethod) });
    for (const m of report.totals.byMethod) {
      parts.push(amount(`${methods[m.method]}${m.external ? '' : words.notCash}`, money(m.netMinor)));
      // The parts only when there is more than one, or the net alone would not say what it is made of.
      const pieces: Array<[string, number, boolean]> = [
        [words.methodSales, m.salesMinor, false],
        [words.methodRefunds, m.refundsMinor, true],
        [words.methodTopups, m.topupsMinor, false],
        [words.methodTopupRefunds, m.topupRefundsMinor, true],
      ];
      const moved = pieces.filter(([, minor]) => minor !== 0);
      if (moved.length > 1 || moved.some(([, , isOut]) => isOut)) {
        for (const [label, minor, isOut] of moved) parts.push(amount(label, isOut ? out(minor) : money(minor), { indent: true }));
      }
    }
  }

  if (topups.count > 0 || topups.refundsCount > 0) {
    parts.push(rule, amount(words.topups(topups.count), money(topups.principalMinor)), amount(words.bonus, money(topups.bonusMinor), { indent: true }));
    if (topups.refundsCount > 0) {
      parts.push(amount(words.topupRefunds(topups.refundsCount), out(topups.refundedPrincipalMinor)), amount(words.bonus, out(topups.refundedBonusMinor), { indent: true }));
    }
  }
  if (bills.pointsEarned !== 0 || report.totals.pointsRedeemed !== 0) {
    parts.push(rule, amount(words.pointsEarned, String(bills.pointsEarned)), amount(words.pointsRedeemed, String(report.totals.pointsRedeemed)));
  }
  const note = [report.note, report.close?.note ?? ''].filter((n) => n !== '').join(' / ');
  if (note) parts.push(rule, { type: 'info', label: words.note, value: note });

  parts.push(
    rule,
    { type: 'info', label: words.printedAt, value: localMinute(doc.printedAt) },
    { type: 'raw', markup: '' },
    { type: 'info', label: words.signature, value: '_'.repeat(12) },
    { type: 'raw', markup: '' },
    // The cut is in the document, as on receipts, so the paper is cut once.
    { type: 'raw', markup: '=' },
  );
  return render(parts, charsPerLine(paperWidth));
}
