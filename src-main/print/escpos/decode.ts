/**
 * Reads an ESC/POS byte stream back the way a printer would — for the demo shop's stand-in printer,
 * which shows receipts in the terminal, and for tests: text in its print columns
 * (GB18030 in Chinese mode), the QR codes' data, and counts of cuts, drawer kicks, images and status
 * queries. It knows the argument length of every command receiptline's ESC/POS set and our overrides
 * emit (receiptline.js `_escpos`/`_thermal`/`_generic`, print/escpos/command-set.ts), so parameters are
 * never read as text — and it throws on a command it does not know rather than guess.
 */

export interface DecodedEscpos {
  /** Each printed line, text placed at its column (12 dots each), trailing spaces removed. */
  textLines: string[];
  /** Per line: the rightmost column any text reaches, counting double width and scaled text. */
  lineColumns: number[];
  qr: string[];
  cuts: number;
  drawerKicks: number;
  /** Byte offsets where each drawer kick starts. */
  drawerKickOffsets: number[];
  images: number;
  statusQueries: number;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;
const CR = 0x0d;
const CHAR_DOTS = 12;

/** ESC x → number of parameter bytes. */
const ESC_ARGS: Record<string, number> = { '@': 0, a: 1, M: 1, ' ': 1, '2': 0, '3': 1, '{': 1, t: 1, R: 1, '-': 1, E: 1, G: 1, '!': 1, J: 1, d: 1, $: 2, '\\': 2, p: 3 };
/** GS x → number of parameter bytes, for the fixed-length ones. */
const GS_ARGS: Record<string, number> = { a: 1, r: 1, L: 2, W: 2, '!': 1, B: 1, w: 1, h: 1, H: 1 };
/** FS x → number of parameter bytes, for the fixed-length ones. */
const FS_ARGS: Record<string, number> = { '&': 0, '.': 0, C: 1, S: 2, '-': 1 };

/** Box-drawing bytes of code page 1 that receiptline uses for rules. */
function singleByteChar(byte: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  if (byte === 0x95) return '-';
  if (byte === 0x96) return '|';
  return byte >= 0x90 && byte <= 0x9f ? '+' : '?';
}

export function decodeEscpos(input: Uint8Array): DecodedEscpos {
  const bytes = input;
  const result: DecodedEscpos = { textLines: [], lineColumns: [], qr: [], cuts: 0, drawerKicks: 0, drawerKickOffsets: [], images: 0, statusQueries: 0 };
  const gb18030 = new TextDecoder('gb18030', { fatal: true });
  let i = 0;
  let chinese = false;
  let leftMargin = 0;
  let x = 0;
  let scale = 1;
  let run: number[] = [];
  let segments: Array<{ column: number; text: string; width: number }> = [];

  const take = (count: number): Uint8Array => {
    if (i + count > bytes.length) throw new Error(`ESC/POS stream ends inside a command at byte ${i}`);
    const slice = bytes.subarray(i, i + count);
    i += count;
    return slice;
  };
  const word = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);

  const flushText = (): void => {
    if (run.length === 0) return;
    const text = chinese ? gb18030.decode(Uint8Array.from(run)) : run.map(singleByteChar).join('');
    const columns = [...text].reduce((sum, c) => sum + (c.codePointAt(0)! < 0x80 || !chinese ? 1 : 2), 0) * scale;
    segments.push({ column: Math.round((leftMargin + x) / CHAR_DOTS), text, width: columns });
    x += columns * CHAR_DOTS;
    run = [];
  };

  const newLine = (): void => {
    flushText();
    segments.sort((a, b) => a.column - b.column);
    let line = '';
    let at = 0;
    let rightmost = 0;
    for (const segment of segments) {
      if (segment.column > at) line += ' '.repeat(segment.column - at);
      line += segment.text;
      at = Math.max(at, segment.column) + segment.width;
      rightmost = Math.max(rightmost, segment.column + segment.width);
    }
    result.textLines.push(line.trimEnd());
    result.lineColumns.push(rightmost);
    segments = [];
    x = 0;
  };

  while (i < bytes.length) {
    const start = i;
    const byte = bytes[i++]!;
    if (byte >= 0x20 && byte !== 0x7f) {
      run.push(byte);
      continue;
    }
    flushText();
    if (byte === LF) newLine();
    else if (byte === CR) continue;
    else if (byte === DLE) {
      const [eot] = take(2);
      if (eot !== 0x04) throw new Error(`unknown DLE command 0x${eot!.toString(16)} at byte ${start}`);
      result.statusQueries++;
    } else if (byte === ESC) {
      const name = String.fromCharCode(take(1)[0]!);
      const count = ESC_ARGS[name];
      if (count === undefined) throw new Error(`unknown command ESC ${JSON.stringify(name)} at byte ${start}`);
      const args = take(count);
      if (name === '@') {
        chinese = false;
        scale = 1;
        leftMargin = 0;
      } else if (name === '$') x = word(args, 0);
      else if (name === '\\') x += (word(args, 0) << 16) >> 16;
      else if (name === 'p') {
        result.drawerKicks++;
        result.drawerKickOffsets.push(start);
      }
    } else if (byte === FS) {
      const name = String.fromCharCode(take(1)[0]!);
      if (name === '(') {
        take(1);
        const length = word(take(2), 0);
        take(length);
        continue;
      }
      const count = FS_ARGS[name];
      if (count === undefined) throw new Error(`unknown command FS ${JSON.stringify(name)} at byte ${start}`);
      take(count);
      if (name === '&') chinese = true;
      if (name === '.') chinese = false;
    } else if (byte === GS) {
      const name = String.fromCharCode(take(1)[0]!);
      if (name === '(') {
        const fn = String.fromCharCode(take(1)[0]!);
        const body = take(word(take(2), 0));
        // GS ( k: cn 49, fn 80 (store), m 48, then the QR data.
        if (fn === 'k' && body[0] === 0x31 && body[1] === 0x50 && body[2] === 0x30) result.qr.push(new TextDecoder().decode(body.subarray(3)));
        // GS ( L fn 50: print the graphics stored by GS 8 L.
        if (fn === 'L' && body[1] === 0x32) result.images++;
      } else if (name === '8') {
        if (String.fromCharCode(take(1)[0]!) !== 'L') throw new Error(`unknown command GS 8 at byte ${start}`);
        const p = take(4);
        take(p[0]! | (p[1]! << 8) | (p[2]! << 16) | (p[3]! << 24));
      } else if (name === 'v') {
        if (take(1)[0] !== 0x30) throw new Error(`unknown command GS v at byte ${start}`);
        const header = take(5);
        take(word(header, 1) * word(header, 3));
        result.images++;
      } else if (name === 'V') {
        const [m] = take(1);
        if ([65, 66, 97, 98, 103, 104].includes(m!)) take(1);
        result.cuts++;
      } else if (name === 'k') {
        const [m] = take(1);
        if (m! <= 6) {
          while (take(1)[0] !== 0);
        } else take(take(1)[0]!);
      } else {
        const count = GS_ARGS[name];
        if (count === undefined) throw new Error(`unknown command GS ${JSON.stringify(name)} at byte ${start}`);
        const args = take(count);
        if (name === 'L') leftMargin = word(args, 0);
        if (name === '!') scale = ((args[0]! >> 4) & 0x07) + 1;
      }
    } else {
      throw new Error(`unexpected control byte 0x${byte.toString(16)} at byte ${start}`);
    }
  }
  if (run.length > 0 || segments.length > 0) newLine();
  return result;
}

/** Columns a string takes on the printer: CJK and other non-ASCII count two. */
export function printColumns(text: string): number {
  return [...text].reduce((sum, c) => sum + (c.codePointAt(0)! < 0x80 ? 1 : 2), 0);
}
