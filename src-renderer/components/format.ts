/**
 * Display formatting bound to the UI locale and the shop's currency. Money goes through formatMoney
 * (the one money formatter), dates through date-fns with the locale's own patterns.
 */
import { format, formatDistanceToNowStrict, isSameYear, isValid, parseISO } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-main/api/money-format.ts';
import { useAppInfo } from '../app/app-info.ts';
import { toLocale, type Locale } from '../i18n/index.ts';

const PATTERNS: Record<Locale, { dateTime: string; date: string; shortDate: string; dayMonth: string; dayMonthYear: string; month: string }> = {
  'zh-CN': {
    dateTime: 'yyyy-MM-dd HH:mm',
    date: 'yyyy年M月d日',
    shortDate: 'M月d日',
    dayMonth: 'M月d日',
    dayMonthYear: 'yyyy年M月d日',
    month: 'LLLL',
  },
  en: {
    dateTime: 'd MMM yyyy, HH:mm',
    date: 'd MMM yyyy',
    shortDate: 'd MMM',
    dayMonth: 'd MMMM',
    dayMonthYear: 'd MMMM yyyy',
    month: 'LLLL',
  },
};

const DATE_FNS_LOCALES = { 'zh-CN': zhCN, en: enUS } as const;

function toDate(iso: string): Date | null {
  const d = parseISO(iso);
  return isValid(d) ? d : null;
}

export interface Formatters {
  locale: Locale;
  currency: string;
  money: (minor: number) => string;
  /** With an explicit + for gains (ledger deltas). */
  signedMoney: (minor: number) => string;
  number: (n: number) => string;
  signedNumber: (n: number) => string;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  /** Without the year when it is this year. */
  shortDate: (iso: string) => string;
  relative: (iso: string) => string;
  birthday: (month: number, day: number, year: number | null) => string;
  monthName: (month: number) => string;
  /** A tier discount in basis points as the locale says it: 1000 → "9 折" / "10%". */
  discountRate: (bp: number) => string;
}

export function makeFormatters(locale: Locale, currency: string): Formatters {
  const p = PATTERNS[locale];
  const dfLocale = DATE_FNS_LOCALES[locale];
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const nfSigned = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const rate = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const fmt = (iso: string, pattern: string) => {
    const d = toDate(iso);
    return d ? format(d, pattern, { locale: dfLocale }) : iso;
  };
  return {
    locale,
    currency,
    money: (minor) => formatMoney(minor, currency, locale),
    signedMoney: (minor) => (minor > 0 ? `+${formatMoney(minor, currency, locale)}` : formatMoney(minor, currency, locale)),
    number: (n) => nf.format(n),
    signedNumber: (n) => nfSigned.format(n),
    dateTime: (iso) => fmt(iso, p.dateTime),
    date: (iso) => fmt(iso, p.date),
    shortDate: (iso) => {
      const d = toDate(iso);
      if (!d) return iso;
      return format(d, isSameYear(d, new Date()) ? p.shortDate : p.date, { locale: dfLocale });
    },
    relative: (iso) => {
      const d = toDate(iso);
      return d ? formatDistanceToNowStrict(d, { addSuffix: true, locale: dfLocale }) : '';
    },
    birthday: (month, day, year) => {
      const d = new Date(year ?? 2000, month - 1, day);
      return format(d, year ? p.dayMonthYear : p.dayMonth, { locale: dfLocale });
    },
    monthName: (month) => format(new Date(2000, month - 1, 1), p.month, { locale: dfLocale }),
    discountRate: (bp) => (locale === 'zh-CN' ? rate.format((10_000 - bp) / 1000) : pct.format(bp / 10_000)),
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const { settings } = useAppInfo();
  const locale = toLocale(i18n.language);
  return useMemo(() => makeFormatters(locale, settings.currency), [locale, settings.currency]);
}

/** Phone numbers: one rule for screens and receipts (src-main/api/phone-format.ts). */
export { formatPhone } from '../../src-main/api/phone-format.ts';
