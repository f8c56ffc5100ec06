/**
 * The loopback HTTP bridge under bad input, over real HTTP: a foreign Origin or Host (403) and a
 * missing or wrong token (401) are refused before the body is even read; then a wrong method or
 * content type, malformed JSON or an oversized body (400), an unknown method (404), bad amounts that
 * JSON can carry (negative, fractional, 1e999 = Infinity, > 10^10, > 2^53: 400), and ledger refusals
 * (422). Every refusal has its code and a localized message, and leaves the data file unchanged.
 * A request line that is not a URL, or a path that is not valid percent-encoding, gets 400 and the
 * server keeps serving (it used to throw out of the request handler and take the app down).
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import type { ErrorCode } from '../../src-main/ledger/errors.ts';
import { startBridge, type Bridge } from '../../src-main/bridge/server.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { newKey, openTestLedger, tempDir, type TestLedger } from '../helpers/ledger.ts';
import { seedShop } from '../helpers/shop.ts';

const TOKEN = 'test-token-0123456789abcdef';

let t: TestLedger;
let bridge: Bridge;
let memberId: string;
let productId: string;
beforeAll(async () => {
  t = openTestLedger();
  const shop = seedShop(t.ledger, t.staffId, 1);
  memberId = shop.members[0]!.id;
  productId = shop.products.coffee.id;
  const dispatch = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser' });
  bridge = await startBridge({ dispatch, token: TOKEN, port: 0, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await bridge.close();
  t.dispose();
});

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: ErrorCode; message: string; params?: Record<string, unknown> } };
}

/** One raw HTTP request (full control over Host, Origin and the body bytes). */
function send(options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, path: options.path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Reply['body'] });
          } catch {
            reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const goodHeaders = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...extra });
const api = (method: string, input: unknown, extra: Record<string, string> = {}) =>
  send({ path: `/api/${method}`, headers: goodHeaders(extra), body: JSON.stringify(input) });

let before: ReturnType<typeof fingerprint>;
beforeEach(() => {
  before = fingerprint(t.ledger);
});

/** Expect a refusal with this status and code, a non-empty message, and nothing changed. */
function expectRefused(reply: Reply, status: number, code: ErrorCode): string {
  expect({ status: reply.status, ok: reply.body.ok, code: reply.body.error?.code }).toEqual({ status, ok: false, code });
  const message = reply.body.error!.message;
  expect(typeof message).toBe('string');
  expect(message.trim().length).toBeGreaterThan(0);
  expect(fingerprint(t.ledger)).toEqual(before);
  return message;
}

describe('who may call', () => {
  afterEach(() => {
    expect(fingerprint(t.ledger)).toEqual(before);
  });

  it('the right token from the same origin gets through', async () => {
    const reply = await api('app.info', {}, { origin: bridge.url });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ok: true, value: { version: 'test', shell: 'browser' } });
  });

  it('no token, a wrong token, another scheme → 401 UNAUTHORIZED', async () => {
    const input = JSON.stringify({ idempotencyKey: newKey(), staffId: t.staffId, memberId, principalMinor: 100, method: 'cash' });
    const zh = expectRefused(await send({ path: '/api/topups.create', headers: { 'content-type': 'application/json' }, body: input }), 401, 'UNAUTHORIZED');
    expect(zh).toBe('访问令牌无效，请使用启动时显示的链接打开');
    const en = expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ authorization: 'Bearer wrong', 'x-regulars-locale': 'en' }), body: input }), 401, 'UNAUTHORIZED');
    expect(en).toBe('Invalid access token: open the link printed at start-up');
    expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ authorization: `Bearer ${TOKEN}x` }), body: input }), 401, 'UNAUTHORIZED');
    expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ authorization: `Basic ${TOKEN}` }), body: input }), 401, 'UNAUTHORIZED');
    expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ authorization: TOKEN }), body: input }), 401, 'UNAUTHORIZED');
  });

  it('a foreign Origin or Host → 403 FORBIDDEN_ORIGIN, even with the right token', async () => {
    const input = JSON.stringify({ idempotencyKey: newKey(), staffId: t.staffId, memberId, principalMinor: 100, method: 'cash' });
    const zh = expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ origin: 'http://evil.example' }), body: input }), 403, 'FORBIDDEN_ORIGIN');
    expect(zh).toBe('拒绝来自其他网站的请求');
    const en = expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ origin: 'https://127.0.0.1.evil.example', 'x-regulars-locale': 'en' }), body: input }), 403, 'FORBIDDEN_ORIGIN');
    expect(en).toBe('Requests from other sites are refused');
    expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ origin: `http://127.0.0.1:${bridge.port + 1}` }), body: input }), 403, 'FORBIDDEN_ORIGIN');
    expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ origin: 'null' }), body: input }), 403, 'FORBIDDEN_ORIGIN');
    // DNS rebinding: the page's own origin, but a Host that is not ours.
    expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ host: 'evil.example' }), body: input }), 403, 'FORBIDDEN_ORIGIN');
    expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ host: `evil.example:${bridge.port}`, origin: `http://evil.example:${bridge.port}` }), body: input }), 403, 'FORBIDDEN_ORIGIN');
  });

  it('origin and token are checked before the body is read or the method looked up', async () => {
    // A foreign page learns nothing: bad JSON, an unknown method or a huge body still get 403 / 401.
    expectRefused(await send({ path: '/api/no.such.method', headers: goodHeaders({ origin: 'http://evil.example' }), body: '{"broken' }), 403, 'FORBIDDEN_ORIGIN');
    expectRefused(await send({ path: '/api/no.such.method', headers: goodHeaders({ authorization: 'Bearer nope' }), body: '{"broken' }), 401, 'UNAUTHORIZED');
    expectRefused(await send({ path: '/api/topups.create', headers: { authorization: 'Bearer nope', 'content-type': 'text/plain' }, body: Buffer.alloc(200_000, 'x') }), 401, 'UNAUTHORIZED');
  });
});

describe('what may be sent', () => {
  it('wrong HTTP method or content type, malformed JSON, an oversized body → 400 MALFORMED_REQUEST', async () => {
    const input = JSON.stringify({ idempotencyKey: newKey(), staffId: t.staffId, memberId, principalMinor: 100, method: 'cash' });
    const zh = expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ 'content-type': 'text/plain' }), body: input }), 400, 'MALFORMED_REQUEST');
    expect(zh).toBe('请求格式错误');
    expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ 'content-type': 'application/x-www-form-urlencoded' }), body: 'principalMinor=100' }), 400, 'MALFORMED_REQUEST');
    expectRefused(await send({ path: '/api/topups.create', headers: { authorization: `Bearer ${TOKEN}` }, body: input }), 400, 'MALFORMED_REQUEST');
    expectRefused(await send({ path: '/api/app.info', method: 'GET', headers: goodHeaders() }), 400, 'MALFORMED_REQUEST');
    const en = expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders({ 'x-regulars-locale': 'en' }), body: '{"principalMinor": 100,' }), 400, 'MALFORMED_REQUEST');
    expect(en).toBe('Malformed request');
    expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders(), body: "{'single': 'quotes'}" }), 400, 'MALFORMED_REQUEST');
    expectRefused(await send({ path: '/api/topups.create', headers: goodHeaders(), body: Buffer.from([0xff, 0xfe, 0x7b]) }), 400, 'MALFORMED_REQUEST');
    expectRefused(await send({ path: '/api/members.search', headers: goodHeaders(), body: JSON.stringify({ query: 'x'.repeat(70_000) }) }), 400, 'MALFORMED_REQUEST');
  });

  it('an unknown method → 404 UNKNOWN_METHOD', async () => {
    const zh = expectRefused(await api('members.dropAll', {}), 404, 'UNKNOWN_METHOD');
    expect(zh).toBe('未知的接口');
    expectRefused(await api('__proto__', {}), 404, 'UNKNOWN_METHOD');
    expectRefused(await api('constructor', {}), 404, 'UNKNOWN_METHOD');
    expectRefused(await send({ path: '/api/', headers: goodHeaders(), body: '{}' }), 404, 'UNKNOWN_METHOD');
  });

  it.each([
    ['negative', '-100'],
    ['zero', '0'],
    ['fractional', '12.5'],
    ['Infinity (1e999)', '1e999'],
    ['-Infinity (-1e999)', '-1e999'],
    ['over 10^10', '10000000001'],
    ['over 2^53', '9007199254740993'],
    ['a string', '"100"'],
    ['null', 'null'],
  ])('a top-up of %s → 400 VALIDATION', async (_name, amount) => {
    const body = `{"idempotencyKey":"${newKey()}","staffId":"${t.staffId}","memberId":"${memberId}","method":"cash","principalMinor":${amount}}`;
    const reply = await send({ path: '/api/topups.create', headers: goodHeaders(), body });
    const message = expectRefused(reply, 400, 'VALIDATION');
    expect(message).toBe('输入有误：principalMinor');
    expect(reply.body.error!.params).toEqual({ field: 'principalMinor' });
  });

  it('bad amounts in a checkout → 400 VALIDATION (English on request)', async () => {
    for (const amount of ['-1999', '19.99', '1e999', '10000000001', '9007199254740993']) {
      const body = `{"idempotencyKey":"${newKey()}","staffId":"${t.staffId}","lines":[{"productId":"${productId}"}],"payments":[{"method":"cash","amountMinor":${amount}}]}`;
      const message = expectRefused(await send({ path: '/api/checkout.commit', headers: goodHeaders({ 'x-regulars-locale': 'en' }), body }), 400, 'VALIDATION');
      expect(message).toBe('Invalid input: payments.0.amountMinor');
    }
  });

  it('ledger refusals → 422 with their code', async () => {
    expect(expectRefused(await api('members.get', { memberId: 'no-such-member' }), 422, 'MEMBER_NOT_FOUND')).toBe('找不到该会员');
    expectRefused(await api('topups.create', { idempotencyKey: newKey(), staffId: t.staffId, memberId: 'no-such-member', principalMinor: 100, method: 'cash' }), 422, 'MEMBER_NOT_FOUND');
    expectRefused(
      await api('checkout.commit', { idempotencyKey: newKey(), staffId: t.staffId, lines: [{ productId: 'no-such-product' }], payments: [{ method: 'cash', amountMinor: 1 }] }),
      422,
      'PRODUCT_NOT_FOUND',
    );
    expectRefused(await api('members.create', { staffId: t.staffId, phone: '12345', name: '张三' }), 422, 'PHONE_INVALID');
    expectRefused(
      await api('checkout.commit', { idempotencyKey: newKey(), staffId: t.staffId, memberId, lines: [{ productId }], payments: [{ method: 'stored_value', amountMinor: 1999 }] }),
      422,
      'INSUFFICIENT_BALANCE',
    );
    const huge = { lines: Array.from({ length: 200 }, () => ({ name: '金条', amountMinor: 10_000_000_000, quantity: 9999 })) };
    expectRefused(await api('checkout.quote', huge), 422, 'AMOUNT_OUT_OF_RANGE');
  });
});

describe('names that look dangerous are just names', () => {
  it('SQL-looking and emoji names are stored verbatim and searchable over HTTP', async () => {
    const names = ["'); drop table members;--", '😀 张三 🍰'];
    for (const [i, name] of names.entries()) {
      const created = await api('members.create', { staffId: t.staffId, phone: `1360000${2000 + i}`, name });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ ok: true, value: { name } });
      const found = await api('members.search', { query: name });
      expect(found.body).toMatchObject({ ok: true, value: [{ name }] });
    }
    const found = await api('members.search', { query: '😀' });
    expect((found.body.value as Array<{ name: string }>).map((m) => m.name)).toEqual(['😀 张三 🍰']);
    expect(t.ledger.sqlite.prepare("select count(*) n from sqlite_master where type = 'table' and name = 'members'").get()).toEqual({ n: 1 });
    expect(t.ledger.sqlite.prepare('select count(*) n from members').get()).toEqual({ n: 3 });
  });
});

/** Send raw bytes (a request line no HTTP client would produce) and return the whole response. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    // No answer at all (the server died, or hung) fails the test instead of waiting for the test timeout.
    socket.setTimeout(5_000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${request.split('\r\n')[0]}`));
    });
  });
}

async function rawStatusLine(port: number, request: string): Promise<string> {
  return (await rawRequest(port, request)).split('\r\n')[0] ?? '';
}

describe('requests that are not even URLs', () => {
  it('get 400 and the bridge keeps serving (API and static files)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Regulars</title>');
    const dispatch = createDispatch({ ledger: t.ledger, version: 'test', dataFile: t.file, shell: 'browser' });
    const withStatic = await startBridge({ dispatch, token: TOKEN, port: 0, staticDir: dir });
    try {
      const host = `Host: 127.0.0.1:${withStatic.port}`;
      for (const target of ['http://[', 'http://a:b:c/api/app.info', `http://127.0.0.1:99999/api/app.info`]) {
        const line = await rawStatusLine(withStatic.port, `POST ${target} HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
        expect(line, target).toBe('HTTP/1.1 400 Bad Request');
      }
      expect(await rawStatusLine(withStatic.port, `GET /%E0%A4%A HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 400 Bad Request');
      expect(await rawStatusLine(withStatic.port, `GET /% HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 400 Bad Request');
      // Still alive: the page and the API answer.
      expect(await rawStatusLine(withStatic.port, `GET / HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 200 OK');
      const traversal = await rawRequest(withStatic.port, `GET /../../etc/passwd HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`);
      expect(traversal).toContain('<title>Regulars</title>'); // the app page, not the file
      expect(traversal).not.toContain('root:');
      const info = await send({ path: '/api/app.info', headers: goodHeaders() });
      expect(info.status).toBe(200);
      expect(fingerprint(t.ledger)).toEqual(before);
    } finally {
      await withStatic.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
