/**
 * Tencent Cloud SMS: SendSms 2021-01-11 through the official SDK, which signs with TC3-HMAC-SHA256
 * (Authorization header; credential scope date/sms/tc3_request; JSON body).
 *
 * TemplateParamSet is [text] (a template whose one variable carries our text); Tencent adds
 * 【SignName】 itself; SessionContext carries the outbox id and comes back in the answer.
 *
 * A call that reaches Tencent answers HTTP 200 either with Response.Error (auth, throttling, bad
 * parameters: the SDK throws it with .code) or with one SendStatus per number, whose Code is "Ok" or the
 * reason that number failed (https://cloud.tencent.com/document/api/382/59177). Fee is the number of
 * billed segments.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { isLoopbackHost, parseEndpoint, type TencentConfig } from './config.ts';
import { describeTransportError, rejected, retry, sent, type Deliver } from './outcome.ts';
import type { SendOutcome } from './types.ts';

const OK = 'Ok';
/** The number is on the do-not-disturb list, usually because its owner unsubscribed. */
const UNSUBSCRIBED_CODES = new Set(['FailedOperation.PhoneNumberInBlacklist']);
const TRANSIENT_PREFIXES = ['InternalError', 'RequestLimitExceeded', 'LimitExceeded'];
const TRANSIENT_CODES = new Set([
  // Marketing messages only go out 08:00–22:00: the same message goes later.
  'FailedOperation.MarketingSendTimeConstraint',
  // The SMS package ran out, or the account is in arrears: goes once the owner tops up.
  'FailedOperation.InsufficientBalanceInSmsPackage',
  // The request's timestamp is more than 5 minutes off Tencent's clock: goes once the till's clock is right.
  'AuthFailure.SignatureExpire',
]);

/** The public API host: what the TC3 signature names as service ("sms") and as the signed host. */
const API_HOST = 'sms.tencentcloudapi.com';

type SmsClient = InstanceType<Awaited<typeof import('tencentcloud-sdk-nodejs-sms')>['sms']['v20210111']['Client']>;

export function tencentSender(config: TencentConfig, secretKey: string, transportTimeoutMs: number): Deliver {
  let client: Promise<SmsClient> | undefined;
  return async (sms) => {
    client ??= loadClient(config, secretKey, transportTimeoutMs);
    const smsClient = await client.catch((err: unknown) => {
      client = undefined;
      throw err;
    });
    try {
      const response = await smsClient.SendSms({
        PhoneNumberSet: [sms.to],
        SmsSdkAppId: config.smsSdkAppId,
        SignName: sms.signature,
        TemplateId: config.templateId,
        TemplateParamSet: [sms.text],
        SessionContext: sms.outboxId,
      });
      const status = response.SendStatusSet?.[0];
      if (!status) return retry(`Tencent Cloud: answer without SendStatusSet (RequestId ${response.RequestId ?? '?'})`);
      if (status.Code === OK && status.SerialNo) {
        return sent(status.SerialNo, { micros: null, currency: null, billedSegments: typeof status.Fee === 'number' ? status.Fee : null });
      }
      return classifyTencentCode(status.Code ?? 'NoCode', status.Message ?? '');
    } catch (err) {
      return classifyTencentError(err);
    }
  };
}

async function loadClient(config: TencentConfig, secretKey: string, timeoutMs: number): Promise<SmsClient> {
  const { sms } = await import('tencentcloud-sdk-nodejs-sms');
  const target = parseEndpoint(config.endpoint);
  // The SDK takes the TC3 service name from the endpoint's first label and signs the host without its
  // port, so 127.0.0.1:PORT would be signed as service "127" for host "127.0.0.1". For a loopback
  // endpoint (the fake provider) it therefore keeps the public host name for signing and the Host
  // header, and an agent dials the loopback address instead.
  const loopback = target !== null && isLoopbackHost(target.hostname);
  return new sms.v20210111.Client({
    credential: { secretId: config.secretId, secretKey },
    region: config.region,
    profile: {
      httpProfile: {
        endpoint: loopback ? API_HOST : config.endpoint,
        protocol: `${config.protocol}://`,
        reqMethod: 'POST',
        reqTimeout: timeoutMs / 1000,
        ...(loopback ? { agent: dialAgent(config.protocol, target.hostname, target.port) } : {}),
      },
    },
  });
}

/** An agent whose every connection goes to the loopback host:port, whatever host the URL names. */
function dialAgent(protocol: 'http' | 'https', hostname: string, port: number | null): http.Agent {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  // Returning the socket hands it to the agent (Node's documented alternative to the callback).
  if (protocol === 'https') {
    const agent = new https.Agent({ keepAlive: true });
    agent.createConnection = () => tls.connect({ host, port: port ?? 443, servername: API_HOST });
    return agent;
  }
  const agent = new http.Agent({ keepAlive: true });
  agent.createConnection = () => net.createConnection({ host, port: port ?? 80 });
  return agent;
}

export function classifyTencentCode(code: string, message: string): SendOutcome {
  const error = `Tencent Cloud ${code}: ${message}`;
  if (TRANSIENT_CODES.has(code) || TRANSIENT_PREFIXES.some((prefix) => code.startsWith(prefix))) return retry(error);
  return rejected(error, UNSUBSCRIBED_CODES.has(code));
}

/** TencentCloudSDKHttpException: .code when Tencent answered Response.Error, .httpCode for a non-200 answer. */
interface TencentSdkError {
  code?: unknown;
  httpCode?: unknown;
  message?: string;
  requestId?: string;
}

export function classifyTencentError(err: unknown): SendOutcome {
  const e = (typeof err === 'object' && err !== null ? err : {}) as TencentSdkError;
  // Tencent's codes are PascalCase (FailedOperation.X); Node's errno codes (ECONNRESET) mean the network.
  if (typeof e.code === 'string' && /^[A-Z][a-z]/.test(e.code)) {
    return classifyTencentCode(e.code, `${e.message ?? ''}${e.requestId ? ` (RequestId ${e.requestId})` : ''}`);
  }
  if (typeof e.httpCode === 'number') {
    const error = `Tencent Cloud HTTP ${e.httpCode}: ${e.message ?? ''}`;
    return e.httpCode >= 500 || e.httpCode === 429 || e.httpCode === 408 ? retry(error) : rejected(error);
  }
  return retry(`Tencent Cloud: ${describeTransportError(err)}`);
}
