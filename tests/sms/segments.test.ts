/**
 * The SMS count's fast paths (plain Chinese, plain ASCII) must give the library's answer for every text,
 * including the texts that only just fit one message and the ones the fast paths must leave alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { librarySegmentsOf, segmentsOf } from '../../src-main/sms/segments.ts';

const pieces = ['店', '【', '】', '：', '，', '¥', 'a', 'Z', '7', ' ', '\n', '.', '!', '-', '@', '_', '$', '€', '[', '~', '^', '😀', '👍🏽', 'é', 'e\u0301', '\u200d', '\r\n', '。', '元', '积'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 400 }).map((parts) => parts.join(''));
const chinese = fc.array(fc.constantFrom('店', '积', '分', '元', '，', '：', '1', '8', '.', ' ', '【', '】'), { minLength: 60, maxLength: 220 }).map((p) => p.join(''));
const ascii = fc.array(fc.constantFrom('a', 'B', '3', ' ', '.', ',', ':', '!', '?', '\n', '-', '@'), { minLength: 140, maxLength: 480 }).map((p) => p.join(''));

describe('segmentsOf', () => {
  it('agrees with sms-segments-calculator on any text', () => {
    fc.assert(fc.property(text, (t) => {
      expect(segmentsOf(t)).toEqual(librarySegmentsOf(t));
    }), { numRuns: 600 });
  });

  it('agrees on Chinese and ASCII texts around the one- and two-message limits', () => {
    fc.assert(fc.property(chinese, (t) => {
      expect(segmentsOf(t)).toEqual(librarySegmentsOf(t));
    }), { numRuns: 300 });
    fc.assert(fc.property(ascii, (t) => {
      expect(segmentsOf(t)).toEqual(librarySegmentsOf(t));
    }), { numRuns: 300 });
  });

  it('counts a default Chinese e-bill as one UCS-2 message and 71 characters as two', () => {
    const ebill = '【常客咖啡】账单20261123-0007 消费¥38.00 余额¥462.00 积分+38共1208 11-23 12:05';
    expect(segmentsOf(ebill)).toEqual({ characters: ebill.length, segments: 1, encoding: 'UCS-2' });
    expect(segmentsOf('店'.repeat(70)).segments).toBe(1);
    expect(segmentsOf('店'.repeat(71)).segments).toBe(2);
    expect(segmentsOf('a'.repeat(161))).toEqual({ characters: 161, segments: 2, encoding: 'GSM-7' });
  });
});
