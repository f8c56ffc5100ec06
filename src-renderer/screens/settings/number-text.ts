/**
 * What the owner types into the settings' number fields → integers, by string arithmetic only (no
 * float ever holds a rate). Tier discounts are typed the way each locale says them: "9" or "9.5" 折
 * (the share still paid) in Chinese, a percentage off in English; both become basis points off.
 * Pure functions with no DOM, so tests import them directly.
 */
import type { LOCALES } from '../../../src-main/ledger/settings-schema.ts';

/** The UI locales (the same union as i18n's Locale, from a module tests can load without a DOM). */
type Locale = (typeof LOCALES)[number];

/** Full-width digits and full stops, as a Chinese IME types them, become ASCII; spaces go. */
function normalize(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[\uFF05]/g, '%')
    .replace(/\s/g, '');
}

/** "12.5" with scale 2 → 1250; null when it is not a plain non-negative decimal with at most `scale` places. */
export function parseScaledDecimal(text: string, scale: number): number | null {
  const match = /^(\d{1,6})(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > scale) return null;
  return Number(match[1] || '0') * 10 ** scale + Number(fraction.padEnd(scale, '0') || '0');
}

/** 1250 with scale 2 → "12.5": the inverse of parseScaledDecimal, without trailing zeros. */
export function scaledToText(value: number, scale: number): string {
  const unit = 10 ** scale;
  const whole = Math.floor(value / unit);
  const fraction = String(value % unit).padStart(scale, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

export type Parsed = { ok: true; value: number } | { ok: false; reason: 'empty' | 'invalid' };

/** A whole number typed by a person (points, sort order), checked against its range. */
export function parseWholeNumber(text: string, min: number, max: number): Parsed {
  const s = normalize(text);
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^\d{1,9}$/.test(s)) return { ok: false, reason: 'invalid' };
  const value = Number(s);
  return value >= min && value <= max ? { ok: true, value } : { ok: false, reason: 'invalid' };
}

const FULL_BP = 10_000;

/**
 * A tier discount as typed → basis points off (1000 = 10% off = 9 折).
 * zh-CN: 折 above 0 up to 10 with up to three decimals (one thousandth of a 折 is one basis point
 * paid); a two-digit "95" or "88" is how shops write 9.5 折 and 8.8 折. "0 折" is refused: it would
 * give everything away, and someone typing 0 almost always means "no discount" (that is 10 折).
 * en: percent off, 0–100, two decimals.
 */
export function parseDiscountInput(text: string, locale: Locale): Parsed {
  const s = normalize(text).replace(locale === 'zh-CN' ? /折$/ : /%(off)?$/i, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (locale === 'zh-CN') {
    if (/^[1-9][1-9]$/.test(s)) return { ok: true, value: FULL_BP - Number(s) * 100 };
    const paidBp = parseScaledDecimal(s, 3);
    return paidBp !== null && paidBp > 0 && paidBp <= FULL_BP ? { ok: true, value: FULL_BP - paidBp } : { ok: false, reason: 'invalid' };
  }
  const offBp = parseScaledDecimal(s, 2);
  return offBp !== null && offBp <= FULL_BP ? { ok: true, value: offBp } : { ok: false, reason: 'invalid' };
}

/** Basis points off → the text the owner would type back (zh-CN 折, en percent off). */
export function discountToInput(bp: number, locale: Locale): string {
  return locale === 'zh-CN' ? scaledToText(FULL_BP - bp, 3) : scaledToText(bp, 2);
}

/**
 * A multiple typed with at most one decimal ("3", "2.5", "３．０") → tenths (30, 25), checked against
 * a range given in tenths.
 */
export function parseTenths(text: string, minTenths: number, maxTenths: number): Parsed {
  const s = normalize(text);
  if (s === '') return { ok: false, reason: 'empty' };
  const tenths = parseScaledDecimal(s, 1);
  return tenths !== null && tenths >= minTenths && tenths <= maxTenths ? { ok: true, value: tenths } : { ok: false, reason: 'invalid' };
}

/** Tenths → the text with its one decimal kept: 30 → "3.0", 25 → "2.5". */
export function tenthsToText(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** A time of day typed as "21:00", "9:00" or with a Chinese IME's "２１：００" → "HH:mm"; null when it is not one. */
export function parseTimeOfDay(text: string): string | null {
  const match = /^(\d{1,2})[:：](\d{2})$/.exec(normalize(text));
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}
