/**
 * What never goes into the audit log: PINs, provider secrets and tokens (by the name of the field,
 * at any depth), and bulky binaries (a receipt logo) that say nothing to a reader.
 */
const SECRET_KEY = /secret|password|token|apikey|privatekey|accesskey|signingkey|credential/i;
/** pin, newPin, pinHash — not "pinyin" or "shipping". */
const PIN_KEY = /(^pin|Pin)(?![a-z])/;
const MAX_STRING = 500;

export const REDACTED = '[hidden]';

/** A JSON-safe copy of `value` without secrets; long strings are cut short. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (depth > 8) return null;
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => redact(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      // A secret's presence may matter ("secret set", `hasPin: true`), never its value.
      const secret = (SECRET_KEY.test(key) || PIN_KEY.test(key)) && v !== null && v !== '' && typeof v !== 'boolean';
      out[key] = secret ? REDACTED : redact(v, depth + 1);
    }
    return out;
  }
  return null;
}
