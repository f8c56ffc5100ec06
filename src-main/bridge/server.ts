/**
 * The loopback bridge: the same API as Electron's IPC, over HTTP on 127.0.0.1, plus the built renderer
 * as static files, so the app runs in an ordinary browser where Electron cannot. Every API request is
 * checked for the per-launch token and a same-origin Origin/Host before anything else is read.
 */
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LOCALE_HEADER } from '../api/contract.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { makeError } from '../api/dispatch.ts';
import { normalizeLocale } from '../api/error-messages.ts';
import type { ErrorCode } from '../ledger/errors.ts';

export interface BridgeOptions {
  dispatch: Dispatch;
  token: string;
  /** Folder of the built renderer (dist/renderer); omitted serves the API only. */
  staticDir?: string;
  port?: number;
  maxBodyBytes?: number;
}

export interface Bridge {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to servers or logs. */
  openUrl: string;
  port: number;
  close: () => Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN_ORIGIN: 403,
  UNKNOWN_METHOD: 404,
  MALFORMED_REQUEST: 400,
  VALIDATION: 400,
  INTERNAL: 500,
};

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  let allowedOrigins = new Set<string>();
  let allowedHosts = new Set<string>();

  const refuse = (res: http.ServerResponse, code: ErrorCode, locale: string | undefined) =>
    sendJson(res, STATUS[code] ?? 422, { ok: false, error: makeError(null, code, normalizeLocale(locale)) });

  const handleApi = (req: http.IncomingMessage, res: http.ServerResponse, method: string) => {
    const locale = req.headers[LOCALE_HEADER] as string | undefined;
    // Order matters: a foreign page must learn nothing, not even whether a method exists.
    if (!allowedHosts.has(req.headers.host ?? '') || (req.headers.origin !== undefined && !allowedOrigins.has(req.headers.origin))) {
      req.resume();
      return refuse(res, 'FORBIDDEN_ORIGIN', locale);
    }
    if (!tokenMatches(req.headers.authorization, options.token)) {
      req.resume();
      return refuse(res, 'UNAUTHORIZED', locale);
    }
    if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      req.resume();
      return refuse(res, 'MALFORMED_REQUEST', locale);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', async () => {
      if (tooBig) return refuse(res, 'MALFORMED_REQUEST', locale);
      let input: unknown;
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        return refuse(res, 'MALFORMED_REQUEST', locale);
      }
      const result = await options.dispatch(method, input, locale);
      sendJson(res, result.ok ? 200 : (STATUS[result.error.code] ?? 422), result);
    });
  };

  const handleStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (!options.staticDir || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    const root = path.resolve(options.staticDir);
    let file = path.resolve(root, '.' + decodeURIComponent(pathname));
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(404).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const headers: http.OutgoingHttpHeaders = {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (file.endsWith('.html')) {
      headers['content-security-policy'] =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
      headers['cache-control'] = 'no-store';
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  };

  const server = http.createServer((req, res) => {
    // A request line that is not a URL (`POST http://[`) or a path that is not valid percent-encoding
    // (`GET /%E0%A4%A`) makes URL / decodeURIComponent throw: answer 400 instead of crashing the app.
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/api/')) handleApi(req, res, url.pathname.slice('/api/'.length));
      else handleStatic(req, res, url.pathname);
    } catch {
      req.resume();
      if (!res.headersSent) res.writeHead(400);
      res.end();
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the bridge is never reachable from the shop's network.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const origin = `http://127.0.0.1:${port}`;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      allowedOrigins = new Set([origin, `http://localhost:${port}`]);
      resolve({
        url: origin,
        openUrl: `${origin}/#token=${options.token}`,
        port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
