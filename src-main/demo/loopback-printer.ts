/**
 * A network receipt printer on 127.0.0.1 — the demo shop's stand-in printer (demo-printer.ts) and the
 * tests' fake one: it answers ESC/POS real-time status queries
 * (DLE EOT n) with the bytes it is given — or never, like the many cheap printers that ignore them —
 * records every other byte as the receipt, and can reset the connection after N receipt bytes the way a
 * printer switched off mid-receipt does. `nextJob()` resolves when a connection has ended, so a test
 * awaits the printer instead of sleeping.
 *
 * Status queries are answered only before the first receipt byte of a connection: raster data may
 * contain 0x10 0x04 by chance, and the transport asks its questions before it sends the receipt.
 */
import net from 'node:net';

export interface LoopbackPrinterOptions {
  /** 0 (default): any free port. */
  port?: number;
  /** Reply bytes to DLE EOT 1 / 2 / 4 (default 0x12: all fine), or 'silent' to answer nothing. */
  status?: { printer?: number; offline?: number; paper?: number } | 'silent';
  /** Reset the connection once this many receipt bytes have arrived (keeping exactly these). */
  dropAfterBytes?: number;
}

export interface LoopbackPrinter {
  port: number;
  /** Receipt bytes of every connection that has ended so far, in order. */
  received(): Buffer;
  /** The n of every DLE EOT n asked, over all connections. */
  statusQueries(): number[];
  /** Resolves once `count` status queries have arrived in all. */
  queriesReached(count: number): Promise<void>;
  /** Receipt bytes of the next connection to end (one already ended and not yet taken comes first). */
  nextJob(): Promise<Buffer>;
  close(): Promise<void>;
}

/** ESC/POS status bytes with nothing to report: bits 1 and 4 are always set. */
export const STATUS_FINE = 0x12;

export async function startLoopbackPrinter(options: LoopbackPrinterOptions = {}): Promise<LoopbackPrinter> {
  const receipts: Buffer[] = [];
  const queries: number[] = [];
  const finished: Buffer[] = [];
  const waiting: Array<(job: Buffer) => void> = [];
  const queryWaiters: Array<{ count: number; resolve: () => void }> = [];
  const sockets = new Set<net.Socket>();
  const status = options.status;

  const replyTo = (n: number): number | null => {
    if (status === 'silent') return null;
    const reply = n === 1 ? status?.printer : n === 2 ? status?.offline : n === 4 ? status?.paper : undefined;
    return reply ?? STATUS_FINE;
  };

  const jobEnded = (job: Buffer): void => {
    const waiter = waiting.shift();
    if (waiter) waiter(job);
    else finished.push(job);
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const job: number[] = [];
    let pending: number[] = [];
    let receiving = false;
    let dropped = false;
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      for (const byte of chunk) {
        if (dropped) return;
        if (!receiving) {
          // DLE EOT n, possibly split across chunks.
          const expected = pending.length === 0 ? byte === 0x10 : pending.length === 1 ? byte === 0x04 : true;
          if (expected) {
            pending.push(byte);
            if (pending.length === 3) {
              queries.push(byte);
              for (const waiter of queryWaiters.filter((w) => queries.length >= w.count)) {
                queryWaiters.splice(queryWaiters.indexOf(waiter), 1);
                waiter.resolve();
              }
              const reply = replyTo(byte);
              if (reply !== null) socket.write(Buffer.from([reply]));
              pending = [];
            }
            continue;
          }
          receiving = true;
          job.push(...pending);
          pending = [];
        }
        job.push(byte);
        if (options.dropAfterBytes !== undefined && job.length >= options.dropAfterBytes) {
          dropped = true;
          // An RST, not an orderly close: what the sender sees when the printer loses power.
          socket.resetAndDestroy();
        }
      }
    });
    socket.on('close', () => {
      sockets.delete(socket);
      const bytes = Buffer.from(job);
      receipts.push(bytes);
      jobEnded(bytes);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('loopback printer has no TCP address');

  return {
    port: address.port,
    received: () => Buffer.concat(receipts),
    statusQueries: () => [...queries],
    queriesReached: (count) => (queries.length >= count ? Promise.resolve() : new Promise((resolve) => queryWaiters.push({ count, resolve }))),
    nextJob: () => {
      const job = finished.shift();
      return job ? Promise.resolve(job) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A fake printer on the standard raw port 9100, as a real network printer listens. If this machine
 * already has something there, a free port instead (the test is about our bytes, not the port number).
 */
export async function startLoopbackPrinterOn9100(options: Omit<LoopbackPrinterOptions, 'port'> = {}): Promise<LoopbackPrinter> {
  try {
    return await startLoopbackPrinter({ ...options, port: 9100 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn('port 9100 is taken on this machine: the loopback printer listens on a free port instead');
    return startLoopbackPrinter(options);
  }
}
