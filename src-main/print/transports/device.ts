/**
 * Printing to a USB or serial printer that the system exposes as a device file: /dev/usb/lp0 (Linux USB
 * printer class), /dev/ttyUSB0 or /dev/cu.usbserial-… (serial adapters), COM3 on Windows. The bytes are
 * written as they are; a device file has no status channel, so paper and cover are not checked here.
 *
 * Only paths that really are devices are written to: a character device or a FIFO (a virtual printer or
 * a serial bridge reading a named pipe). Never a regular file, wherever it is — a mistyped setting must
 * not append receipt bytes to someone's document (an early version allowed files in the temporary
 * folder for tests, and wrote into a project checked out there). Nothing is ever created: the open
 * fails when the path is missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { failure, type PrintFailure, type PrintOutcome } from './types.ts';

export interface DeviceOptions {
  /** Opening and writing together (default 10 s): a stalled USB printer can block a write for good. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

type DeviceKind = 'device' | 'fifo';

/** "COM3" → "\\.\COM3": the Win32 device namespace, required for COM10 and up and harmless below. */
export function osDevicePath(devicePath: string, platform: NodeJS.Platform = process.platform): string {
  const trimmed = devicePath.trim();
  return platform === 'win32' && /^COM\d+$/i.test(trimmed) ? `\\\\.\\${trimmed.toUpperCase()}` : trimmed;
}

function errno(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? 'UNKNOWN';
}

function openFailure(error: unknown, devicePath: string): PrintFailure {
  const code = errno(error);
  if (code === 'EACCES' || code === 'EPERM') {
    return failure('PRINTER_UNREACHABLE', `no permission to write to ${devicePath}: on Linux add the user to the "lp" group (USB) or "dialout" group (serial), then log in again`);
  }
  if (code === 'EBUSY') return failure('PRINTER_OFFLINE', `${devicePath} is in use by another program`);
  if (code === 'ENXIO') return failure('PRINTER_UNREACHABLE', `${devicePath}: no device or program is at the other end`);
  if (code === 'EISDIR') return failure('PRINTER_BAD_ADDRESS', `${devicePath} is a folder, not a printer`);
  return failure('PRINTER_UNREACHABLE', `${devicePath}: ${code === 'ENOENT' ? 'not found (is the printer plugged in and on?)' : (error as Error).message}`);
}

async function deviceKind(osPath: string, devicePath: string): Promise<DeviceKind | PrintFailure> {
  // The Win32 device namespace cannot be stat'ed; that the name is a COM port is the check.
  if (osPath.startsWith('\\\\.\\')) return 'device';
  let stats: fs.Stats;
  try {
    stats = await fs.promises.stat(osPath);
  } catch (error) {
    return openFailure(error, devicePath);
  }
  if (stats.isCharacterDevice()) return 'device';
  if (stats.isFIFO()) return 'fifo';
  return failure('PRINTER_BAD_ADDRESS', `${devicePath} is not a printer device`);
}

/**
 * Write-only, never create. A FIFO is opened non-blocking so that "nothing reads the pipe" fails at once
 * (ENXIO) instead of blocking forever; O_NOCTTY keeps a serial port from becoming our terminal.
 */
function openFlags(kind: DeviceKind): number {
  const c = fs.constants;
  if (kind === 'fifo') return c.O_WRONLY | c.O_NONBLOCK;
  return c.O_WRONLY | (c.O_NOCTTY ?? 0);
}

function writeFailure(error: unknown, devicePath: string, written: number): PrintFailure {
  const code = errno(error);
  if (code === 'EAGAIN' && written === 0) return failure('PRINTER_OFFLINE', `${devicePath} is not taking data`);
  if (code === 'ETIMEDOUT') return failure('PRINTER_TIMEOUT', `${devicePath} timed out after ${written} bytes; the receipt may be incomplete`);
  return failure('PRINTER_DISCONNECTED', `${devicePath}: ${(error as Error).message} after ${written} bytes; the receipt may be incomplete`);
}

async function writeAll(osPath: string, kind: DeviceKind, devicePath: string, bytes: Buffer): Promise<PrintOutcome> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(osPath, openFlags(kind));
  } catch (error) {
    return openFailure(error, devicePath);
  }
  let written = 0;
  try {
    // A device may take fewer bytes than offered; keep writing from where it stopped.
    while (written < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
      written += bytesWritten;
    }
  } catch (error) {
    await handle.close().catch(() => undefined);
    return writeFailure(error, devicePath, written);
  }
  try {
    await handle.close();
  } catch (error) {
    return writeFailure(error, devicePath, written);
  }
  return { ok: true, bytesSent: written };
}

export async function printToDevice(devicePath: string, bytes: Buffer, options: DeviceOptions = {}): Promise<PrintOutcome> {
  const osPath = osDevicePath(devicePath);
  if (osPath === '') return failure('PRINTER_BAD_ADDRESS', 'no device path');
  const kind = await deviceKind(osPath, devicePath);
  if (typeof kind !== 'string') return kind;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // A blocked open or write cannot be cancelled; the caller gets its answer on time and the handle is
  // closed by writeAll whenever the system lets go of it.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PrintOutcome>((resolve) => {
    timer = setTimeout(() => resolve(failure('PRINTER_TIMEOUT', `${devicePath} did not take the receipt within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([writeAll(osPath, kind, devicePath, bytes), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
