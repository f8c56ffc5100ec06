/**
 * Provider credentials at rest. The API accepts a secret and never returns it; the data file holds
 * only ciphertext. In Electron the shell passes a box backed by `safeStorage` (the OS keychain / DPAPI
 * / libsecret). Elsewhere (`npm run serve`, tests) the key is a random 256-bit file beside the data
 * file, readable only by this user: a copied or backed-up data file alone does not reveal the secret.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { secrets } from '../ledger/schema.ts';
import { isoTime } from '../ledger/time.ts';

export interface SecretBox {
  /** Stored with each secret, so a value written under another scheme is recognised as unreadable. */
  scheme: string;
  encrypt(plain: string): string;
  decrypt(ciphertext: string): string;
}

/** AES-256-GCM with a key file (created on first use, mode 0600). */
export function keyFileSecretBox(keyFile: string): SecretBox {
  const key = (() => {
    if (fs.existsSync(keyFile)) return fs.readFileSync(keyFile);
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    const fresh = randomBytes(32);
    fs.writeFileSync(keyFile, fresh, { mode: 0o600, flag: 'wx' });
    return fresh;
  })();
  if (key.length !== 32) throw new Error(`secret key file ${keyFile} is not a 256-bit key`);
  return {
    scheme: 'aes-256-gcm-keyfile',
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
    },
    decrypt(ciphertext) {
      const [iv, tag, body] = ciphertext.split('.').map((part) => Buffer.from(part, 'base64')) as [Buffer, Buffer, Buffer];
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}

export function putSecret(ledger: Ledger, box: SecretBox, name: string, value: string): void {
  const row = { ciphertext: box.encrypt(value), scheme: box.scheme, updatedAt: isoTime(ledger.clock()) };
  ledger.db.insert(secrets).values({ name, ...row }).onConflictDoUpdate({ target: secrets.name, set: row }).run();
}

/** The secret, null when none is stored, or SECRET_UNREADABLE when it was written under another key. */
export function getSecret(ledger: Ledger, box: SecretBox, name: string): string | null {
  const row = ledger.db.select().from(secrets).where(eq(secrets.name, name)).get();
  if (!row) return null;
  if (row.scheme !== box.scheme) fail('SECRET_UNREADABLE', { name });
  try {
    return box.decrypt(row.ciphertext);
  } catch {
    return fail('SECRET_UNREADABLE', { name });
  }
}

export function storedSecretNames(ledger: Ledger): string[] {
  return ledger.db
    .select({ name: secrets.name })
    .from(secrets)
    .all()
    .map((r) => r.name);
}
