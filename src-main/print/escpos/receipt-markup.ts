/**
 * A receipt as a receiptline document: the one layout behind the thermal printer's bytes and the
 * on-screen preview (SVG), so what the cashier sees is what the paper shows. Column widths are worked out
 * here from the real texts, because receiptline's default splits a two-column line in half and would wrap
 * a bill number on 58 mm paper.
 */
import { formatMoney } from '../../api/money-format.ts';
import { receiptLabels, type ReceiptLabels } from '../../receipts/labels.ts';
import type { Receipt } from '../../receipts/types.ts';
import { textColumns } from './command-set.ts';
import { escapePropertyValue, escapeText } from './escape.ts';
import { logoForPaper } from './logo.ts';
import { charsPerLine, type PaperWidth } from './paper.ts';

export interface MarkupOptions {
  paperWidth: PaperWidth;
}

/** A centred line, a label with its value (info block, left) or an amount (money block, right). */
export type Part =
  | { type: 'raw'; markup: string }
  | { type: 'info'; label: string; value: string }
  | { type: 'amount'; label: string; value: string; indent?: boolean; tall?: boolean };

const QR_OPTION = 'qrcode,6,m';

export function receiptMarkup(receipt: Receipt, options: MarkupOptions): string {
  const cpl = charsPerLine(options.paperWidth);
  const labels = receiptLabels(receipt.locale);
  const money = (minor: number): string => formatMoney(minor, receipt.currency, receipt.locale);
  const parts: Part[] = [
    ...headerParts(receipt, labels, options.paperWidth),
    ...infoParts(receipt, labels),
    { type: 'raw', markup: '---' },
    ...bodyParts(receipt, labels, money),
    ...balanceParts(receipt, labels, money),
    ...footerParts(receipt),
  ];
  return render(parts, cpl);
}

function headerParts(receipt: Receipt, labels: ReceiptLabels, paperWidth: PaperWidth): Part[] {
  const parts: Part[] = [];
  const logo = logoForPaper(receipt.shop.logoPng, paperWidth);
  if (logo) parts.push({ type: 'raw', markup: `{image:${logo}}` });
  // ^^^ is twice as wide and tall: the shop's name is what the receipt is recognised by.
  parts.push({ type: 'raw', markup: `^^^${escapeText(receipt.shop.name)}` });
  for (const line of receipt.shop.headerLines) parts.push({ type: 'raw', markup: escapeText(line) });
  parts.push({ type: 'raw', markup: '' }, { type: 'raw', markup: `^${escapeText(labels.title[receipt.kind])}` });
  // Inverted, so a copy from the bill history is not mistaken for a second sale.
  if (receipt.reprint) parts.push({ type: 'raw', markup: `\`~${escapeText(labels.reprint)}~\`` });
  return parts;
}

function infoParts(receipt: Receipt, labels: ReceiptLabels): Part[] {
  const parts: Part[] = [{ type: 'info', label: labels.billNo, value: receipt.number }];
  if (receipt.originalNumber) parts.push({ type: 'info', label: labels.originalNo, value: receipt.originalNumber });
  parts.push({ type: 'info', label: labels.time, value: receipt.localTime }, { type: 'info', label: labels.cashier, value: receipt.staffName });
  const member = receipt.member;
  if (member) {
    const tier = member.tierName ? (receipt.locale === 'en' ? ` (${member.tierName})` : `（${member.tierName}）`) : '';
    parts.push(
      { type: 'info', label: labels.member, value: `${member.name}${tier}` },
      { type: 'info', label: labels.memberCode, value: member.code },
    );
    if (member.phoneMasked) parts.push({ type: 'info', label: labels.phone, value: member.phoneMasked });
  }
  return parts;
}

function bodyParts(receipt: Receipt, labels: ReceiptLabels, money: (minor: number) => string): Part[] {
  const parts: Part[] = [];
  if (receipt.topup) {
    parts.push(
      { type: 'amount', label: labels.principal, value: money(receipt.topup.principalMinor) },
      { type: 'amount', label: labels.bonus, value: money(receipt.topup.bonusMinor) },
    );
  } else {
    for (const line of receipt.lines) {
      // The name alone on its line may wrap; under it "2 × ¥32.00 -¥6.40" and the line's net at the right.
      parts.push({ type: 'raw', markup: `|${escapeText(line.name)}` });
      const discount = line.discountMinor !== 0 ? ` ${money(-line.discountMinor)}` : '';
      parts.push({ type: 'amount', label: `${line.quantity} × ${money(line.unitPriceMinor)}${discount}`, value: money(line.netMinor), indent: true });
    }
    if (receipt.lines.length > 0) parts.push({ type: 'raw', markup: '---' });
    parts.push({ type: 'amount', label: labels.subtotal, value: money(receipt.subtotalMinor) });
    if (receipt.discountMinor !== 0) parts.push({ type: 'amount', label: labels.discount, value: money(-receipt.discountMinor) });
    const totalLabel = receipt.kind === 'refund' ? labels.refundTotal : labels.total;
    parts.push({ type: 'amount', label: totalLabel, value: money(receipt.totalMinor), tall: true });
  }
  parts.push({ type: 'raw', markup: '---' });
  for (const payment of receipt.payments) {
    const points = payment.method === 'points' && payment.points !== 0 ? ` (${payment.points})` : '';
    parts.push({ type: 'amount', label: `${labels.methods[payment.method]}${points}`, value: money(payment.amountMinor) });
    if (payment.tenderedMinor !== null) parts.push({ type: 'amount', label: labels.tendered, value: money(payment.tenderedMinor), indent: true });
    if (payment.changeMinor !== null) parts.push({ type: 'amount', label: labels.change, value: money(payment.changeMinor), indent: true });
  }
  if (receipt.pointsEarned !== 0) parts.push({ type: 'amount', label: labels.pointsEarned, value: String(receipt.pointsEarned) });
  if (receipt.pointsRedeemed !== 0) parts.push({ type: 'amount', label: labels.pointsRedeemed, value: String(receipt.pointsRedeemed) });
  return parts;
}

/** What the member has left: only for a member, and only what the ledger says right after this bill. */
function balanceParts(receipt: Receipt, labels: ReceiptLabels, money: (minor: number) => string): Part[] {
  if (!receipt.member) return [];
  const parts: Part[] = [];
  const balance = receipt.balanceAfter;
  if (balance) {
    parts.push({ type: 'amount', label: labels.balance, value: money(balance.principalMinor + balance.bonusMinor) });
    // The split matters only when there is bonus (a refund returns principal only); else it is noise.
    if (balance.bonusMinor > 0) {
      parts.push(
        { type: 'amount', label: labels.balancePrincipal, value: money(balance.principalMinor), indent: true },
        { type: 'amount', label: labels.bonus, value: money(balance.bonusMinor), indent: true },
      );
    }
  }
  if (receipt.pointsAfter !== null) parts.push({ type: 'amount', label: labels.pointsBalance, value: String(receipt.pointsAfter) });
  return parts.length > 0 ? [{ type: 'raw', markup: '---' }, ...parts] : [];
}

function footerParts(receipt: Receipt): Part[] {
  const parts: Part[] = [{ type: 'raw', markup: '' }];
  for (const line of receipt.shop.footerLines) parts.push({ type: 'raw', markup: escapeText(line) });
  if (receipt.qrData) parts.push({ type: 'raw', markup: `{code:${escapePropertyValue(receipt.qrData)};option:${QR_OPTION}}` });
  // The cut is part of the document (not the printer option) so the preview shows it and the paper is cut once.
  parts.push({ type: 'raw', markup: '=' });
  return parts;
}

/**
 * Parts → lines, with a width property whenever the kind of line changes: single-column lines need
 * `auto` (a fixed width list would pad them with empty columns), labels get the width of the longest
 * label, amounts the width of the widest amount — both capped so the other column keeps half the paper.
 */
export function render(parts: Part[], cpl: number): string {
  const half = Math.floor((cpl - 1) / 2);
  const widest = (texts: string[]): number => Math.min(half, Math.max(1, ...texts.map(textColumns)));
  const labelWidth = widest(parts.flatMap((p) => (p.type === 'info' ? [p.label] : [])));
  const amountWidth = widest(parts.flatMap((p) => (p.type === 'amount' ? [p.value] : [])));
  const widthOf: Record<Part['type'], string> = { raw: '{width:auto}', info: `{width:${labelWidth} *}`, amount: `{width:* ${amountWidth}}` };
  const lines: string[] = [];
  let current: Part['type'] = 'raw';
  for (const part of parts) {
    if (part.type !== current) {
      lines.push(widthOf[part.type]);
      current = part.type;
    }
    lines.push(lineOf(part));
  }
  return `${lines.join('\n')}\n`;
}

function lineOf(part: Part): string {
  switch (part.type) {
    case 'raw':
      return part.markup;
    case 'info':
      // "label |value": label left in its column, value left-aligned after it.
      return `${escapeText(part.label)} |${escapeText(part.value)}`;
    case 'amount': {
      // ~ is a space that survives trimming; ^^ doubles the height but not the width, so the total
      // stands out without needing more columns.
      const indent = part.indent ? '~~' : '';
      const tall = part.tall ? '^^' : '';
      return `${indent}${tall}${escapeText(part.label)} | ${tall}${escapeText(part.value)}`;
    }
  }
}
