/**
 * A bill, refund or top-up as a PDF: the facts of the paper receipt on one page 80 mm wide, as tall
 * as its content. A receipt-shaped page rather than A5: it is always exactly one page however many
 * lines the bill has, it reads like the slip the member was handed, and on a phone (where an e-bill
 * is opened) a narrow page fills the screen at a readable size.
 */
import { receiptLabels } from '../../receipts/labels.ts';
import type { Receipt } from '../../receipts/types.ts';
import { addPage, MM, newPdf, pdfBytes } from './document.ts';
import {
  cellsOf,
  imageBlock,
  INK,
  layoutColumns,
  money,
  MUTED,
  pairBlock,
  ruleBlock,
  rowBlock,
  signedCount,
  spaceBlock,
  stackBlocks,
  textBlock,
  type Block,
  type TextStyle,
  widestText,
} from './layout.ts';

const PAGE_WIDTH = 80 * MM;
const MARGIN_X = 5 * MM;
const MARGIN_Y = 6 * MM;
const CONTENT = PAGE_WIDTH - 2 * MARGIN_X;
const INDENT = 8;

const BODY: TextStyle = { size: 8.5 };
const SMALL: TextStyle = { size: 7.5, color: MUTED };
const HEAD: TextStyle = { size: 7.5, color: MUTED };

export async function billPdf(receipt: Receipt): Promise<Buffer> {
  const L = receiptLabels(receipt.locale);
  const doc = newPdf({
    title: `${L.title[receipt.kind]} ${receipt.number}`,
    author: receipt.shop.name,
    createdAt: new Date(receipt.createdAt),
    lang: receipt.locale,
  });
  const m = (minor: number): string => money(minor, receipt.currency, receipt.locale);
  const pair = (label: string, value: string, style: TextStyle = BODY, labelStyle?: TextStyle): Block =>
    pairBlock(doc, MARGIN_X, CONTENT, label, value, style, labelStyle);
  const centred = (text: string, style: TextStyle): Block => textBlock(doc, text, MARGIN_X, CONTENT, 'center', style);
  const rule = (dashed = true): Block => ruleBlock(doc, MARGIN_X, CONTENT, { space: 4, dashed });
  const blocks: Block[] = [];

  const logo = logoBytes(receipt.shop.logoPng);
  const logoBlock = logo && imageBlock(doc, logo, MARGIN_X, CONTENT, 14 * MM);
  if (logoBlock) blocks.push(logoBlock, spaceBlock(4));
  blocks.push(centred(receipt.shop.name, { size: 13, emphasis: true }));
  for (const line of receipt.shop.headerLines) blocks.push(centred(line, SMALL));
  blocks.push(rule(false));

  blocks.push(centred(L.title[receipt.kind], { size: 11, emphasis: true }));
  if (receipt.reprint) blocks.push(spaceBlock(2), reprintMark(doc, L.reprint));
  blocks.push(spaceBlock(4));
  blocks.push(pair(L.billNo, receipt.number));
  if (receipt.originalNumber) blocks.push(pair(L.originalNo, receipt.originalNumber));
  blocks.push(pair(L.time, receipt.localTime), pair(L.cashier, receipt.staffName));
  if (receipt.member) {
    blocks.push(pair(L.member, `${receipt.member.name} · ${receipt.member.tierName}`));
    blocks.push(pair(L.memberCode, `${receipt.member.code} · ${receipt.member.phoneMasked}`));
  }
  blocks.push(rule());

  const refund = receipt.kind === 'refund' || receipt.kind === 'topup_refund';
  if (receipt.lines.length > 0) {
    // Before the tier discount, so the amounts add up to the subtotal; the discount follows below.
    const rows = receipt.lines.map((line) => [line.name, String(line.quantity), m(line.unitPriceMinor), m(line.netMinor + line.discountMinor)]);
    const header = [L.item, L.quantity, L.unitPrice, L.amount];
    const fit = (i: number): number => Math.max(widestText(doc, rows.map((r) => r[i]!), BODY), widestText(doc, [header[i]!], HEAD));
    const columns = layoutColumns(MARGIN_X, CONTENT, 6, [
      { width: null, align: 'left' },
      { width: fit(1), align: 'right' },
      { width: fit(2), align: 'right' },
      { width: fit(3), align: 'right' },
    ]);
    blocks.push(rowBlock(doc, cellsOf(columns, header), HEAD, { padY: 1 }));
    // Wide figures (English "CN¥" prices in the thousands) can leave the name a sliver: then each
    // name gets a line of its own, with its figures under it.
    const nameOwnLine = columns[0]!.width < CONTENT * 0.3;
    for (const [name, ...figures] of rows) {
      if (nameOwnLine) blocks.push(textBlock(doc, name!, MARGIN_X, CONTENT, 'left', BODY), rowBlock(doc, cellsOf(columns, ['', ...figures]), BODY, { padY: 1 }));
      else blocks.push(rowBlock(doc, cellsOf(columns, [name!, ...figures]), BODY, { padY: 1.5 }));
    }
    blocks.push(rule());
    blocks.push(pair(L.subtotal, m(receipt.subtotalMinor)));
    // Shown as what it does to the total: minus on a sale, plus when a refund hands it back.
    if (receipt.discountMinor !== 0) blocks.push(pair(L.discount, m(-receipt.discountMinor)));
    blocks.push(pair(refund ? L.refundTotal : L.total, m(receipt.totalMinor), { size: 10.5, emphasis: true }));
  }
  if (receipt.topup) {
    blocks.push(pair(L.principal, m(receipt.topup.principalMinor), { size: 10.5, emphasis: true }));
    if (receipt.topup.bonusMinor !== 0) blocks.push(pair(L.bonus, m(receipt.topup.bonusMinor)));
  }

  if (receipt.payments.length > 0) {
    blocks.push(spaceBlock(3), textBlock(doc, L.paid, MARGIN_X, CONTENT, 'left', HEAD));
    for (const p of receipt.payments) {
      const method = p.method === 'points' && p.points !== 0 ? `${L.methods.points} ${p.points}` : L.methods[p.method];
      blocks.push(pair(method, m(p.amountMinor), BODY, { ...BODY, color: INK }));
      // Indented under the cash line they belong to.
      if (p.tenderedMinor !== null) blocks.push(pairBlock(doc, MARGIN_X + INDENT, CONTENT - INDENT, L.tendered, m(p.tenderedMinor), SMALL));
      if (p.changeMinor !== null) blocks.push(pairBlock(doc, MARGIN_X + INDENT, CONTENT - INDENT, L.change, m(p.changeMinor), SMALL));
    }
  }

  const memberFacts: Block[] = [];
  if (receipt.pointsEarned !== 0 || (receipt.member && receipt.lines.length > 0)) memberFacts.push(pair(L.pointsEarned, signedCount(receipt.pointsEarned)));
  if (receipt.pointsRedeemed !== 0) memberFacts.push(pair(L.pointsRedeemed, String(receipt.pointsRedeemed)));
  if (receipt.balanceAfter) memberFacts.push(pair(L.balance, m(receipt.balanceAfter.principalMinor + receipt.balanceAfter.bonusMinor)));
  if (receipt.pointsAfter !== null) memberFacts.push(pair(L.pointsBalance, String(receipt.pointsAfter)));
  if (memberFacts.length > 0) blocks.push(rule(), ...memberFacts);

  if (receipt.shop.footerLines.length > 0) {
    blocks.push(rule());
    for (const line of receipt.shop.footerLines) blocks.push(centred(line, SMALL));
  }

  const content = stackBlocks(blocks);
  addPage(doc, [PAGE_WIDTH, Math.ceil(content.height + 2 * MARGIN_Y)]);
  content.draw(MARGIN_Y);
  return pdfBytes(doc);
}

/** The logo as PNG bytes from its data: URL; anything else is left out rather than failing the bill. */
function logoBytes(dataUrl: string | null): Buffer | null {
  const match = dataUrl === null ? null : /^data:image\/png;base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl);
  return match ? Buffer.from(match[1]!, 'base64') : null;
}

/** "重印" in a box under the title: a copy must not pass for a second sale. */
function reprintMark(doc: PDFKit.PDFDocument, text: string): Block {
  const style: TextStyle = { size: 9, color: '#b00020', emphasis: true };
  doc.fontSize(style.size);
  const width = doc.widthOfString(text) + 12;
  const x = MARGIN_X + (CONTENT - width) / 2;
  const label = textBlock(doc, text, x, width, 'center', style);
  const height = label.height + 2;
  return {
    height,
    draw: (y) => {
      doc.save().lineWidth(0.9).strokeColor('#b00020').roundedRect(x, y, width, height, 2).stroke().restore();
      label.draw(y + 1);
    },
  };
}
