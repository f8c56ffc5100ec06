/**
 * ESC/POS real-time status (DLE EOT n): asked before a receipt is sent so a printer that is out of paper,
 * open or offline is refused up front instead of swallowing half a receipt. Real-time commands are
 * answered even while the printer is busy or in error, which is what makes them usable for this.
 */
export type PrinterStatus = 'ok' | 'offline' | 'cover_open' | 'paper_out' | 'paper_near_end';

/** n of DLE EOT n: printer status, offline cause, roll paper sensor. */
export const STATUS_PRINTER = 1;
export const STATUS_OFFLINE_CAUSE = 2;
export const STATUS_PAPER = 4;
export type StatusQuery = typeof STATUS_PRINTER | typeof STATUS_OFFLINE_CAUSE | typeof STATUS_PAPER;

export function statusQueryBytes(n: StatusQuery): Buffer {
  return Buffer.from([0x10, 0x04, n]);
}

/**
 * Every DLE EOT reply has bit 1 and bit 4 set and bits 0 and 7 clear. A byte that does not fit is not a
 * status reply (something else on port 9100, or line noise), so it must not be read as "all fine".
 */
export function isStatusReply(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

const PRINTER_OFFLINE = 0x08;
const CAUSE_COVER_OPEN = 0x04;
const CAUSE_PAPER_END_STOP = 0x20;
const PAPER_END = 0x60;
const PAPER_NEAR_END = 0x0c;

export interface StatusReplies {
  /** Reply to n=1; the others are null when not asked or not answered. */
  printer: number;
  offlineCause: number | null;
  paper: number | null;
}

/** The most serious condition first: a cover left open also reads as offline, and so does paper out. */
export function printerStatusOf(replies: StatusReplies): PrinterStatus {
  const cause = replies.offlineCause ?? 0;
  const paper = replies.paper ?? 0;
  if (cause & CAUSE_COVER_OPEN) return 'cover_open';
  if (cause & CAUSE_PAPER_END_STOP || (paper & PAPER_END) !== 0) return 'paper_out';
  if (replies.printer & PRINTER_OFFLINE) return 'offline';
  if (paper & PAPER_NEAR_END) return 'paper_near_end';
  return 'ok';
}

/** Whether the printer offline bit of an n=1 reply is set: only then is the offline cause worth asking. */
export function reportsOffline(printerReply: number): boolean {
  return (printerReply & PRINTER_OFFLINE) !== 0;
}
