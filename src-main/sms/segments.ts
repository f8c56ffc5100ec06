/**
 * How many SMS a text costs. A GSM-7 message fits 160 characters (153 per part when split); anything
 * outside GSM-7, Chinese included, is sent as UCS-2: 70 characters, 67 per part. Chinese carriers count
 * the 【signature】 too, so callers pass the full text as the phone shows it. Plain code, no Node
 * imports: the template editor in the renderer shows the same count live.
 */
import { SegmentedMessage } from 'sms-segments-calculator';
import type { SegmentInfo } from './types.ts';

export function segmentsOf(fullText: string): SegmentInfo {
  const message = new SegmentedMessage(fullText, 'auto');
  return {
    characters: message.numberOfCharacters,
    segments: fullText.length === 0 ? 0 : message.segmentsCount,
    encoding: message.encodingName === 'GSM-7' ? 'GSM-7' : 'UCS-2',
  };
}
