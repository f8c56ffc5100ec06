/**
 * receiptline's ESC/POS command set, with two commands swapped for ones cheap printers understand and
 * that keep the bytes readable:
 * - images (the shop logo) as GS v 0 raster, which nearly every ESC/POS clone supports, instead of the
 *   Epson graphics buffer (GS 8 L … GS ( L) that many 58 mm printers print as garbage;
 * - QR codes as the printer's own QR symbol (GS ( k): a few dozen bytes instead of a bitmap, crisp at any
 *   module size, and the data stays in the byte stream where a test can read it back.
 */
import { commands } from 'receiptline';
import type { BaseCommand, QRCode } from 'receiptline';

const QR_LEVEL: Record<QRCode['level'], number> = { l: 0x30, m: 0x31, q: 0x32, h: 0x33 };

/** GS ( k pL pH cn=49 fn params…: one function of the QR symbol. */
function qrFunction(fn: number, params: Uint8Array | number[]): string {
  const length = params.length + 2;
  return String.fromCharCode(0x1d, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn, ...params);
}

/** Model 2, module size, error correction, store the data (UTF-8, as phone scanners expect), print. */
function nativeQrcode(symbol: QRCode): string {
  const data = new TextEncoder().encode(symbol.data);
  if (data.length === 0) return '';
  return (
    qrFunction(0x41, [0x32, 0x00]) +
    qrFunction(0x43, [symbol.cell]) +
    qrFunction(0x45, [QR_LEVEL[symbol.level]]) +
    qrFunction(0x50, [0x30, ...data]) +
    qrFunction(0x51, [0x30])
  );
}

export const ESCPOS_COMMANDS: BaseCommand = {
  ...commands.escpos,
  image: commands.generic.image,
  split: commands.generic.split,
  qrcode: nativeQrcode,
};

/** Display width in half-width columns as receiptline lays text out with GB18030 (CJK and ¥ count 2). */
export function textColumns(text: string): number {
  return commands.escpos.measureText(text, 'gb18030');
}
