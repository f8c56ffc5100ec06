/**
 * Printing to a network thermal printer over raw TCP (port 9100, "JetDirect"): check the address, connect,
 * ask the printer how it is (DLE EOT), refuse before sending a single receipt byte when it reports paper
 * out, cover open or offline, then send and close. A printer that answers no status query is printed to
 * anyway — many cheap ones never answer — and a warning travels back when the roll is nearly used up.
 */
import { STATUS_OFFLINE_CAUSE, STATUS_PAPER, STATUS_PRINTER, isStatusReply, printerStatusOf, reportsOffline, statusQueryBytes, type PrinterStatus } from '../escpos/status.ts';
import { connectableHost, type NetworkTarget } from './address.ts';
import { PrinterConnection, TransportError } from './printer-connection.ts';
import { failure, type PrintFailure, type PrintOutcome, type StatusOutcome } from './types.ts';

export type { NetworkTarget } from './address.ts';

export interface NetworkOptions {
  /** Connecting, and sending the receipt (default 5 s each). */
  timeoutMs?: number;
  /** How long to wait for each one-byte status answer (default 800 ms). */
  statusReplyMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_STATUS_REPLY_MS = 800;

/** 'unknown' when the printer does not answer, or answers with something that is no status byte. */
async function readStatus(connection: PrinterConnection, replyMs: number): Promise<PrinterStatus | 'unknown'> {
  const valid = (byte: number | null): number | null => (byte !== null && isStatusReply(byte) ? byte : null);
  const printer = valid(await connection.ask(statusQueryBytes(STATUS_PRINTER), replyMs));
  if (printer === null) return 'unknown';
  const offlineCause = reportsOffline(printer) ? valid(await connection.ask(statusQueryBytes(STATUS_OFFLINE_CAUSE), replyMs)) : null;
  const paper = valid(await connection.ask(statusQueryBytes(STATUS_PAPER), replyMs));
  return printerStatusOf({ printer, offlineCause, paper });
}

const REFUSALS: Partial<Record<PrinterStatus | 'unknown', PrintFailure>> = {
  paper_out: failure('PRINTER_PAPER_OUT', 'the printer reports paper out'),
  cover_open: failure('PRINTER_COVER_OPEN', 'the printer reports its cover open'),
  offline: failure('PRINTER_OFFLINE', 'the printer reports itself offline'),
};

/** Connect, run `use`, and always destroy the socket; any failure becomes an outcome. */
async function withConnection<T>(target: NetworkTarget, options: NetworkOptions, use: (connection: PrinterConnection, timeoutMs: number) => Promise<T>): Promise<T | PrintFailure> {
  const host = connectableHost(target);
  if (host === null) return failure('PRINTER_BAD_ADDRESS', `not a printer address: ${JSON.stringify(target.host)} port ${target.port}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let connection: PrinterConnection | null = null;
  try {
    connection = await PrinterConnection.open(host, target.port, { timeoutMs, signal: options.signal });
    return await use(connection, timeoutMs);
  } catch (error) {
    if (error instanceof TransportError) return error.outcome;
    return failure('PRINTER_DISCONNECTED', error instanceof Error ? error.message : String(error));
  } finally {
    connection?.dispose();
  }
}

export function printOverNetwork(target: NetworkTarget, bytes: Buffer, options: NetworkOptions = {}): Promise<PrintOutcome> {
  return withConnection<PrintOutcome>(target, options, async (connection, timeoutMs) => {
    const status = await readStatus(connection, options.statusReplyMs ?? DEFAULT_STATUS_REPLY_MS);
    const refusal = REFUSALS[status];
    if (refusal) return refusal;
    await connection.send(bytes, { timeoutMs, closeWaitMs: timeoutMs });
    return status === 'paper_near_end' ? { ok: true, bytesSent: bytes.length, warning: 'paper_near_end' } : { ok: true, bytesSent: bytes.length };
  });
}

/** "Check printer" in settings: the same connection and status questions, and nothing printed. */
export function probeNetworkPrinter(target: NetworkTarget, options: NetworkOptions = {}): Promise<StatusOutcome> {
  return withConnection<StatusOutcome>(target, options, async (connection) => {
    const status = await readStatus(connection, options.statusReplyMs ?? DEFAULT_STATUS_REPLY_MS);
    const refusal = REFUSALS[status];
    if (refusal) return refusal;
    return { ok: true, status: status === 'paper_near_end' || status === 'unknown' ? status : 'ok' };
  });
}
