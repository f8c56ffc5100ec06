/**
 * One cell's text → a value the ledger takes, or the reason it cannot be: money through the till's own
 * string arithmetic (parseMoneyInput, never a float), phones through the ledger's normalizer, dates in
 * the forms other systems and Excel write them. Pure functions, no database.
 */
import { parseMoneyInput } from '../api/money-format.ts';
import { tryNormalizePhone } from '../ledger/phone.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; why: 'invalid' | 'negative' };

const invalid = { ok: false, why: 'invalid' } as const;
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** Full-width digits and punctuation (from a Chinese IME) as ASCII, and no surrounding space. */
const plain = (text: string) => text.normalize('NFKC').trim();

/** An amount in minor units; empty is zero. A minus sign (or accounting brackets) is `negative`. */
export function parseAmount(text: string, currency: string): Parsed<number> {
  const t = plain(text).replace(/[\s,¥$€£]/g, '');
  if (t === '') return ok(0);
  const negative = /^[-−]/.test(t) || /^\(.*\)$/.test(t);
  const digits = negative ? t.replace(/^[-−]|^\(|\)$/g, '') : t;
  const parsed = parseMoneyInput(digits, currency);
  if (!parsed.ok) return invalid;
  if (negative && parsed.minor !== 0) return { ok: false, why: 'negative' };
  return ok(parsed.minor);
}

/** Most points one import may carry to one member (as the ledger's own adjustments allow). */
export const MAX_IMPORT_POINTS = 100_000_000;

/** Whole points; empty is zero ("1,200" and "1200.0" are fine, "12.5" is not). */
export function parsePoints(text: string): Parsed<number> {
  const t = plain(text).replace(/[\s,]/g, '');
  if (t === '') return ok(0);
  if (/^[-−]\d/.test(t)) return { ok: false, why: 'negative' };
  const match = /^(\d+)(?:\.0*)?$/.exec(t);
  if (!match) return invalid;
  const points = Number(match[1]);
  return points <= MAX_IMPORT_POINTS ? ok(points) : invalid;
}

/** A phone number in E.164, or undefined; also reads "8613812345678" and "008613812345678" exports. */
export function parsePhone(text: string): string | undefined {
  const t = plain(text);
  if (t === '') return undefined;
  const direct = tryNormalizePhone(t);
  if (direct) return direct;
  const digits = t.replace(/\D/g, '').replace(/^00/, '');
  return digits.length >= 11 ? tryNormalizePhone(`+${digits}`) : undefined;
}

export interface DateTimeValue {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm, when the cell had a time. */
  time: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function realDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function timeOf(h: string | undefined, min: string | undefined): string | null | undefined {
  if (h === undefined) return null;
  const hours = Number(h);
  const minutes = Number(min ?? '0');
  return hours <= 23 && minutes <= 59 ? `${pad(hours)}:${pad(minutes)}` : undefined;
}

/** Excel counts days from 1899-12-30; a plain number in a date column is one of those. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, each optionally with a time (14:05[:33]),
 * or an Excel day number. Not 3/5/2024: whether that is March or May depends on who wrote it.
 */
export function parseDateTime(text: string): DateTimeValue | undefined {
  const t = plain(text);
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?)?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const time = timeOf(m[4], m[5]);
    if (!realDate(y, mo, d) || time === undefined) return undefined;
    return { date: `${y}-${pad(mo)}-${pad(d)}`, time };
  }
  const serial = /^(\d{5})(\.\d+)?$/.exec(t);
  if (serial) {
    const at = new Date(EXCEL_EPOCH_MS + Math.round(Number(t) * 86_400) * 1000);
    const iso = at.toISOString();
    const time = iso.slice(11, 16);
    return { date: iso.slice(0, 10), time: time === '00:00' ? null : time };
  }
  return undefined;
}

/** A time of day on its own ("14:05", "14:05:33"), or the time part of a date and time. */
export function parseTime(text: string): string | null | undefined {
  const t = plain(text);
  if (t === '') return null;
  // On its own, or after a date (an Excel time cell reads 1899-12-30 14:05: only the time means anything).
  const m = /^(?:\S+[ T]+)?(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?$/.exec(t);
  return m ? timeOf(m[1], m[2]) : undefined;
}

export interface Birthday {
  month: number;
  day: number;
  year: number | null;
}

/** A full date, or month and day alone (05-12, 5月12日, 0512). 29 February without a year is fine. */
export function parseBirthday(text: string, thisYear: number): Birthday | undefined {
  const t = plain(text);
  const full = parseDateTime(t);
  if (full) {
    const [y, mo, d] = full.date.split('-').map(Number) as [number, number, number];
    return y <= thisYear ? { month: mo, day: d, year: y } : undefined;
  }
  const m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const [mo, d] = [Number(m[1]), Number(m[2])];
  return realDate(2000, mo, d) ? { month: mo, day: d, year: null } : undefined;
}

const YES = new Set(['是', '同意', '接收', '接受', '订阅', '允许', 'y', 'yes', 'true', '1', '√', '✓', '✔', 'on']);
const NO = new Set(['否', '不同意', '拒收', '不接收', '不接受', '退订', '拒绝', 'n', 'no', 'false', '0', '×', '✗', 'off', '']);

/** Yes or no as a person or a system writes it; empty is no (consent is only ever given, never assumed). */
export function parseYesNo(text: string): boolean | undefined {
  const t = plain(text).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** 男/女 and friends; anything else (未知, 保密, blank) is left unknown rather than refused. */
export function parseGender(text: string): 'female' | 'male' | 'other' | null {
  const t = plain(text).toLowerCase();
  if (['男', '男性', '先生', 'm', 'male', 'man'].includes(t)) return 'male';
  if (['女', '女性', '女士', 'f', 'female', 'woman'].includes(t)) return 'female';
  if (['其他', 'other'].includes(t)) return 'other';
  return null;
}

/** Text a person may have typed into the old system, without the control characters the ledger refuses. */
export function cleanText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[\r\n\t]+/g, ' ').trim();
}
