/**
 * Receipt → bytes for an ESC/POS thermal printer, and the same document as SVG for the screen. The
 * printer is put in GB18030 mode (FS &) so Chinese prints with the printer's own font; receiptline
 * counts CJK as two columns, so lines fit 32 (58 mm) or 48 (80 mm) columns.
 */
import { transform } from 'receiptline';
import type { Receipt } from '../../receipts/types.ts';
import { ESCPOS_COMMANDS } from './command-set.ts';
import { charsPerLine, type PaperWidth } from './paper.ts';
import { receiptMarkup } from './receipt-markup.ts';
import { testPageMarkup, type TestPageOptions } from './test-page-markup.ts';

/** ESC p 0 25 250: pulse pin 2 for 50 ms, then 500 ms off — what cash drawers on the printer's RJ11 expect. */
export const DRAWER_KICK = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);

// Line spacing on: CJK glyphs fill their whole 24-dot cell, and without spacing the lines touch.
// No `cutting`: the document ends with its own cut (`=`), and the option would add a second one.
const LAYOUT = { encoding: 'gb18030', spacing: true, cutting: false } as const;

export function escposBytes(markup: string, paperWidth: PaperWidth, openDrawer: boolean): Buffer {
  // receiptline returns one string character per byte (a "binary" string).
  const body = Buffer.from(transform(markup, { ...LAYOUT, cpl: charsPerLine(paperWidth), command: ESCPOS_COMMANDS }), 'latin1');
  // The kick goes first: the drawer opens while the receipt prints, so the cashier can give change
  // without waiting for the cut, and a drawer kick never waits behind a long logo.
  return openDrawer ? Buffer.concat([DRAWER_KICK, body]) : body;
}

export function encodeReceipt(receipt: Receipt, options: { paperWidth: PaperWidth; openDrawer: boolean }): Buffer {
  return escposBytes(receiptMarkup(receipt, options), options.paperWidth, options.openDrawer && receipt.cashMoved);
}

export function svgOf(markup: string, paperWidth: PaperWidth): string {
  return transform(markup, { ...LAYOUT, cpl: charsPerLine(paperWidth), command: 'svg' });
}

export function receiptSvg(receipt: Receipt, options: { paperWidth: PaperWidth }): string {
  return svgOf(receiptMarkup(receipt, options), options.paperWidth);
}

/** The test page as a system printer prints it (the same page the thermal printer gets). */
export function testPageSvg(options: TestPageOptions): string {
  return svgOf(testPageMarkup(options), options.paperWidth);
}

export function testPageBytes(options: TestPageOptions & { openDrawer: boolean }): Buffer {
  return escposBytes(testPageMarkup(options), options.paperWidth, options.openDrawer);
}
