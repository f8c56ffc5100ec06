/**
 * An uploaded file's bytes → its format and text. Spreadsheets (XLSX) are zip files; everything else
 * is read as delimited text, whose encoding is worked out here: a byte-order mark says it outright,
 * bytes that are valid UTF-8 are UTF-8, and anything else is what chardet recognises — in practice the
 * GBK (read as its superset GB18030) that Excel writes on a Chinese Windows.
 */
import chardet from 'chardet';
import { fail } from '../ledger/errors.ts';
import type { TextEncoding } from './types.ts';


/** The largest file accepted (the renderer checks first, so a person hears it before uploading). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The old binary Excel format (and other OLE files): not readable here, save as XLSX or CSV. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** chardet's names for the encodings it may answer, ours beside them. */
const CHARDET_NAMES: Record<string, TextEncoding> = {
  'GB18030': 'gb18030',
  'Big5': 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'Shift_JIS': 'shift_jis',
  'EUC-KR': 'euc-kr',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
};

export function decodeBase64(base64: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) fail('IMPORT_FILE_EMPTY');
  if (bytes.length > MAX_IMPORT_BYTES) fail('IMPORT_FILE_TOO_LARGE', { max: MAX_IMPORT_BYTES / 1024 / 1024 });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export function isSpreadsheet(bytes: Uint8Array): boolean {
  if (startsWith(bytes, OLE_MAGIC)) fail('IMPORT_FORMAT_UNSUPPORTED');
  return startsWith(bytes, ZIP_MAGIC);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a text file: a BOM, else valid UTF-8, else chardet's best guess among what we read, else GB18030. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  if (isValidUtf8(bytes)) return 'utf-8';
  // A short sample decides as well as the whole file and keeps chardet quick on a large one.
  const guesses = chardet.analyse(bytes.subarray(0, 256 * 1024));
  const best = guesses.find((g) => CHARDET_NAMES[g.name] !== undefined);
  const gb = guesses.find((g) => g.name === 'GB18030')?.confidence ?? 0;
  // This is a Chinese shop's till: GBK unless chardet is sure of something else. A few short rows
  // give it little to go on (it may rate Big5, EUC-KR and GB18030 all at 10), and a Chinese file can
  // look like Latin-1 to it.
  if (!best || best.confidence < 50 || gb >= best.confidence - 10) return 'gb18030';
  if (CHARDET_NAMES[best.name] === 'windows-1252' && best.confidence < 60) return 'gb18030';
  return CHARDET_NAMES[best.name]!;
}

/** The text of the file in `encoding`, without a byte-order mark. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
}
