/**
 * The page "Test printer" prints: both scripts (is the Chinese font there, is GB18030 mode on), a ruler
 * as wide as the configured paper (does 32 or 48 really fit, or is the setting wrong), a QR code and a
 * cut — everything a receipt needs, checked without making a sale.
 */
import type { ReceiptLocale } from '../../receipts/labels.ts';
import { escapeText } from './escape.ts';
import { charsPerLine, type PaperWidth } from './paper.ts';

export interface TestPageOptions {
  paperWidth: PaperWidth;
  shopName: string;
  locale: ReceiptLocale;
}

const WORDS: Record<ReceiptLocale, { title: string; paper: (mm: number, cpl: number) => string }> = {
  'zh-CN': { title: '打印机测试页', paper: (mm, cpl) => `纸宽 ${mm} mm，每行 ${cpl} 个字符` },
  en: { title: 'Printer test page', paper: (mm, cpl) => `Paper ${mm} mm, ${cpl} characters a line` },
};

export const TEST_PAGE_QR = 'REGULARS-PRINTER-TEST';

/** "....+....1....+....2" — a digit every ten columns, so a cut-off line shows where it stops. */
export function ruler(columns: number): string {
  let line = '';
  for (let i = 1; i <= columns; i++) line += i % 10 === 0 ? String((i / 10) % 10) : i % 5 === 0 ? '+' : '.';
  return line;
}

export function testPageMarkup(options: TestPageOptions): string {
  const cpl = charsPerLine(options.paperWidth);
  const words = WORDS[options.locale];
  return [
    `^^^${escapeText(options.shopName)}`,
    `^${escapeText(words.title)}`,
    '',
    '|中文：常客会员 储值 积分 ¥12.50',
    '|English: Regulars 0123456789',
    `|${escapeText(words.paper(options.paperWidth, cpl))}`,
    `|${ruler(cpl)}`,
    // Full-width characters exactly filling the line: each must take two columns.
    `|${'中'.repeat(Math.floor(cpl / 2))}`,
    '',
    `{code:${TEST_PAGE_QR};option:qrcode,6,m}`,
    '=',
    '',
  ].join('\n');
}
