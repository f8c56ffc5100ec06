/**
 * A logo file the owner picked, as the PNG data URL `print.setLogo` takes, or why it cannot be one.
 * The file's bytes decide whether it is a PNG (a file name or a browser's guessed type can lie), and
 * the size limit is the API's own (receipts/logo-rules.ts), so the screen refuses what the API would.
 */
import { LOGO_PATTERN, MAX_LOGO_BYTES } from '../../../src-main/receipts/logo-rules.ts';

export type LogoRead = { ok: true; dataUrl: string } | { ok: false; reason: 'notPng' | 'unreadable' } | { ok: false; reason: 'tooLarge'; sizeKb: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export const isPng = (bytes: Uint8Array): boolean => PNG_SIGNATURE.every((b, i) => bytes[i] === b);

/** Kilobytes as the limit is stated (200 KB = 200,000 bytes), rounded up so "201" is never shown as "200". */
export const kilobytes = (bytes: number): number => Math.ceil(bytes / 1000);

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes its bytes as arguments: keep well under the engine's limit.
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export async function readLogoFile(file: Blob): Promise<LogoRead> {
  if (file.size > MAX_LOGO_BYTES) return { ok: false, reason: 'tooLarge', sizeKb: kilobytes(file.size) };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!isPng(bytes)) return { ok: false, reason: 'notPng' };
  const dataUrl = `data:image/png;base64,${base64Of(bytes)}`;
  return LOGO_PATTERN.test(dataUrl) ? { ok: true, dataUrl } : { ok: false, reason: 'unreadable' };
}
