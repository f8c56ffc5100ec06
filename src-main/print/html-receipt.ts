/**
 * The receipt for a system printer: the same receiptline drawing the thermal printer gets (as SVG), in
 * a page as wide as the paper's printable area, so the paper looks the same whichever printer the shop
 * has. Printed by the desktop shell's hidden window, or by the browser itself under `npm run serve`.
 */
import { receiptLabels, type ReceiptLocale } from '../receipts/labels.ts';
import type { Receipt } from '../receipts/types.ts';
import { receiptSvg, testPageSvg } from './escpos/encode.ts';
import { paperWidthOf } from './escpos/paper.ts';

/** Printable width of a roll: 80 mm paper prints 72 mm, 58 mm prints 48 mm. */
const PRINTABLE_MM = { '58': 48, '80': 72 } as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(title: string, body: string, paperWidth: '58' | '80', lang: ReceiptLocale): string {
  const width = PRINTABLE_MM[paperWidth];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
@page { margin: 4mm 0; }
html, body { margin: 0; padding: 0; background: #fff; }
main { width: ${width}mm; margin: 0 auto; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
main svg { display: block; width: 100%; height: auto; }
</style></head><body><main>${body}</main></body></html>`;
}

export function receiptHtml(receipt: Receipt, options: { paperWidth: '58' | '80' }): string {
  const svg = receiptSvg(receipt, { paperWidth: paperWidthOf(options.paperWidth) });
  return page(`${receiptLabels(receipt.locale).title[receipt.kind]} ${receipt.number}`, svg, options.paperWidth, receipt.locale);
}

export function testPageHtml(options: { paperWidth: '58' | '80'; shopName: string; locale: ReceiptLocale }): string {
  const svg = testPageSvg({ paperWidth: paperWidthOf(options.paperWidth), shopName: options.shopName, locale: options.locale });
  return page(options.shopName, svg, options.paperWidth, options.locale);
}
