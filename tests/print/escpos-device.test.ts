/**
 * Printing to a printer the system exposes as a device file. A FIFO with a reader stands in for
 * /dev/usb/lp0 (a program at the other end takes the bytes); /dev/null is a real character device.
 * Missing paths, folders and ordinary files are refused without being created or touched.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../src-main/print/escpos/encode.ts';
import { osDevicePath, printToDevice } from '../../src-main/print/transports/device.ts';
import { decodeEscpos } from '../../src-main/print/escpos/decode.ts';
import { sampleSale, sampleWechatSale } from './sample-receipts.ts';

const receiptBytes = encodeReceipt(sampleSale(), { paperWidth: 58, openDrawer: true });
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-device-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function hasMkfifo(): boolean {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return process.platform !== 'win32';
  } catch {
    return false;
  }
}

describe('printing to a device file', () => {
  it.skipIf(!hasMkfifo())('writes the receipt to the device, one job after another', async () => {
    const device = path.join(dir, 'lp0');
    execFileSync('mkfifo', [device]);
    // The reader is the printer: opened without blocking, before the writes; the pipe buffers both jobs.
    const reader = fs.openSync(device, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      expect(await printToDevice(device, receiptBytes)).toEqual({ ok: true, bytesSent: receiptBytes.length });
      const second = encodeReceipt(sampleWechatSale(), { paperWidth: 58, openDrawer: true });
      expect(await printToDevice(device, second)).toMatchObject({ ok: true });
      const buffer = Buffer.alloc(receiptBytes.length + second.length + 16);
      const written = buffer.subarray(0, fs.readSync(reader, buffer));
      expect(written.equals(Buffer.concat([receiptBytes, second]))).toBe(true);
      expect(decodeEscpos(written).cuts).toBe(2);
    } finally {
      fs.closeSync(reader);
    }
  });

  it('writes to a character device', async () => {
    expect(await printToDevice('/dev/null', receiptBytes)).toEqual({ ok: true, bytesSent: receiptBytes.length });
  });

  it('reports a missing device as unreachable, and creates nothing', async () => {
    const device = path.join(dir, 'usb', 'lp9');
    const outcome = await printToDevice(device, receiptBytes);
    expect(outcome).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
    if (!outcome.ok) expect(outcome.detail).toMatch(/not found/);
    expect(fs.existsSync(device)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder, an empty path and an ordinary file, leaving it untouched', async () => {
    expect(await printToDevice(dir, receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_BAD_ADDRESS' });
    expect(await printToDevice('  ', receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_BAD_ADDRESS' });
    // A document a mistyped setting might name (here in the temporary folder, where this project's own
    // checkout may live too).
    const document = path.join(dir, 'notes.txt');
    fs.writeFileSync(document, '店铺笔记');
    expect(await printToDevice(document, receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_BAD_ADDRESS' });
    expect(fs.readFileSync(document, 'utf8')).toBe('店铺笔记');
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('explains a device it may not write to', async () => {
    const device = path.join(dir, 'lp0');
    execFileSync('mkfifo', [device]);
    fs.chmodSync(device, 0o444);
    const outcome = await printToDevice(device, receiptBytes);
    expect(outcome).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
    if (!outcome.ok) expect(outcome.detail).toMatch(/permission.*lp/);
  });

  it.skipIf(!hasMkfifo())('writes to a pipe a program reads, and reports a pipe nobody reads', async () => {
    const pipe = path.join(dir, 'printer.fifo');
    execFileSync('mkfifo', [pipe]);
    expect(await printToDevice(pipe, receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
    // A reader opened without blocking is there before we write; the pipe's buffer holds the receipt.
    const reader = fs.openSync(pipe, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      expect(await printToDevice(pipe, receiptBytes)).toEqual({ ok: true, bytesSent: receiptBytes.length });
      const buffer = Buffer.alloc(receiptBytes.length + 16);
      const read = fs.readSync(reader, buffer);
      expect(buffer.subarray(0, read).equals(receiptBytes)).toBe(true);
    } finally {
      fs.closeSync(reader);
    }
  });
});

describe('device names', () => {
  it('turns a Windows COM port into its device path, and leaves other paths alone', () => {
    expect(osDevicePath('COM3', 'win32')).toBe('\\\\.\\COM3');
    expect(osDevicePath(' com12 ', 'win32')).toBe('\\\\.\\COM12');
    expect(osDevicePath('COM3', 'linux')).toBe('COM3');
    expect(osDevicePath('/dev/usb/lp0', 'linux')).toBe('/dev/usb/lp0');
  });
});
