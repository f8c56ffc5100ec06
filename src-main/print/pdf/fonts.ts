/**
 * The one typeface of every PDF: Source Han Sans SC Regular (OFL), shipped in assets/fonts because no
 * system font can be counted on to cover Chinese. pdfkit embeds only the glyphs a document uses, so a
 * bill stays a few dozen kilobytes although the font file is 17 MB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { assetsDir } from '../../platform/project-paths.ts';

export const PDF_FONT_FILE_NAME = 'SourceHanSansSC-Regular.otf';

export function pdfFontFile(): string {
  return path.join(assetsDir(), 'fonts', PDF_FONT_FILE_NAME);
}

/**
 * The font as pdfkit's `font` option, so a new document starts in it: pdfkit's default Helvetica is
 * then never loaded (its metrics are files that do not survive bundling, and it has no Chinese).
 * Fails with a message naming the path, which is what goes wrong when packaging forgot assets/fonts.
 */
export function pdfFontSource(): string {
  const file = pdfFontFile();
  if (!fs.existsSync(file)) throw new Error(`PDF font missing: ${file}`);
  return file;
}
