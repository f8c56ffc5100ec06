/** DLE EOT replies → what the transport does: refuse (paper out, cover open, offline), warn (near end) or print. */
import { describe, expect, it } from 'vitest';
import { isStatusReply, printerStatusOf, reportsOffline, statusQueryBytes } from '../../src-main/print/escpos/status.ts';

const FINE = 0x12;

describe('ESC/POS real-time status', () => {
  it('asks with DLE EOT n', () => {
    expect([...statusQueryBytes(1)]).toEqual([0x10, 0x04, 0x01]);
    expect([...statusQueryBytes(4)]).toEqual([0x10, 0x04, 0x04]);
  });

  it('reads each reply bit', () => {
    expect(printerStatusOf({ printer: FINE, offlineCause: null, paper: FINE })).toBe('ok');
    expect(printerStatusOf({ printer: FINE | 0x08, offlineCause: FINE, paper: FINE })).toBe('offline');
    expect(printerStatusOf({ printer: FINE | 0x08, offlineCause: FINE | 0x04, paper: FINE })).toBe('cover_open');
    expect(printerStatusOf({ printer: FINE | 0x08, offlineCause: FINE | 0x20, paper: null })).toBe('paper_out');
    expect(printerStatusOf({ printer: FINE, offlineCause: null, paper: FINE | 0x60 })).toBe('paper_out');
    expect(printerStatusOf({ printer: FINE, offlineCause: null, paper: FINE | 0x0c })).toBe('paper_near_end');
    expect(printerStatusOf({ printer: FINE, offlineCause: null, paper: null })).toBe('ok');
  });

  it('puts the most serious condition first', () => {
    // Out of paper, cover open and offline at once: the cover is what the cashier must deal with first.
    expect(printerStatusOf({ printer: FINE | 0x08, offlineCause: FINE | 0x04 | 0x20, paper: FINE | 0x60 })).toBe('cover_open');
    expect(printerStatusOf({ printer: FINE | 0x08, offlineCause: FINE | 0x20, paper: FINE | 0x6c })).toBe('paper_out');
    expect(printerStatusOf({ printer: FINE | 0x08, offlineCause: FINE, paper: FINE | 0x0c })).toBe('offline');
  });

  it('tells status bytes from other bytes, and offline from online', () => {
    expect(isStatusReply(0x12)).toBe(true);
    expect(isStatusReply(0x1a)).toBe(true);
    expect(isStatusReply(0x72)).toBe(true);
    expect(isStatusReply(0x00)).toBe(false);
    expect(isStatusReply(0xff)).toBe(false);
    expect(isStatusReply(0x41)).toBe(false);
    expect(reportsOffline(0x1a)).toBe(true);
    expect(reportsOffline(0x12)).toBe(false);
  });
});
