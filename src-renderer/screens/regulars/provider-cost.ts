/**
 * What a provider charged, stored as integer millionths of its currency (Twilio bills fractions of a
 * cent). Shown exactly: the micros become a decimal string by string arithmetic and Intl formats the
 * string itself, so no float ever holds the amount.
 */
const MICRO_DIGITS = 6;

export function microsToDecimal(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const digits = String(Math.abs(micros)).padStart(MICRO_DIGITS + 1, '0');
  const whole = digits.slice(0, -MICRO_DIGITS);
  const fraction = digits.slice(-MICRO_DIGITS).replace(/0+$/, '');
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

export function formatProviderCost(micros: number, currency: string, locale: string): string {
  try {
    const nf = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: MICRO_DIGITS });
    // A decimal string is formatted exactly (Intl.NumberFormat v3); the cast is for older lib typings.
    return nf.format(microsToDecimal(micros) as unknown as number);
  } catch {
    return `${microsToDecimal(micros)} ${currency}`;
  }
}
