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
  let dataUrl = `data:image/png;base64,${base64Of(bytes)}`;
  try {
    dataUrl = await fitToPaper(file, dataUrl);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  return LOGO_PATTERN.test(dataUrl) ? { ok: true, dataUrl } : { ok: false, reason: 'unreadable' };
}

/**
 * A thermal printer cannot scale: a logo wider than the narrowest roll's 384 dots would be left off the
 * receipt. A wider picture is scaled down here, once, so the logo prints on 58 and 80 mm paper alike.
 */
export const LOGO_MAX_DOTS = 384;

async function fitToPaper(file: Blob, dataUrl: string): Promise<string> {
  const image = await createImageBitmap(file);
  try {
    if (image.width <= LOGO_MAX_DOTS) return dataUrl;
    const canvas = document.createElement('canvas');
    canvas.width = LOGO_MAX_DOTS;
    canvas.height = Math.max(1, Math.round((image.height * LOGO_MAX_DOTS) / image.width));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    // Thermal paper is white: a transparent background must not print as black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  } finally {
    image.close();
  }
}
