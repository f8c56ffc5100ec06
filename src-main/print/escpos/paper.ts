/**
 * Roll widths the settings offer and what they mean to a thermal printer: the usual 58 mm head prints
 * 384 dots, the 80 mm head 576; with receiptline's 12-dot half-width character that is 32 or 48 columns.
 */
export type PaperWidth = 58 | 80;

export const CHAR_DOTS = 12;

export function charsPerLine(paperWidth: PaperWidth): number {
  return paperWidth === 58 ? 32 : 48;
}

export function printableDots(paperWidth: PaperWidth): number {
  return charsPerLine(paperWidth) * CHAR_DOTS;
}

/** The setting ('58' | '80', a string in the settings JSON) as the printer's width. */
export function paperWidthOf(setting: '58' | '80'): PaperWidth {
  return setting === '58' ? 58 : 80;
}
