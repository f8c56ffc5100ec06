/**
 * Money shown to people: integer minor units formatted per locale and currency. The only place that
 * turns minor units into a display string; used by error messages here and by the renderer.
 */
import { MAX_MINOR } from '../ledger/money.ts';

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

export type MoneyParse = { ok: true; minor: number } | { ok: false; reason: 'empty' | 'invalid' | 'tooManyDecimals' | 'tooLarge' };


/**
 * What a cashier typed as an amount ("12.5", "¥1,280", "１２．５０" from a Chinese IME) → integer minor
 * units, by string arithmetic: no float ever holds the amount, so "0.29" is 29, not 28.999….
 */
export function parseMoneyInput(text: string, currency: string): MoneyParse {
  const normalized = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[\s,\uFF0C¥￥$€£]/g, '');
  if (normalized === '') return { ok: false, reason: 'empty' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normalized) ?? /^()\.(\d+)$/.exec(normalized);
  if (!match) return { ok: false, reason: 'invalid' };
  const digits = minorDigits(currency);
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, reason: 'tooManyDecimals' };
  if (whole.length > 12) return { ok: false, reason: 'tooLarge' };
  const minor = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (minor > MAX_MINOR) return { ok: false, reason: 'tooLarge' };
  return { ok: true, minor };
}

/** Minor units as a person would type them back into a field ("12.50", no symbol or grouping). */
export function minorToInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}
