/**
 * "Is this URL our own page?" — asked before answering IPC and before allowing a navigation. Our page
 * is exactly one file (dist/renderer/index.html, loaded with loadFile), so the test compares file
 * paths rather than URL strings: the two sides may percent-encode differently (a Windows user name in
 * Chinese, a space in "Program Files"), and Windows paths are case-insensitive. The hash and query are
 * ignored, so hash routes inside the page still count as the page.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function isOwnPage(url: string, pageFile: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:') return false;
  parsed.hash = '';
  parsed.search = '';
  let file: string;
  try {
    // Throws for a remote host (file://server/… on POSIX) and for encoded separators (%2F): not ours.
    file = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const a = path.resolve(file);
  const b = path.resolve(pageFile);
  return process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
