/**
 * Shares and rates as the UI locale writes them. Display only: a share in basis points (10000 = 100%)
 * or a probability becomes a percentage with one decimal; money never passes through here.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toLocale } from '../i18n/index.ts';

export interface Figures {
  /** 8123 → "81.2%". */
  shareBp: (bp: number) => string;
  /** 0.734 → "73%" (a model's estimate: no false precision); below half a percent "<1%", not a flat "0%". */
  probability: (p: number) => string;
  /** 1.234 → "1.2". */
  oneDecimal: (n: number) => string;
  /** A number of days that may be fractional (an average): 1.857 → "1.9", 7 → "7", 12.6 → "13". */
  days: (n: number) => string;
}

export function useFigures(): Figures {
  const { i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  return useMemo(() => {
    const share = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const probability = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const shortDays = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const wholeDays = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    return {
      shareBp: (bp) => share.format(bp / 10_000),
      probability: (p) => (p > 0 && p < 0.005 ? `<${probability.format(0.01)}` : probability.format(p)),
      oneDecimal: (n) => decimal.format(n),
      days: (n) => (n < 10 ? shortDays.format(n) : wholeDays.format(n)),
    };
  }, [locale]);
}
