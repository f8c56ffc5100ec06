/**
 * One TCP connection to a raw-port (9100) printer, as a few awaitable steps: connect, ask a status byte,
 * send and close. Every socket event is recorded into fields as it happens and each step waits, with its
 * own timer, until the fields answer it — so a reset that arrives between two steps is never lost, and
 * no step leaves a listener or a timer behind. Failures are thrown as TransportError and turned into an
 * outcome by the caller; `dispose()` (always, in a finally) destroys the socket.
 */
import net from 'node:net';
import { failure, type PrintFailure, type PrinterErrorCode } from './types.ts';

export class TransportError extends Error {
  readonly outcome: PrintFailure;
  constructor(code: PrinterErrorCode, detail: string) {
    super(detail);
    this.outcome = failure(code, detail);
  }
}

const INBOX_LIMIT = 16;

function errorCode(error: Error): string {
  return (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
}

export class PrinterConnection {
  private readonly socket: net.Socket;
  private readonly signal: AbortSignal | undefined;
  private inbox: number[] = [];
  private error: Error | null = null;
  private connected = false;
  private flushed = false;
  private peerEnded = false;
  private closed = false;
  private aborted = false;
  private wake: (() => void) | null = null;
  private readonly onAbort = (): void => {
    this.aborted = true;
    this.socket.destroy();
    this.notify();
  };

  private constructor(host: string, port: number, signal: AbortSignal | undefined) {
    this.signal = signal;
    this.socket = net.connect({ host, port });
    this.socket.setNoDelay(true);
    this.socket.on('connect', () => this.record(() => (this.connected = true)));
    // Only a status answer is ever read, so a chatty device cannot make the inbox grow.
    this.socket.on('data', (chunk: Buffer) => this.record(() => this.inbox.push(...chunk.subarray(0, Math.max(0, INBOX_LIMIT - this.inbox.length)))));
    this.socket.on('error', (error) => this.record(() => (this.error ??= error)));
    this.socket.on('end', () => this.record(() => (this.peerEnded = true)));
    this.socket.on('close', () => this.record(() => (this.closed = true)));
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  static async open(host: string, port: number, options: { timeoutMs: number; signal: AbortSignal | undefined }): Promise<PrinterConnection> {
    if (options.signal?.aborted) throw new TransportError('PRINTER_INTERRUPTED', 'cancelled before connecting');
    const connection = new PrinterConnection(host, port, options.signal);
    try {
      await connection.until(() => connection.connected || connection.error !== null || connection.closed, options.timeoutMs);
      connection.throwIfAborted('while connecting');
      if (connection.connected && connection.error === null && !connection.closed) return connection;
      if (connection.error) {
        // ECONNREFUSED, EHOSTUNREACH, ENOTFOUND…: nothing answers there. Only the system's own connect
        // timeout says "maybe something is there but slow".
        const code = errorCode(connection.error) === 'ETIMEDOUT' ? 'PRINTER_TIMEOUT' : 'PRINTER_UNREACHABLE';
        throw new TransportError(code, `${host}:${port}: ${connection.error.message}`);
      }
      if (connection.closed) throw new TransportError('PRINTER_UNREACHABLE', `${host}:${port}: closed while connecting`);
      throw new TransportError('PRINTER_TIMEOUT', `${host}:${port}: no answer within ${options.timeoutMs} ms`);
    } catch (error) {
      connection.dispose();
      throw error;
    }
  }

  /**
   * Send a query and wait up to `ms` for one byte. null = no answer: many cheap printers ignore
   * real-time status. Bytes left over from an earlier, late answer are dropped first so they cannot be
   * read as this one's.
   */
  async ask(query: Buffer, ms: number): Promise<number | null> {
    this.inbox = [];
    this.socket.write(query);
    await this.until(() => this.inbox.length > 0 || this.broken(), ms);
    // Nothing has been printed yet, so a hang-up here is "cannot print there", not a torn receipt.
    this.throwIfBroken('asking status', 'PRINTER_UNREACHABLE');
    return this.inbox.shift() ?? null;
  }

  /**
   * Write the receipt and close our side, then wait for the printer to close its side. "Flushed" only
   * means the bytes reached this computer's network stack; a printer switched off mid-receipt shows up
   * afterwards as a reset instead of an orderly close, so the close is awaited too. A printer that
   * keeps the connection open after our close is given `closeWaitMs` and then counted as done.
   */
  async send(bytes: Buffer, options: { timeoutMs: number; closeWaitMs: number }): Promise<void> {
    this.socket.end(bytes, () => this.record(() => (this.flushed = true)));
    await this.until(() => this.flushed || this.broken(), options.timeoutMs);
    this.throwIfBroken('sending; the receipt may be incomplete', 'PRINTER_DISCONNECTED');
    if (!this.flushed) throw new TransportError('PRINTER_TIMEOUT', `the printer stopped taking data for ${options.timeoutMs} ms; the receipt may be incomplete`);
    await this.until(() => this.closed || this.error !== null || this.aborted, options.closeWaitMs);
    this.throwIfAborted('after sending');
    if (this.error) throw new TransportError('PRINTER_DISCONNECTED', `connection reset after sending (${this.error.message}); the receipt may be incomplete`);
  }

  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.socket.destroy();
    this.notify();
  }

  /** The connection can no longer carry a receipt: error, reset, the printer hung up, or cancelled. */
  private broken(): boolean {
    return this.error !== null || this.peerEnded || this.closed || this.aborted;
  }

  private throwIfAborted(when: string): void {
    if (this.aborted) throw new TransportError('PRINTER_INTERRUPTED', `cancelled ${when}`);
  }

  private throwIfBroken(when: string, code: PrinterErrorCode): void {
    this.throwIfAborted(when);
    if (this.error) throw new TransportError(code, `${this.error.message} while ${when}`);
    if (this.peerEnded || this.closed) throw new TransportError(code, `the printer closed the connection while ${when}`);
  }

  private record(change: () => unknown): void {
    change();
    this.notify();
  }

  private notify(): void {
    this.wake?.();
  }

  /** Resolve once `done()` holds or `ms` have passed, whichever is first; one waiter at a time. */
  private until(done: () => boolean, ms: number): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = () => {
        if (done()) finish();
      };
    });
  }
}
