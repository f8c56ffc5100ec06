/**
 * How many SMS a text costs. A GSM-7 message fits 160 characters (153 per part when split); anything
 * outside GSM-7, Chinese included, is sent as UCS-2: 70 characters, 67 per part. Chinese carriers count
 * the 【signature】 too, so callers pass the full text as the phone shows it. Plain code, no Node
 * imports: the template editor in the renderer shows the same count live.
 *
 * sms-segments-calculator is the reference, but it splits every text into grapheme clusters (about 2 ms
 * for a Chinese e-bill, inside every checkout's transaction). Two plain kinds of text are counted
 * directly instead, with the same answer (tests/sms/segments.test.ts compares both on random texts):
 * Chinese text without emoji or combining marks (UCS-2, one unit per character) and plain ASCII
 * letters, digits and punctuation from GSM-7's basic table (one septet per character).
 */
import { SegmentedMessage } from 'sms-segments-calculator';
import type { SegmentInfo } from './types.ts';

/** Contains a character no GSM-7 table has (CJK and full-width forms), so the text is UCS-2. */
const SURELY_UCS2 = /[\u3000-\u9fff\uff00-\uffef]/;
/** Anything that may join into a larger grapheme or take two UTF-16 units: left to the library. */
const NOT_PLAIN_UCS2 = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u20d0-\u20ff\ud800-\udfff\ufe00-\ufe0f\ufe20-\ufe2f]/;
/** Characters of GSM-7's basic table that are one septet each (no escape characters such as [ ] { } ~ ^ \ | €). */
const PLAIN_GSM7 = /^[A-Za-z0-9 \n\r.,:;!?'"()\-+*/=%&#@_$<>]*$/;

function counted(characters: number, encoding: SegmentInfo['encoding']): SegmentInfo {
  const [single, part] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  return { characters, segments: characters === 0 ? 0 : characters <= single ? 1 : Math.ceil(characters / part), encoding };
}

export function segmentsOf(fullText: string): SegmentInfo {
  if (SURELY_UCS2.test(fullText) && !NOT_PLAIN_UCS2.test(fullText)) return counted(fullText.length, 'UCS-2');
  if (PLAIN_GSM7.test(fullText) && !fullText.includes('\r')) return counted(fullText.length, 'GSM-7');
  return librarySegmentsOf(fullText);
}

/** The reference count (sms-segments-calculator), for every other text. */
export function librarySegmentsOf(fullText: string): SegmentInfo {
  const message = new SegmentedMessage(fullText, 'auto');
  return {
    characters: message.numberOfCharacters,
    segments: fullText.length === 0 ? 0 : message.segmentsCount,
    encoding: message.encodingName === 'GSM-7' ? 'GSM-7' : 'UCS-2',
  };
}
