/**
 * PIN hashing: scrypt (a slow, memory-hard key derivation) with a random salt per PIN, the parameters
 * stored with the hash so a later version can raise them (a PIN hashed with older parameters still
 * verifies, and is re-hashed with the current ones at the next change). Comparison in constant time.
 * A PIN is never logged, never returned by the API and never written to the audit log.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** 4 to 6 digits: typed on the till's keyboard or numeric pad. */
export const PIN_PATTERN = /^[0-9]{4,6}$/;

export interface ScryptParams {
  /** CPU/memory cost (a power of two). */
  N: number;
  r: number;
  p: number;
}

/** About 50–100 ms and 32 MiB per check on a shop's PC: slow for a guesser, unnoticed at the till. */
export const PIN_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that at N=2^15, so leave room. */
const maxmemFor = ({ N, r }: ScryptParams) => 256 * N * r;

function derive(pin: string, salt: Buffer, params: ScryptParams): Buffer {
  return scryptSync(pin.normalize('NFKC'), salt, KEY_BYTES, { ...params, maxmem: maxmemFor(params) });
}

/** "scrypt$N$r$p$salt$hash" with salt and hash in base64. */
export function hashPin(pin: string, params: ScryptParams = PIN_SCRYPT): string {
  const salt = randomBytes(SALT_BYTES);
  const key = derive(pin, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface StoredHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // A stored hash is data: refuse parameters that would hang or exhaust the till rather than trust them.
  if (![N, r, p].every(Number.isSafeInteger) || N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length === 0 || key.length === 0) return null;
  return { params: { N, r, p }, salt, key };
}

/** Whether `pin` is the one `stored` was made from. A malformed hash matches nothing. */
export function pinMatches(pin: string, stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = derive(pin, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** The parameters a stored hash was made with (to tell whether it should be renewed). */
export function hashParams(stored: string): ScryptParams | null {
  return parseHash(stored)?.params ?? null;
}
