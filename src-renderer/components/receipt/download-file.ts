/**
 * Save a file the API made (a PDF bill or statement) the way a browser saves a download: the bytes as
 * a Blob behind an `<a download>`. Electron turns the same click into its save dialog.
 */
import type { FileDownload } from '../../../src-main/print/types.ts';

/** Long enough for the browser to have read the Blob after the click; only frees memory. */
const KEEP_URL_MS = 60_000;

export function downloadFile(file: FileDownload): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
}
