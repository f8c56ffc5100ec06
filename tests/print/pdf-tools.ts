/**
 * Reading a PDF back as a person would: poppler's command-line tools (pdftotext, pdfinfo, pdffonts,
 * pdftoppm) on a file written to a temporary folder. Nothing here knows about receipts.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class PdfFolder {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-pdf-'));
  private count = 0;

  write(bytes: Buffer, name = `doc-${++this.count}`): string {
    const file = path.join(this.dir, `${name}.pdf`);
    fs.writeFileSync(file, bytes);
    return file;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The text in reading layout, of one page (1-based) or of all. */
export async function pdfText(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-']);
  return stdout;
}

/** pdfinfo's "Key: value" lines as a record. */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file]);
  const info: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!] = match[2]!;
  }
  return info;
}

export async function pdfPageCount(file: string): Promise<number> {
  return Number((await pdfInfo(file))['Pages']);
}

export interface PdfFontRow {
  name: string;
  embedded: boolean;
  subset: boolean;
}

/** pdffonts' table, one row per font resource. */
export async function pdfFonts(file: string): Promise<PdfFontRow[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object, ID: read from the right.
      const parts = line.trim().split(/\s+/);
      const [emb, sub] = parts.slice(-5, -3);
      return { name: parts[0]!, embedded: emb === 'yes', subset: sub === 'yes' };
    });
}

/** How many images the PDF draws: pdfimages -list rows of type "image" (an alpha channel is an extra "smask" row). */
export async function pdfImageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfimages', ['-list', file]);
  return stdout.split('\n').slice(2).filter((line) => line.trim().split(/\s+/)[2] === 'image').length;
}

/** Renders one page to PNG and returns the file's path. */
export async function pdfPagePng(file: string, page: number, dpi: number): Promise<string> {
  const prefix = file.replace(/\.pdf$/, `-p${page}`);
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

/** Width and height of a PNG, from its header. */
export function pngDimensions(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** pdftotext drops or keeps the narrow spaces of this font depending on the gaps: compare without them. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
