/**
 * Printing over raw TCP to a fake network printer on loopback: the receipt arrives byte for byte; a
 * printer reporting paper out, cover open or offline is refused before any receipt byte is sent; a
 * silent printer is printed to anyway; bad addresses, closed ports, cancellations and a printer switched
 * off mid-receipt each come back as their own outcome — and nothing is left open afterwards.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../src-main/print/escpos/encode.ts';
import { printOverNetwork, probeNetworkPrinter } from '../../src-main/print/transports/network.ts';
import { decodeEscpos } from '../../src-main/print/escpos/decode.ts';
import { startLoopbackPrinter, type LoopbackPrinter, type LoopbackPrinterOptions } from '../../src-main/demo/loopback-printer.ts';
import { sampleSale } from './sample-receipts.ts';

const FINE = 0x12;
const OFFLINE = FINE | 0x08;
const COVER_OPEN = FINE | 0x04;
const PAPER_END_STOP = FINE | 0x20;
const PAPER_OUT = FINE | 0x60;
const PAPER_NEAR_END = FINE | 0x0c;

const receiptBytes = encodeReceipt(sampleSale(), { paperWidth: 80, openDrawer: true });
const fakes: LoopbackPrinter[] = [];

async function fake(options: LoopbackPrinterOptions = {}): Promise<LoopbackPrinter> {
  const printer = await startLoopbackPrinter(options);
  fakes.push(printer);
  return printer;
}

function at(printer: LoopbackPrinter): { host: string; port: number } {
  return { host: '127.0.0.1', port: printer.port };
}

/** A port nothing listens on: bound by us a moment ago, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Handles Node keeps for sockets and timers: a transport must give back every one it took. */
function openHandles(): { sockets: number; timers: number } {
  const resources = process.getActiveResourcesInfo();
  return { sockets: resources.filter((r) => r.startsWith('TCP')).length, timers: resources.filter((r) => r === 'Timeout').length };
}

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((printer) => printer.close()));
});

describe('printing to a network printer', () => {
  it('prints a sale to a network printer, every byte arriving as sent', async () => {
    // Port 9100 is used by the app-level test (tests/print/print-jobs.test.ts) with a real bill.
    const printer: LoopbackPrinter = await fake();
    const outcome = await printOverNetwork({ host: '127.0.0.1', port: printer.port }, receiptBytes);
    expect(outcome).toEqual({ ok: true, bytesSent: receiptBytes.length });
    const job = await printer.nextJob();
    expect(job.equals(receiptBytes)).toBe(true);
    expect(printer.statusQueries()).toEqual([1, 4]);

    const d = decodeEscpos(job);
    const text = d.textLines.join('\n');
    for (const expected of ['街角咖啡', '曾晓雯', '20261123-01-0042', '拿铁（大杯）']) expect(text).toContain(expected);
    expect(d.textLines.some((line) => /合计\s+¥82\.80/.test(line))).toBe(true);
    expect(d.textLines.some((line) => /储值余额\s+¥173\.50/.test(line))).toBe(true);
    expect(d.textLines.some((line) => /积分余额\s+1288/.test(line))).toBe(true);
    expect(d.qr).toEqual(['M000123']);
    expect(d.cuts).toBe(1);
    expect(d.drawerKicks).toBe(1);
    expect(d.statusQueries).toBe(0);
  });

  it('prints to a host given by name', async () => {
    const printer = await fake();
    expect(await printOverNetwork({ host: 'localhost', port: printer.port }, receiptBytes)).toMatchObject({ ok: true });
    expect((await printer.nextJob()).length).toBe(receiptBytes.length);
  });

  it('leaves no socket and no timer behind, whether it prints or is refused', async () => {
    const before = openHandles();
    const fine = await fake();
    const empty = await fake({ status: { paper: PAPER_OUT } });
    const during = openHandles();
    expect(during.sockets).toBe(before.sockets + 2); // the two listening servers
    expect(await printOverNetwork(at(fine), receiptBytes)).toMatchObject({ ok: true });
    expect(await printOverNetwork(at(empty), receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_PAPER_OUT' });
    expect(await printOverNetwork({ host: '127.0.0.1', port: await closedPort() }, receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
    await Promise.all([fine.nextJob(), empty.nextJob()]);
    expect(openHandles()).toEqual(during);
  });
});

describe('asking the printer first', () => {
  it('refuses a printer out of paper before sending a single receipt byte', async () => {
    const printer = await fake({ status: { paper: PAPER_OUT } });
    const outcome = await printOverNetwork(at(printer), receiptBytes);
    expect(outcome).toMatchObject({ ok: false, code: 'PRINTER_PAPER_OUT' });
    expect((await printer.nextJob()).length).toBe(0);
    expect(printer.statusQueries()).toEqual([1, 4]);
  });

  it('asks why when the printer says offline, and reports paper out as the cause', async () => {
    const printer = await fake({ status: { printer: OFFLINE, offline: PAPER_END_STOP, paper: PAPER_OUT } });
    expect(await printOverNetwork(at(printer), receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_PAPER_OUT' });
    expect(printer.statusQueries()).toEqual([1, 2, 4]);
    expect((await printer.nextJob()).length).toBe(0);
  });

  it('refuses an open cover', async () => {
    const printer = await fake({ status: { printer: OFFLINE, offline: COVER_OPEN } });
    expect(await printOverNetwork(at(printer), receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_COVER_OPEN' });
    expect((await printer.nextJob()).length).toBe(0);
  });

  it('refuses a printer offline for another reason', async () => {
    const printer = await fake({ status: { printer: OFFLINE, offline: FINE } });
    expect(await printOverNetwork(at(printer), receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_OFFLINE' });
    expect((await printer.nextJob()).length).toBe(0);
  });

  it('prints when the paper is nearly used up, and says so', async () => {
    const printer = await fake({ status: { paper: PAPER_NEAR_END } });
    expect(await printOverNetwork(at(printer), receiptBytes)).toEqual({ ok: true, bytesSent: receiptBytes.length, warning: 'paper_near_end' });
    expect((await printer.nextJob()).equals(receiptBytes)).toBe(true);
  });

  it('prints to a printer that answers no status query at all', async () => {
    const printer = await fake({ status: 'silent' });
    expect(await printOverNetwork(at(printer), receiptBytes, { statusReplyMs: 200 })).toEqual({ ok: true, bytesSent: receiptBytes.length });
    expect((await printer.nextJob()).equals(receiptBytes)).toBe(true);
    expect(printer.statusQueries()).toEqual([1]);
  });

  it('prints to a printer whose answer is not a status byte, without reading it as "fine" or "offline"', async () => {
    const printer = await fake({ status: { printer: 0xff } });
    expect(await printOverNetwork(at(printer), receiptBytes)).toMatchObject({ ok: true });
    expect((await printer.nextJob()).equals(receiptBytes)).toBe(true);
    expect(printer.statusQueries()).toEqual([1]);
  });
});

describe('when printing cannot happen', () => {
  it('reports a closed port as unreachable', async () => {
    expect(await printOverNetwork({ host: '127.0.0.1', port: await closedPort() }, receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
  });

  it('rejects addresses that are not addresses, without connecting', async () => {
    for (const target of [
      { host: 'not a host!', port: 9100 },
      { host: '127.0.0.1', port: 70000 },
      { host: '127.0.0.1', port: 0 },
      { host: '127.0.0.1', port: 91.5 },
      { host: '192.168.1.300', port: 9100 },
      { host: '', port: 9100 },
      { host: 'printer..local', port: 9100 },
    ]) {
      expect(await printOverNetwork(target, receiptBytes)).toMatchObject({ ok: false, code: 'PRINTER_BAD_ADDRESS' });
      expect(await probeNetworkPrinter(target)).toMatchObject({ ok: false, code: 'PRINTER_BAD_ADDRESS' });
    }
  });

  it('reports a printer switched off mid-receipt as disconnected, with what it had received', async () => {
    const printer = await fake({ dropAfterBytes: 200 });
    const outcome = await printOverNetwork(at(printer), receiptBytes);
    expect(outcome).toMatchObject({ ok: false, code: 'PRINTER_DISCONNECTED' });
    if (!outcome.ok) expect(outcome.detail).toMatch(/incomplete/);
    const job = await printer.nextJob();
    expect(job.equals(receiptBytes.subarray(0, 200))).toBe(true);
  });

  it('times out on a printer that stops taking data', async () => {
    // Accepts the connection, then never reads: once the system's buffers are full, writing stalls.
    const server = net.createServer((socket) => {
      socket.pause();
      socket.on('error', () => undefined);
    });
    const sockets = new Set<net.Socket>();
    server.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const huge = Buffer.alloc(64 * 1024 * 1024, 0x41);
      const outcome = await printOverNetwork({ host: '127.0.0.1', port }, huge, { timeoutMs: 400, statusReplyMs: 50 });
      expect(outcome).toMatchObject({ ok: false, code: 'PRINTER_TIMEOUT' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('stops when the caller cancels, before or while asking', async () => {
    const printer = await fake({ status: 'silent' });
    expect(await printOverNetwork(at(printer), receiptBytes, { signal: AbortSignal.abort() })).toMatchObject({ ok: false, code: 'PRINTER_INTERRUPTED' });
    const controller = new AbortController();
    const printing = printOverNetwork(at(printer), receiptBytes, { signal: controller.signal, statusReplyMs: 60_000 });
    // Cancel once the printer has been asked: the transport is then waiting for an answer that never comes.
    await printer.queriesReached(1);
    controller.abort();
    expect(await printing).toMatchObject({ ok: false, code: 'PRINTER_INTERRUPTED' });
    expect((await printer.nextJob()).length).toBe(0);
  });
});

describe('checking the printer from settings', () => {
  it('reports fine, nearly out of paper, or unknown — and prints nothing', async () => {
    const fine = await fake();
    expect(await probeNetworkPrinter(at(fine))).toEqual({ ok: true, status: 'ok' });
    expect((await fine.nextJob()).length).toBe(0);
    const low = await fake({ status: { paper: PAPER_NEAR_END } });
    expect(await probeNetworkPrinter(at(low))).toEqual({ ok: true, status: 'paper_near_end' });
    const silent = await fake({ status: 'silent' });
    expect(await probeNetworkPrinter(at(silent), { statusReplyMs: 100 })).toEqual({ ok: true, status: 'unknown' });
    expect((await silent.nextJob()).length).toBe(0);
  });

  it('reports paper out, cover open and unreachable as failures', async () => {
    const empty = await fake({ status: { paper: PAPER_OUT } });
    expect(await probeNetworkPrinter(at(empty))).toMatchObject({ ok: false, code: 'PRINTER_PAPER_OUT' });
    const open = await fake({ status: { printer: OFFLINE, offline: COVER_OPEN } });
    expect(await probeNetworkPrinter(at(open))).toMatchObject({ ok: false, code: 'PRINTER_COVER_OPEN' });
    expect(await probeNetworkPrinter({ host: '127.0.0.1', port: await closedPort() })).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
  });
});
