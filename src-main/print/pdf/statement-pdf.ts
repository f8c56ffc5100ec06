/**
 * A member statement as an A4 PDF: who, which period, what the card held before, every bill, refund,
 * top-up and adjustment in a table, and what it holds after. The table's heading is repeated on every
 * page and pages are cut between rows, never through one; the closing figures stay on the page of
 * the last row. Pages are numbered "n / N" at the end, once N is known (pdfkit's bufferPages).
 */
import { receiptLabels } from '../../receipts/labels.ts';
import type { Statement } from '../../receipts/types.ts';
import { addPage, newPdf, pdfBytes } from './document.ts';
import {
  cellsOf,
  layoutColumns,
  money,
  MUTED,
  pairBlock,
  ruleBlock,
  rowBlock,
  signedCount,
  signedMoney,
  spaceBlock,
  stackBlocks,
  STRIPE,
  textBlock,
  widestText,
  type Block,
  type TextStyle,
} from './layout.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 36;
const MARGIN_TOP = 40;
/** Rows end above this line; the page number sits below it. */
const BODY_BOTTOM = A4[1] - 52;
const FOOTER_Y = A4[1] - 34;
const CONTENT = A4[0] - 2 * MARGIN_X;

const BODY: TextStyle = { size: 8.5 };
const HEAD: TextStyle = { size: 8, color: MUTED };
const SMALL: TextStyle = { size: 7.5, color: MUTED };
const ROW_PAD = 2.5;

export async function statementPdf(statement: Statement): Promise<Buffer> {
  const L = receiptLabels(statement.locale);
  const S = L.statement;
  const { member, currency, locale } = statement;
  const m = (minor: number): string => money(minor, currency, locale);
  const period = `${statement.from} – ${statement.to}`;
  const doc = newPdf({
    title: `${S.title} ${member.name} ${period}`,
    author: statement.shop.name,
    createdAt: new Date(statement.generatedAt),
    lang: locale,
    bufferPages: true,
  });
  const holdings = (balanceMinor: number, points: number): string => `${S.balanceAfter} ${m(balanceMinor)} · ${S.pointsAfter} ${points}`;

  // The first page's heading: shop, title, member and period, the opening figures.
  const half = CONTENT / 2;
  const labelWidth = widestText(doc, [L.member, L.memberCode, S.period, S.opening], HEAD) + 8;
  const infoRow = (l1: string, v1: string, l2: string, v2: string): Block =>
    rowBlock(
      doc,
      [
        { text: l1, x: MARGIN_X, width: labelWidth, align: 'left', style: HEAD },
        { text: v1, x: MARGIN_X + labelWidth, width: half - labelWidth - 8, align: 'left' },
        { text: l2, x: MARGIN_X + half, width: labelWidth, align: 'left', style: HEAD },
        { text: v2, x: MARGIN_X + half + labelWidth, width: half - labelWidth, align: 'left' },
      ],
      { size: 9 },
      { padY: 1.5 },
    );
  const firstHeading = stackBlocks([
    textBlock(doc, statement.shop.name, MARGIN_X, CONTENT, 'left', { size: 11, color: MUTED }),
    textBlock(doc, S.title, MARGIN_X, CONTENT, 'left', { size: 18, emphasis: true }),
    spaceBlock(6),
    infoRow(L.member, `${member.name} · ${member.tierName}`, S.period, period),
    infoRow(L.memberCode, `${member.code} · ${member.phoneMasked}`, S.opening, holdings(statement.opening.balanceMinor, statement.opening.points)),
    spaceBlock(10),
  ]);
  // Later pages: one line saying whose statement this is, so a loose page is still recognisable.
  const runningHeading = stackBlocks([
    rowBlock(
      doc,
      [
        { text: `${statement.shop.name} · ${S.title}`, x: MARGIN_X, width: half, align: 'left' },
        { text: `${member.name} · ${member.code} · ${period}`, x: MARGIN_X + half, width: half, align: 'right' },
      ],
      SMALL,
    ),
    ruleBlock(doc, MARGIN_X, CONTENT, { space: 4 }),
    spaceBlock(4),
  ]);

  // The table: columns as wide as their widest cell, the reference taking what is left.
  const header = [S.date, S.kind, S.reference, S.amount, S.storedValue, S.balanceAfter, S.points, S.pointsAfter];
  const texts = statement.entries.map((e) => [
    e.localTime,
    S.entryKind[e.kind],
    [e.reference, e.description].filter((t) => t !== '').join('\n'),
    e.kind === 'adjust' ? '' : m(e.amountMinor),
    signedMoney(e.storedValueDeltaMinor, currency, locale),
    m(e.balanceAfterMinor),
    signedCount(e.pointsDelta),
    String(e.pointsAfter),
  ]);
  const fit = (i: number): number => Math.max(widestText(doc, texts.map((t) => t[i]!), BODY), widestText(doc, [header[i]!], HEAD));
  const tableWidth = CONTENT - 8;
  // Slack goes between the columns, up to a point, rather than all into the reference column.
  const slack = tableWidth - header.reduce((sum, _, i) => sum + fit(i), 0);
  const gap = Math.min(Math.max(slack / (header.length - 1), 10), 24);
  const columns = layoutColumns(MARGIN_X + 4, tableWidth, gap, [
    { width: fit(0), align: 'left' },
    { width: fit(1), align: 'left' },
    { width: null, align: 'left' },
    { width: fit(3), align: 'right' },
    { width: fit(4), align: 'right' },
    { width: fit(5), align: 'right' },
    { width: fit(6), align: 'right' },
    { width: fit(7), align: 'right' },
  ]);
  const tableHeading = stackBlocks([
    rowBlock(doc, cellsOf(columns, header), HEAD, { padY: ROW_PAD }),
    ruleBlock(doc, MARGIN_X, CONTENT, { space: 1 }),
  ]);
  const rows = texts.map((t, i) =>
    rowBlock(doc, cellsOf(columns, t), BODY, { padY: ROW_PAD, ...(i % 2 === 1 ? { background: { x: MARGIN_X, width: CONTENT, color: STRIPE } } : {}) }),
  );

  // The closing figures and the period's totals, right-aligned under the table.
  const boxWidth = 280;
  const boxX = MARGIN_X + CONTENT - boxWidth;
  const total = (label: string, value: string): Block => pairBlock(doc, boxX, boxWidth, label, value, BODY);
  const closing = stackBlocks([
    ruleBlock(doc, MARGIN_X, CONTENT, { space: 1 }),
    spaceBlock(10),
    pairBlock(doc, boxX, boxWidth, S.closing, holdings(statement.closing.balanceMinor, statement.closing.points), { size: 9.5, emphasis: true }),
    ruleBlock(doc, boxX, boxWidth, { space: 4, dashed: true }),
    total(S.toppedUp, m(statement.totals.toppedUpMinor)),
    total(S.spentFromBalance, m(statement.totals.spentFromBalanceMinor)),
    total(S.billsNet, m(statement.totals.billsNetMinor)),
    total(S.pointsEarned, String(statement.totals.pointsEarned)),
    total(S.pointsUsed, String(statement.totals.pointsUsed)),
  ]);

  let y = 0;
  const place = (block: Block): void => {
    block.draw(y);
    y += block.height;
  };
  const startPage = (heading: Block): void => {
    addPage(doc, A4);
    y = MARGIN_TOP;
    place(heading);
    // An empty statement has no table, only the line saying so.
    if (rows.length > 0) place(tableHeading);
  };

  startPage(firstHeading);
  rows.forEach((row, i) => {
    // The last row takes the closing figures with it: they never stand alone on a page.
    const needed = row.height + (i === rows.length - 1 ? closing.height : 0);
    if (y + needed > BODY_BOTTOM) startPage(runningHeading);
    place(row);
  });
  if (rows.length === 0) place(rowBlock(doc, [{ text: S.none, x: MARGIN_X, width: CONTENT, align: 'center' }], { ...BODY, color: MUTED }, { padY: 12 }));
  if (y + closing.height > BODY_BOTTOM) startPage(runningHeading);
  place(closing);

  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    pageFooter(doc, `${S.generated} ${statement.generatedLocalTime}`, S.page(i + 1, count)).draw(FOOTER_Y);
  }
  return pdfBytes(doc);
}

function pageFooter(doc: PDFKit.PDFDocument, generated: string, pageNumber: string): Block {
  return stackBlocks([
    ruleBlock(doc, MARGIN_X, CONTENT, { space: 3 }),
    rowBlock(
      doc,
      [
        { text: generated, x: MARGIN_X, width: CONTENT / 2, align: 'left' },
        { text: pageNumber, x: MARGIN_X + CONTENT / 2, width: CONTENT / 2, align: 'right' },
      ],
      SMALL,
    ),
  ]);
}
