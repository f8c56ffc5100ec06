/**
 * What every fake SMS provider shares: a node:http server on 127.0.0.1 that can be stopped and started
 * again on the same port (the network going down and coming back), a script of how to answer the next
 * requests or a given phone number, and the list of messages it accepted.
 *
 * Each provider's fake (twilio.ts, aliyun.ts, tencent.ts, webhook.ts) checks the request the way the
 * real service does — authentication first — and renders the scripted behaviour as that service would.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { SmsProviderConfig } from '../../../src-main/sms/providers/config.ts';
import type { ProviderKind } from '../../../src-main/sms/providers/types.ts';

/** How the fake answers an authenticated, well-formed send. */
export type FakeBehaviour =
  | 'success'
  /** A permanent error: the provider's "invalid phone number". */
  | 'permanent'
  /** The recipient unsubscribed / is on the do-not-disturb list. */
  | 'unsubscribed'
  /** The provider's flow control (rate limit). */
  | 'throttled'
  /** HTTP 500. */
  | 'serverError'
  /** Never answers (until the client gives up or the fake is closed). */
  | 'hang';

export interface ReceivedSms {
  /** The message id the fake answered with (what the adapter should report as providerMessageId). */
  id: string;
  /** E.164. */
  to: string;
  text: string;
  signature: string;
  /** The client reference sent along (Aliyun OutId, Tencent SessionContext, webhook Idempotency-Key); null for Twilio, which has none. */
  reference: string | null;
}

export interface ScriptOptions {
  /** Only for sends to this E.164 number (such rules win over general ones). */
  to?: string;
  /** How many matching sends it applies to: default 1 for a general rule, every send for a `to` rule. */
  times?: number;
}

export interface FakeProvider {
  readonly kind: ProviderKind;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** Provider settings pointing at this fake, with the credentials it accepts (pass to makeProvider). */
  readonly config: SmsProviderConfig;
  /** The secrets this fake accepts, by the names PROVIDER_SECRETS gives. */
  readonly secrets: Record<string, string>;
  /** Messages accepted, in order. */
  readonly received: ReceivedSms[];
  /** Every HTTP request that reached the fake, accepted or not. */
  readonly requestCount: number;
  /** Answer matching sends with `behaviour` (sends no rule matches succeed). */
  script(behaviour: FakeBehaviour, options?: ScriptOptions): void;
  /** Stops listening and drops every connection, hanging ones included. */
  close(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
}

export interface FakeRequest {
  method: string;
  /** Path and query exactly as sent. */
  target: string;
  headers: http.IncomingHttpHeaders;
  rawBody: Buffer;
}

export interface FakeAnswer {
  status: number;
  /** An object is sent as JSON, a string as text/plain. */
  body: unknown;
  headers?: Record<string, string>;
}

/** One request → an answer, or 'hang'. The fake's state (script, received) is passed in. */
export type FakeHandler = (request: FakeRequest, state: FakeState) => FakeAnswer | 'hang' | Promise<FakeAnswer | 'hang'>;

interface Rule {
  behaviour: FakeBehaviour;
  to: string | undefined;
  remaining: number;
}

export class FakeState {
  readonly received: ReceivedSms[] = [];
  private readonly rules: Rule[] = [];

  script(behaviour: FakeBehaviour, options: ScriptOptions = {}): void {
    const remaining = options.times ?? (options.to === undefined ? 1 : Number.POSITIVE_INFINITY);
    this.rules.push({ behaviour, to: options.to, remaining });
  }

  /** The behaviour for one send to `to`, using up one turn of the rule that decided it. */
  behaviourFor(to: string): FakeBehaviour {
    const rule = this.rules.find((r) => r.to === to) ?? this.rules.find((r) => r.to === undefined);
    if (!rule) return 'success';
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
    return rule.behaviour;
  }
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export interface FakeDefinition {
  kind: ProviderKind;
  secrets: Record<string, string>;
  configFor(url: string, port: number): SmsProviderConfig;
  handle: FakeHandler;
}

export async function startHttpFake(definition: FakeDefinition, port = 0): Promise<FakeProvider> {
  const state = new FakeState();
  let requestCount = 0;

  const server = http.createServer((req, res) => {
    requestCount += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: FakeRequest = { method: req.method ?? '', target: req.url ?? '/', headers: req.headers, rawBody: Buffer.concat(chunks) };
      Promise.resolve()
        .then(() => definition.handle(request, state))
        .then(
          (answer) => {
            if (answer !== 'hang') write(res, answer);
          },
          (err: unknown) => write(res, { status: 599, body: `fake ${definition.kind} failed: ${String(err)}` }),
        );
    });
  });

  const listen = (onPort: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });

  const boundPort = await listen(port);
  const url = `http://127.0.0.1:${boundPort}`;
  const config = definition.configFor(url, boundPort);

  return {
    kind: definition.kind,
    url,
    port: boundPort,
    config,
    secrets: definition.secrets,
    received: state.received,
    get requestCount() {
      return requestCount;
    },
    script: (behaviour, options) => state.script(behaviour, options),
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    restart: async () => {
      if (!server.listening) await listen(boundPort);
    },
  };
}

function write(res: http.ServerResponse, answer: FakeAnswer): void {
  const isText = typeof answer.body === 'string';
  const payload = isText ? (answer.body as string) : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'Content-Type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...answer.headers,
  });
  res.end(payload);
}
