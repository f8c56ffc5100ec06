/**
 * Aliyun SMS: Dysmsapi 2017-05-25 SendSms through the official SDK, which signs every request with the
 * V3 scheme (ACS3-HMAC-SHA256 in the Authorization header, parameters in the query string).
 *
 * The message text travels in one template variable (config.templateParamName, e.g. a template
 * registered as `${content}`); Aliyun adds 【SignName】 itself. OutId carries the outbox id.
 *
 * Business errors come back as HTTP 200 with Code ≠ "OK" (https://help.aliyun.com/document_detail/101346.html);
 * gateway errors (signature, unknown AccessKey, Throttling.*) as HTTP 4xx/5xx, which the SDK throws.
 */
import type { AliyunConfig } from './config.ts';
import { describeTransportError, rejected, retry, sent, type Deliver } from './outcome.ts';
import type { SendOutcome } from './types.ts';

/**
 * Worth another try later: flow control (per number, per day/month caps the owner set), the platform's
 * own errors, and an empty balance or suspended service (the owner tops up; the message can still go).
 */
const TRANSIENT_CODES = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'isv.DAY_LIMIT_CONTROL',
  'isv.MONTH_LIMIT_CONTROL',
  'isp.SYSTEM_ERROR',
  'isv.SYSTEM_ERROR',
  'isv.AMOUNT_NOT_ENOUGH',
  'isv.OUT_OF_SERVICE',
  'InternalError',
  'ServiceUnavailable',
  // The request's x-acs-date is more than 15 minutes off Aliyun's clock: goes once the till's clock is right.
  'InvalidTimeStamp.Expired',
  'SignatureNonceUsed',
]);
const TRANSIENT_PREFIXES = ['Throttling', 'VALVE:'];
/**
 * The recipient unsubscribed from this signature's marketing messages. (isv.BLACK_KEY_CONTROL_LIMIT,
 * despite its name, is a blocked *keyword* in the template variable: a content problem, so a plain rejection.)
 */
const UNSUBSCRIBED_CODES = new Set(['isv.CUSTOMER_REFUSED']);

type Sdk = Awaited<ReturnType<typeof loadSdk>>;

export function aliyunSender(config: AliyunConfig, accessKeySecret: string, transportTimeoutMs: number): Deliver {
  let sdk: Promise<Sdk> | undefined;
  return async (sms) => {
    sdk ??= loadSdk(config, accessKeySecret, transportTimeoutMs);
    const { client, SendSmsRequest, RuntimeOptions } = await sdk.catch((err: unknown) => {
      sdk = undefined;
      throw err;
    });
    const request = new SendSmsRequest({
      phoneNumbers: aliyunPhoneNumber(sms.to),
      signName: sms.signature,
      templateCode: config.templateCode,
      templateParam: JSON.stringify({ [config.templateParamName]: sms.text }),
      outId: sms.outboxId,
    });
    const runtime = new RuntimeOptions({ autoretry: false, readTimeout: transportTimeoutMs, connectTimeout: transportTimeoutMs });
    try {
      const { body } = await client.sendSmsWithOptions(request, runtime);
      if (body?.code === 'OK' && body.bizId) return sent(body.bizId, null);
      return classifyAliyunCode(body?.code ?? 'NoCode', body?.message ?? 'answer without Code');
    } catch (err) {
      return classifyAliyunError(err);
    }
  };
}

async function loadSdk(config: AliyunConfig, accessKeySecret: string, timeoutMs: number) {
  const [dysms, core, dara] = await Promise.all([
    import('@alicloud/dysmsapi20170525'),
    import('@alicloud/openapi-core'),
    import('@darabonba/typescript'),
  ]);
  const Client = commonJsDefault(dysms.default);
  const client = new Client(
    new core.$OpenApiUtil.Config({
      accessKeyId: config.accessKeyId,
      accessKeySecret,
      endpoint: config.endpoint,
      protocol: config.protocol,
      regionId: config.regionId,
      readTimeout: timeoutMs,
      connectTimeout: timeoutMs,
    }),
  );
  return { client, SendSmsRequest: dysms.SendSmsRequest, RuntimeOptions: dara.RuntimeOptions };
}

/**
 * An ESM import of this CommonJS package gets its module.exports as `default`, the class being
 * `default.default`; a bundler's interop may hand over the class itself. Accept both.
 */
function commonJsDefault<C extends abstract new (...args: never[]) => unknown>(exported: { default: C } | C): C {
  return typeof exported === 'function' ? exported : exported.default;
}

/**
 * PhoneNumbers as Aliyun documents it: mainland numbers as the 11-digit national number, others as
 * country code + number without "+".
 */
export function aliyunPhoneNumber(e164: string): string {
  return e164.startsWith('+86') ? e164.slice(3) : e164.replace(/^\+/, '');
}

function isTransientCode(code: string): boolean {
  return TRANSIENT_CODES.has(code) || TRANSIENT_PREFIXES.some((prefix) => code.startsWith(prefix));
}

export function classifyAliyunCode(code: string, message: string): SendOutcome {
  const error = `Aliyun ${code}: ${message}`;
  return isTransientCode(code) ? retry(error) : rejected(error, UNSUBSCRIBED_CODES.has(code));
}

/** The SDK's ClientError / ServerError / ThrottlingError carry the HTTP status, Aliyun's Code and the body. */
interface AliyunResponseError {
  statusCode: number;
  code?: string;
  data?: { Message?: unknown; message?: unknown };
  message?: string;
}

function isAliyunResponseError(err: unknown): err is AliyunResponseError {
  return typeof err === 'object' && err !== null && typeof (err as { statusCode?: unknown }).statusCode === 'number';
}

export function classifyAliyunError(err: unknown): SendOutcome {
  if (!isAliyunResponseError(err)) return retry(`Aliyun: ${describeTransportError(err)}`);
  const code = err.code && err.code !== 'undefined' ? err.code : `HTTP${err.statusCode}`;
  const bodyMessage = err.data?.Message ?? err.data?.message;
  const message = typeof bodyMessage === 'string' ? bodyMessage : (err.message ?? '');
  const error = `Aliyun ${code} (HTTP ${err.statusCode}): ${message}`;
  if (err.statusCode >= 500 || err.statusCode === 429 || isTransientCode(code)) return retry(error);
  return rejected(error, UNSUBSCRIBED_CODES.has(code));
}
