import { afterEach, describe, expect, it } from 'vitest';
import { makeProvider } from '../../../src-main/sms/providers/index.ts';
import { classifyTencentCode, classifyTencentError } from '../../../src-main/sms/providers/tencent.ts';
import { startTencentFake } from '../fakes/tencent.ts';
import type { FakeProvider } from '../fakes/index.ts';
import { describeProviderContract, sms, TIMEOUT_MS } from './provider-contract.ts';

describeProviderContract('tencent', {
  // Fee: 73 characters with 【常客小店】 → 2 billed segments; Tencent reports no price.
  cost: { micros: null, currency: null, billedSegments: 2 },
  codes: {
    auth: 'Tencent Cloud AuthFailure.SignatureFailure',
    permanent: 'Tencent Cloud InvalidParameterValue.IncorrectPhoneNumber',
    unsubscribed: 'Tencent Cloud FailedOperation.PhoneNumberInBlacklist',
    throttled: 'Tencent Cloud LimitExceeded.PhoneNumberThirtySecondLimit',
    serverError: 'Tencent Cloud HTTP 500',
  },
});

describe('Tencent specifics', () => {
  let fake: FakeProvider | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it('is refused as an unknown SecretId when the id is wrong', async () => {
    fake = await startTencentFake();
    const config = { ...fake.config, secretId: 'AKID-not-ours' };
    const outcome = await makeProvider(config, fake.secrets, { timeoutMs: TIMEOUT_MS }).send(sms());
    expect(outcome).toEqual({ status: 'rejected', optedOut: false, error: expect.stringContaining('AuthFailure.SecretIdNotFound') });
  });

  it('is refused when the template is not the approved one', async () => {
    fake = await startTencentFake();
    const config = { ...fake.config, templateId: '999' };
    const outcome = await makeProvider(config, fake.secrets, { timeoutMs: TIMEOUT_MS }).send(sms());
    expect(outcome).toEqual({ status: 'rejected', optedOut: false, error: expect.stringContaining('FailedOperation.TemplateIncorrectOrUnapproved') });
  });

  it('retries the marketing time window, an empty package and API-level rate limits', () => {
    expect(classifyTencentCode('FailedOperation.MarketingSendTimeConstraint', '营销短信发送时间限制').status).toBe('retry');
    expect(classifyTencentCode('FailedOperation.InsufficientBalanceInSmsPackage', '套餐包余量不足').status).toBe('retry');
    expect(classifyTencentCode('RequestLimitExceeded', '请求的次数超过了频率限制').status).toBe('retry');
    expect(classifyTencentCode('InternalError.Timeout', '请求下发短信超时').status).toBe('retry');
    expect(classifyTencentCode('FailedOperation.ContainSensitiveWord', '含有敏感词').status).toBe('rejected');
  });

  it('reads a Node network error code as the network, not as a Tencent error code', () => {
    const err = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(classifyTencentError(err)).toEqual({ status: 'retry', error: 'Tencent Cloud: network error: read ECONNRESET' });
  });
});
