/**
 * Provider secrets sealed by the operating system's keychain (Keychain, DPAPI, libsecret/kwallet)
 * through Electron's safeStorage. On Linux without a keyring safeStorage falls back to a hard-coded
 * key ("basic_text"), which protects nothing: then the runtime's key-file box is used instead.
 */
import type { SafeStorage } from 'electron';
import type { SecretBox } from '../sms/secrets.ts';

export function safeStorageBox(safeStorage: SafeStorage): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    scheme: 'safeStorage',
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (ciphertext) => safeStorage.decryptString(Buffer.from(ciphertext, 'base64')),
  };
}
