/**
 * A fake Tencent Cloud SMS (SendSms, version 2021-01-11) that authenticates like Tencent Cloud API 3.0
 * with TC3-HMAC-SHA256, implemented here from Tencent Cloud API 3.0's "Signature v3" (签名方法 v3)
 * documentation:
 *
 *   Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<Date>/<service>/tc3_request, SignedHeaders=content-type;host, Signature=<hex>
 *   CanonicalRequest = Method \n "/" \n CanonicalQueryString ("" for POST) \n CanonicalHeaders \n SignedHeaders \n hex(SHA-256(body))
 *     CanonicalHeaders: each signed header as lowercase key:lowercase trimmed value\n, sorted; content-type and host required
 *   StringToSign = "TC3-HMAC-SHA256" \n X-TC-Timestamp \n <Date>/<service>/tc3_request \n hex(SHA-256(CanonicalRequest))
 *     Date: the UTC date of X-TC-Timestamp; service: the product of the host called ("sms")
 *   SecretDate = HMAC("TC3" + SecretKey, Date); SecretService = HMAC(SecretDate, service);
 *   SecretSigning = HMAC(SecretService, "tc3_request"); Signature = hex(HMAC(SecretSigning, StringToSign))
 *   X-TC-Timestamp within 5 minutes of now.
 *
 * Every answer the API gives is HTTP 200: {Response: {Error: {Code, Message}, RequestId}} for a refused
 * call, or {Response: {SendStatusSet: [{SerialNo, PhoneNumber, Fee, SessionContext, Code, Message, IsoCode}], RequestId}}
 * with Code "Ok" or the reason for that number (https://cloud.tencent.com/document/api/382/55981).
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { randomHex, startHttpFake, type FakeAnswer, type FakeBehaviour, type FakeProvider, type FakeRequest } from './http-fake.ts';

export interface TencentFakeOptions {
  port?: number;
}

const ALGORITHM = 'TC3-HMAC-SHA256';
const SERVICE = 'sms';
const CLOCK_SKEW_S = 5 * 60;

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

export interface Tc3Input {
  method: string;
  rawQuery: string;
  /** Lowercase name → value. */
  headers: Record<string, string>;
  signedHeaders: string[];
  payload: Buffer | string;
}

export function tc3CanonicalRequest(input: Tc3Input): string {
  const canonicalHeaders = input.signedHeaders.map((name) => `${name}:${(input.headers[name] ?? '').trim().toLowerCase()}\n`).join('');
  return [input.method.toUpperCase(), '/', input.rawQuery, canonicalHeaders, input.signedHeaders.join(';'), sha256Hex(input.payload)].join('\n');
}

export function tc3Signature(secretKey: string, timestamp: number, service: string, canonicalRequest: string): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const stringToSign = [ALGORITHM, String(timestamp), `${date}/${service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex');
}

function apiError(code: string, message: string): FakeAnswer {
  return { status: 200, body: { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } } };
}

function sendStatus(status: Record<string, unknown>): FakeAnswer {
  return { status: 200, body: { Response: { SendStatusSet: [status], RequestId: randomUUID() } } };
}

const FAILED_NUMBER: Record<Exclude<FakeBehaviour, 'success' | 'hang' | 'serverError'>, [string, string]> = {
  permanent: ['InvalidParameterValue.IncorrectPhoneNumber', '手机号格式错误。'],
  unsubscribed: ['FailedOperation.PhoneNumberInBlacklist', '手机号在免打扰名单库中，通常是用户退订或者命中运营商免打扰名单导致的。'],
  throttled: ['LimitExceeded.PhoneNumberThirtySecondLimit', '单个手机号30秒内下发短信条数超过设定的上限。'],
};

/** Tencent's count for a domestic message, signature included: 70 characters in one, 67 per part beyond. */
function billedSegments(signName: string, text: string): number {
  const chars = [...`【${signName}】${text}`].length;
  return chars <= 70 ? 1 : Math.ceil(chars / 67);
}

export async function startTencentFake(options: TencentFakeOptions = {}): Promise<FakeProvider> {
  const secretId = `AKID${randomHex(16)}`;
  const secretKey = randomHex(16);
  const smsSdkAppId = `1400${String(100000 + Math.floor(Math.random() * 900000))}`;
  const templateId = '2000001';

  function authenticate(request: FakeRequest): FakeAnswer | null {
    const auth = new RegExp(
      `^${ALGORITHM} Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([^/]+)/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$`,
    ).exec(request.headers.authorization ?? '');
    if (!auth) return apiError('AuthFailure.InvalidAuthorization', 'The Authorization header does not follow the Tencent Cloud standard.');
    const [, id, date, service, signedList, signature] = auth as unknown as [string, string, string, string, string, string];
    if (id !== secretId) return apiError('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.');
    const timestamp = Number(request.headers['x-tc-timestamp']);
    if (!Number.isInteger(timestamp) || Math.abs(timestamp - Date.now() / 1000) > CLOCK_SKEW_S) {
      return apiError('AuthFailure.SignatureExpire', 'Signature expired. Timestamp and server time cannot differ by more than five minutes.');
    }
    const host = request.headers.host ?? '';
    if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10) || service !== SERVICE || !host.startsWith(`${SERVICE}.`)) {
      return apiError('AuthFailure.InvalidAuthorization', `The credential scope must be the UTC date of X-TC-Timestamp and the service of the host called (${SERVICE}).`);
    }
    const signedHeaders = signedList.split(';');
    if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) {
      return apiError('AuthFailure.InvalidAuthorization', 'SignedHeaders must include content-type and host.');
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value;
    const [, rawQuery = ''] = request.target.split(/\?(.*)/s);
    const canonical = tc3CanonicalRequest({ method: request.method, rawQuery, headers, signedHeaders, payload: request.rawBody });
    const expected = tc3Signature(secretKey, timestamp, service, canonical);
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
      return apiError('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
    }
    return null;
  }

  return startHttpFake(
    {
      kind: 'tencent',
      secrets: { secretKey },
      configFor: (_url, port) => ({
        kind: 'tencent',
        endpoint: `127.0.0.1:${port}`,
        protocol: 'http',
        region: 'ap-guangzhou',
        secretId,
        smsSdkAppId,
        templateId,
      }),
      handle(request, state) {
        if (request.method !== 'POST') return apiError('InvalidParameter', 'Only POST is supported here.');
        const refused = authenticate(request);
        if (refused) return refused;
        if (request.headers['x-tc-action'] !== 'SendSms') return apiError('InvalidAction', 'The action does not exist.');
        if (request.headers['x-tc-version'] !== '2021-01-11') return apiError('NoSuchVersion', 'The API version does not exist.');
        if (!request.headers['x-tc-region']) return apiError('MissingParameter', 'The Region parameter is missing.');
        if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
          return apiError('InvalidParameter', 'Content-Type must be application/json.');
        }
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(request.rawBody.toString('utf8')) as Record<string, unknown>;
        } catch {
          return apiError('FailedOperation.FailResolvePacket', '请求包解析失败。');
        }
        const numbers = body.PhoneNumberSet;
        const params = body.TemplateParamSet;
        if (!Array.isArray(numbers) || numbers.length !== 1 || typeof numbers[0] !== 'string') {
          return apiError('InvalidParameterValue.IncorrectPhoneNumber', 'PhoneNumberSet must hold one E.164 number here.');
        }
        if (body.SmsSdkAppId !== smsSdkAppId) return apiError('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId 不存在。');
        if (body.TemplateId !== templateId) return apiError('FailedOperation.TemplateIncorrectOrUnapproved', '模板未审批或内容不匹配。');
        if (typeof body.SignName !== 'string' || body.SignName === '') {
          return apiError('FailedOperation.SignatureIncorrectOrUnapproved', '签名未审批或格式错误。');
        }
        if (!Array.isArray(params) || params.length !== 1 || typeof params[0] !== 'string') {
          return apiError('InvalidParameterValue.TemplateParameterFormatError', '模板参数格式错误。');
        }
        const to = numbers[0];
        const sessionContext = typeof body.SessionContext === 'string' ? body.SessionContext : '';
        if (!/^\+[1-9]\d{6,14}$/.test(to)) {
          return sendStatus({ SerialNo: '', PhoneNumber: to, Fee: 0, SessionContext: sessionContext, Code: FAILED_NUMBER.permanent[0], Message: FAILED_NUMBER.permanent[1], IsoCode: '' });
        }

        const behaviour = state.behaviourFor(to);
        if (behaviour === 'hang') return 'hang';
        if (behaviour === 'serverError') return { status: 500, body: 'Internal Server Error' };
        if (behaviour !== 'success') {
          const [code, message] = FAILED_NUMBER[behaviour];
          return sendStatus({ SerialNo: '', PhoneNumber: to, Fee: 0, SessionContext: sessionContext, Code: code, Message: message, IsoCode: 'CN' });
        }
        const serialNo = `2645:${randomHex(12)}`;
        state.received.push({ id: serialNo, to, text: params[0] as string, signature: body.SignName, reference: sessionContext || null });
        return sendStatus({
          SerialNo: serialNo,
          PhoneNumber: to,
          Fee: billedSegments(body.SignName, params[0] as string),
          SessionContext: sessionContext,
          Code: 'Ok',
          Message: 'send success',
          IsoCode: to.startsWith('+86') ? 'CN' : 'XX',
        });
      },
    },
    options.port,
  );
}
