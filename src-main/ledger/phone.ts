import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { fail } from './errors.ts';

/** Phone numbers are stored in E.164 (+8613812345678); numbers typed without a country code are Chinese by default. */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'CN'): string {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) fail('PHONE_INVALID', { phone: input.slice(0, 32) });
  return parsed.number;
}

/** Like normalizePhone, but answers undefined instead of refusing (for search, where digits may be partial). */
export function tryNormalizePhone(input: string, defaultCountry: CountryCode = 'CN'): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : undefined;
}

export function lastFourDigits(e164: string): string {
  return e164.replace(/\D/g, '').slice(-4);
}
