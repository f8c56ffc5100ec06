/**
 * Phone numbers shown to people: the one rule for the screens (components/format.ts) and for receipts,
 * PDFs and statements, so a member's number reads the same on paper as on the till. Plain code.
 */

/** "+8613812345678" → "138 1234 5678", masked "138 **** 5678"; other countries keep E.164, masked to the last 4. */
export function formatPhone(e164: string, options: { mask?: boolean } = {}): string {
  const cn = /^\+86(1\d{10})$/.exec(e164);
  if (cn) {
    const n = cn[1]!;
    return `${n.slice(0, 3)} ${options.mask ? '****' : n.slice(3, 7)} ${n.slice(7)}`;
  }
  if (!options.mask) return e164;
  const digits = e164.replace(/\D/g, '');
  if (digits.length <= 6) return e164;
  const head = e164.startsWith('+') ? `+${digits.slice(0, 2)}` : digits.slice(0, 2);
  return `${head} ${'*'.repeat(Math.max(2, digits.length - 6))} ${digits.slice(-4)}`;
}

/** "138****5678": masked without spaces, as a receipt's narrow column and an SMS line want it. */
export function maskedPhone(e164: string): string {
  return formatPhone(e164, { mask: true }).replace(/\s+/g, '');
}
