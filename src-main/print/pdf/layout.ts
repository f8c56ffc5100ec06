/**
 * Drawing helpers shared by the bill and the statement. Everything on a page is a Block: measured
 * first, drawn second. The bill sums its blocks to size its one long page; the statement uses the
 * heights to cut pages between rows, never through one.
 */
import { formatMoney } from '../../api/money-format.ts';
import type { ReceiptLocale } from '../../receipts/labels.ts';

export type Align = 'left' | 'center' | 'right';

export const INK = '#111111';
export const MUTED = '#5f5f5f';
export const RULE = '#9a9a9a';
export const STRIPE = '#f1f1f1';

export interface TextStyle {
  size: number;
  color?: string;
  /** Only the Regular weight ships (Bold alone is 18 MB): emphasis strokes its outline thinly. */
  emphasis?: boolean;
}

export interface Block {
  height: number;
  draw: (y: number) => void;
}

export interface Cell {
  text: string;
  x: number;
  width: number;
  align: Align;
  /** Overrides the row's style for this cell. */
  style?: TextStyle;
}

function setStyle(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc.fontSize(style.size).fillColor(style.color ?? INK);
}

function measure(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle): number {
  // Size only: a colour is page content, and measuring happens before there is a page.
  doc.fontSize(style.size);
  // An empty cell still has a line's height, so a row of blanks does not collapse.
  return doc.heightOfString(text === '' ? ' ' : text, { width });
}

function drawText(doc: PDFKit.PDFDocument, cell: Cell, y: number, style: TextStyle): void {
  if (cell.text === '') return;
  setStyle(doc, style);
  if (style.emphasis) {
    doc.save().lineWidth(style.size * 0.035).strokeColor(style.color ?? INK);
    doc.text(cell.text, cell.x, y, { width: cell.width, align: cell.align, fill: true, stroke: true });
    doc.restore();
  } else {
    doc.text(cell.text, cell.x, y, { width: cell.width, align: cell.align });
  }
}

/** Cells side by side, as tall as the tallest (a long name wraps inside its column). */
export function rowBlock(
  doc: PDFKit.PDFDocument,
  cells: Cell[],
  style: TextStyle,
  options: { padY?: number; background?: { x: number; width: number; color: string } } = {},
): Block {
  const padY = options.padY ?? 0;
  const height = Math.max(...cells.map((c) => measure(doc, c.text, c.width, c.style ?? style))) + 2 * padY;
  return {
    height,
    draw: (y) => {
      const bg = options.background;
      if (bg) doc.rect(bg.x, y, bg.width, height).fill(bg.color);
      for (const cell of cells) drawText(doc, cell, y + padY, cell.style ?? style);
    },
  };
}

export function textBlock(doc: PDFKit.PDFDocument, text: string, x: number, width: number, align: Align, style: TextStyle): Block {
  return rowBlock(doc, [{ text, x, width, align }], style);
}

/** A label on the left and its value flush right; the value wraps in what the label leaves. */
export function pairBlock(
  doc: PDFKit.PDFDocument,
  x: number,
  width: number,
  label: string,
  value: string,
  style: TextStyle,
  labelStyle: TextStyle = { ...style, color: MUTED, emphasis: false },
): Block {
  doc.fontSize(labelStyle.size);
  const labelWidth = Math.min(doc.widthOfString(label) + 1, width * 0.6);
  const gap = style.size;
  return rowBlock(
    doc,
    [
      { text: label, x, width: labelWidth, align: 'left', style: labelStyle },
      { text: value, x: x + labelWidth + gap, width: width - labelWidth - gap, align: 'right' },
    ],
    style,
  );
}

export function ruleBlock(doc: PDFKit.PDFDocument, x: number, width: number, options: { space: number; dashed?: boolean; color?: string }): Block {
  return {
    height: 2 * options.space,
    draw: (y) => {
      doc.save().lineWidth(0.6).strokeColor(options.color ?? RULE);
      if (options.dashed) doc.dash(2, { space: 2 });
      doc.moveTo(x, y + options.space).lineTo(x + width, y + options.space).stroke();
      doc.restore();
    },
  };
}

export function spaceBlock(height: number): Block {
  return { height, draw: () => {} };
}

/** Blocks one under the other, as one block (kept together on a page). */
export function stackBlocks(blocks: Block[]): Block {
  return {
    height: blocks.reduce((sum, b) => sum + b.height, 0),
    draw: (y) => {
      let at = y;
      for (const block of blocks) {
        block.draw(at);
        at += block.height;
      }
    },
  };
}

/** Width and height in pixels from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A PNG scaled to fit the box (never enlarged past one pixel per point) and centred in its width. */
export function imageBlock(doc: PDFKit.PDFDocument, png: Buffer, x: number, width: number, maxHeight: number): Block | null {
  const size = pngSize(png);
  if (!size || size.width === 0 || size.height === 0) return null;
  const scale = Math.min(width / size.width, maxHeight / size.height, 1);
  const w = size.width * scale;
  const h = size.height * scale;
  return { height: h, draw: (y) => void doc.image(png, x + (width - w) / 2, y, { width: w, height: h }) };
}

export interface ColumnSpec {
  /** Points, or null for the one column that takes the width the others leave. */
  width: number | null;
  align: Align;
}

export interface Column {
  x: number;
  width: number;
  align: Align;
}

export function layoutColumns(x: number, width: number, gap: number, specs: ColumnSpec[]): Column[] {
  const fixed = specs.reduce((sum, s) => sum + (s.width ?? 0), 0) + gap * (specs.length - 1);
  const flexible = Math.max(width - fixed, 0);
  let at = x;
  return specs.map((spec) => {
    const column = { x: at, width: spec.width ?? flexible, align: spec.align };
    at += column.width + gap;
    return column;
  });
}

/** The width the widest of these texts needs at this style: columns sized to what they hold. */
export function widestText(doc: PDFKit.PDFDocument, texts: string[], style: TextStyle): number {
  doc.fontSize(style.size);
  return Math.ceil(Math.max(0, ...texts.map((t) => doc.widthOfString(t)))) + 1;
}

/** One text per column, in the columns' order. */
export function cellsOf(columns: Column[], texts: string[]): Cell[] {
  return columns.map((column, i) => ({ ...column, text: texts[i] ?? '' }));
}

export function money(minor: number, currency: string, locale: ReceiptLocale): string {
  return formatMoney(minor, currency, locale);
}

/** A change rather than a balance: "+¥550.00" / "-¥31.00". */
export function signedMoney(minor: number, currency: string, locale: ReceiptLocale): string {
  return (minor > 0 ? '+' : '') + formatMoney(minor, currency, locale);
}

/** Points are counted without grouping, as the paper receipt prints them. */
export function signedCount(n: number): string {
  return (n > 0 ? '+' : '') + String(n);
}
