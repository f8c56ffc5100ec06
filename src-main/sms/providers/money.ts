/**
 * Provider prices arrive as decimal strings ("-0.00750"); the outbox stores integer millionths of the
 * currency unit. String arithmetic only: no float ever holds the amount.
 */

const MICRO_DIGITS = 6;

/** "-0.00750" → -7500; more than six decimals round half away from zero; null when it is not a decimal. */
export function decimalToMicros(text: string): number | null {
  const match = /^([+-])?(\d+)(?:\.(\d*))?$/.exec(text.trim()) ?? /^([+-])?()\.(\d+)$/.exec(text.trim());
  if (!match) return null;
  const negative = match[1] === '-';
  const whole = match[2] === '' ? '0' : match[2]!;
  const fraction = match[3] ?? '';
  const kept = fraction.slice(0, MICRO_DIGITS).padEnd(MICRO_DIGITS, '0');
  const roundUp = fraction.length > MICRO_DIGITS && fraction.charCodeAt(MICRO_DIGITS) >= '5'.charCodeAt(0);
  const magnitude = Number(whole) * 10 ** MICRO_DIGITS + Number(kept) + (roundUp ? 1 : 0);
  if (!Number.isSafeInteger(magnitude)) return null;
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}
