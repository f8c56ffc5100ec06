/**
 * The shop logo as receiptline wants it (bare base64 PNG), or null when there is none or it cannot be
 * printed: a thermal printer has no scaling, so a logo wider than the paper's dots would be cut off or
 * turn the rest of the receipt into noise. Leaving it out keeps the receipt readable; the settings
 * screen is where a logo should be made to fit (384 dots for 58 mm, 576 for 80 mm).
 */
import { printableDots, type PaperWidth } from './paper.ts';

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;
const PNG_SIGNATURE = '89504e470d0a1a0a';

/** Width from the IHDR chunk, which a PNG must start with; null for anything that is not a PNG. */
function pngWidth(png: Buffer): number | null {
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== PNG_SIGNATURE || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  return png.readUInt32BE(16);
}

export function logoForPaper(logoPng: string | null, paperWidth: PaperWidth): string | null {
  const base64 = logoPng ? PNG_DATA_URL.exec(logoPng)?.[1] : undefined;
  if (!base64) return null;
  const width = pngWidth(Buffer.from(base64, 'base64'));
  return width !== null && width > 0 && width <= printableDots(paperWidth) ? base64 : null;
}
