/**
 * A fake Aliyun SMS (Dysmsapi 2017-05-25 SendSms) that authenticates like Aliyun's OpenAPI gateway with
 * the V3 signature, implemented here from Aliyun's documentation ("V3 request structure and signature",
 * https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature):
 *
 *   Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2…>,Signature=<hex>
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedRequestPayload
 *     CanonicalQueryString: parameters sorted by name, names and values percent-encoded per RFC 3986
 *       (UTF-8; space %20, * %2A, ~ kept), name=value joined with &
 *     CanonicalHeaders: each signed header as lowercase-name:trimmed-value\n, sorted by name; host,
 *       content-type (when present) and every x-acs-* header must be signed
 *     HashedRequestPayload: hex SHA-256 of the body, also sent as x-acs-content-sha256
 *   StringToSign = "ACS3-HMAC-SHA256\n" + hex(SHA-256(CanonicalRequest))
 *   Signature = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
 *   x-acs-date within 15 minutes of now; x-acs-signature-nonce never reused.
 *
 * Gateway errors are HTTP 4xx with {Code, Message, RequestId}; SendSms's own answers are HTTP 200 with
 * Code "OK" and BizId, or an isv.* Code (https://help.aliyun.com/document_detail/101346.html).
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { randomHex, startHttpFake, type FakeAnswer, type FakeBehaviour, type FakeProvider, type FakeRequest } from './http-fake.ts';

export interface AliyunFakeOptions {
  port?: number;
  /** The template the owner registered, and its variable. Defaults SMS_480000001 / content. */
  templateCode?: string;
  templateParamName?: string;
}

const ALGORITHM = 'ACS3-HMAC-SHA256';
const CLOCK_SKEW_MS = 15 * 60 * 1000;

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** RFC 3986 percent-encoding as the V3 document specifies it. */
function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A raw query string → decoded name/value pairs (percent-decoding only: "+" is a plus sign in RFC 3986). */
function queryPairs(rawQuery: string): Array<[string, string]> {
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return [decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq)), eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1))];
    });
}

/** The raw query string (as sent) → CanonicalQueryString. */
export function acs3CanonicalQuery(rawQuery: string): string {
  return queryPairs(rawQuery)
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export interface Acs3Input {
  method: string;
  /** Path as sent ("/"). */
  path: string;
  rawQuery: string;
  /** Lowercase name → value. */
  headers: Record<string, string>;
  signedHeaders: string[];
  /** Hex SHA-256 of the body. */
  payloadHash: string;
  accessKeySecret: string;
}

export function acs3Signature(input: Acs3Input): string {
  const canonicalHeaders = input.signedHeaders.map((name) => `${name}:${(input.headers[name] ?? '').trim()}\n`).join('');
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.path === '' ? '/' : input.path,
    acs3CanonicalQuery(input.rawQuery),
    canonicalHeaders,
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  return createHmac('sha256', input.accessKeySecret).update(stringToSign).digest('hex');
}

function gatewayError(status: number, code: string, message: string): FakeAnswer {
  return { status, body: { RequestId: randomUUID().toUpperCase(), Code: code, Message: message } };
}

function smsAnswer(code: string, message: string, bizId?: string): FakeAnswer {
  return { status: 200, body: { RequestId: randomUUID().toUpperCase(), Code: code, Message: message, ...(bizId ? { BizId: bizId } : {}) } };
}

const SCRIPTED: Record<Exclude<FakeBehaviour, 'success' | 'hang'>, FakeAnswer> = {
  permanent: smsAnswer('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号'),
  unsubscribed: smsAnswer('isv.CUSTOMER_REFUSED', '用户已退订推广短信'),
  throttled: smsAnswer('isv.BUSINESS_LIMIT_CONTROL', '触发小时级流控Permits:5'),
  serverError: gatewayError(500, 'InternalError', 'The request processing has failed due to some unknown error, exception or failure.'),
};

/** PhoneNumbers as documented: 11-digit mainland number with or without +86/0086/86, or country code + number. */
function toE164(phoneNumbers: string): string | null {
  const digits = phoneNumbers.trim().replace(/^\+/, '').replace(/^00/, '');
  if (/^1\d{10}$/.test(digits)) return `+86${digits}`;
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null;
}

export async function startAliyunFake(options: AliyunFakeOptions = {}): Promise<FakeProvider> {
  const accessKeyId = `LTAI${randomHex(10)}`;
  const accessKeySecret = randomHex(15);
  const templateCode = options.templateCode ?? 'SMS_480000001';
  const templateParamName = options.templateParamName ?? 'content';
  const usedNonces = new Set<string>();

  function authenticate(request: FakeRequest): FakeAnswer | null {
    const auth = new RegExp(`^${ALGORITHM} Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$`).exec(
      request.headers.authorization ?? '',
    );
    if (!auth) return gatewayError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
    if (auth[1] !== accessKeyId) return gatewayError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    const signedHeaders = auth[2]!.split(';');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers[name] = value;
    }
    const mustSign = Object.keys(headers).filter((name) => name === 'host' || name === 'content-type' || name.startsWith('x-acs-'));
    const sorted = [...signedHeaders].sort();
    if (mustSign.some((name) => !signedHeaders.includes(name)) || signedHeaders.some((name, i) => name !== sorted[i] || !(name in headers))) {
      return gatewayError(400, 'IncompleteSignature', 'Every x-acs-* header, host and content-type must be signed, sorted by name.');
    }
    const payloadHash = sha256Hex(request.rawBody);
    if (headers['x-acs-content-sha256'] !== payloadHash) {
      return gatewayError(400, 'SignatureDoesNotMatch', 'x-acs-content-sha256 does not match the body.');
    }
    const date = headers['x-acs-date'] ?? '';
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(date)) return gatewayError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    if (Math.abs(Date.parse(date) - Date.now()) > CLOCK_SKEW_MS) return gatewayError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    const nonce = headers['x-acs-signature-nonce'] ?? '';
    if (nonce === '' || usedNonces.has(nonce)) return gatewayError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');

    const [path, rawQuery = ''] = request.target.split(/\?(.*)/s);
    const expected = acs3Signature({ method: request.method, path: path!, rawQuery, headers, signedHeaders, payloadHash, accessKeySecret });
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(auth[3]!))) {
      return gatewayError(400, 'SignatureDoesNotMatch', 'Specified signature does not match our calculation.');
    }
    usedNonces.add(nonce);
    return null;
  }

  return startHttpFake(
    {
      kind: 'aliyun',
      secrets: { accessKeySecret },
      configFor: (_url, port) => ({
        kind: 'aliyun',
        endpoint: `127.0.0.1:${port}`,
        protocol: 'http',
        regionId: 'cn-hangzhou',
        accessKeyId,
        templateCode,
        templateParamName,
      }),
      handle(request, state) {
        const refused = authenticate(request);
        if (refused) return refused;
        if (request.headers['x-acs-action'] !== 'SendSms') return gatewayError(404, 'InvalidApi.NotFound', 'Specified api is not found, please check your url and method.');
        if (request.headers['x-acs-version'] !== '2017-05-25') return gatewayError(400, 'InvalidVersion', 'Specified parameter Version is not valid.');

        // RPC-style parameters: the query string, plus a form body if there is one.
        const params = new Map(queryPairs(request.target.split(/\?(.*)/s)[1] ?? ''));
        if ((request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
          for (const [name, value] of new URLSearchParams(request.rawBody.toString('utf8'))) params.set(name, value);
        }
        const phoneNumbers = params.get('PhoneNumbers') ?? '';
        const signName = params.get('SignName') ?? '';
        if (phoneNumbers === '') return gatewayError(400, 'MissingPhoneNumbers', 'PhoneNumbers is mandatory for this action.');
        if (signName === '') return gatewayError(400, 'MissingSignName', 'SignName is mandatory for this action.');
        if (params.get('TemplateCode') !== templateCode) return smsAnswer('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
        let templateParam: unknown;
        try {
          templateParam = JSON.parse(params.get('TemplateParam') ?? '');
        } catch {
          return smsAnswer('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
        }
        const text = (templateParam as Record<string, unknown> | null)?.[templateParamName];
        if (typeof text !== 'string') return smsAnswer('isv.TEMPLATE_MISSING_PARAMETERS', '模板缺少变量');
        const to = toE164(phoneNumbers);
        if (!to) return smsAnswer('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');

        const behaviour = state.behaviourFor(to);
        if (behaviour === 'hang') return 'hang';
        if (behaviour !== 'success') return SCRIPTED[behaviour];
        const bizId = `${Date.now()}${randomHex(4)}^0`;
        state.received.push({ id: bizId, to, text, signature: signName, reference: params.get('OutId') ?? null });
        return smsAnswer('OK', 'OK', bizId);
      },
    },
    options.port,
  );
}
