/**
 * Money shown to people: integer minor units formatted per locale and currency. The only place that
 * turns minor units into a display string; used by error messages here and by the renderer.
 */
const MINOR_DIGITS: Record<string, number> = { JPY: 0 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

const cache = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let nf = cache.get(key);
  if (!nf) {
    const digits = minorDigits(currency);
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, nf);
  }
  // Division by a power of ten of an integer below 2^53 is exact enough for two decimals of display.
  return nf.format(minor / 10 ** minorDigits(currency));
}
