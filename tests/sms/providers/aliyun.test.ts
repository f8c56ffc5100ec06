import { afterEach, describe, expect, it } from 'vitest';
import { aliyunPhoneNumber, classifyAliyunCode } from '../../../src-main/sms/providers/aliyun.ts';
import { makeProvider } from '../../../src-main/sms/providers/index.ts';
import { startAliyunFake } from '../fakes/aliyun.ts';
import type { FakeProvider } from '../fakes/index.ts';
import { describeProviderContract, sms, TIMEOUT_MS } from './provider-contract.ts';

describeProviderContract('aliyun', {
  // SendSms reports no price or segment count.
  cost: null,
  codes: {
    auth: 'Aliyun SignatureDoesNotMatch (HTTP 400)',
    permanent: 'Aliyun isv.MOBILE_NUMBER_ILLEGAL',
    unsubscribed: 'Aliyun isv.CUSTOMER_REFUSED',
    throttled: 'Aliyun isv.BUSINESS_LIMIT_CONTROL',
    serverError: 'Aliyun InternalError (HTTP 500)',
  },
});

describe('Aliyun specifics', () => {
  let fake: FakeProvider | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it('fills the template variable the owner registered', async () => {
    fake = await startAliyunFake({ templateCode: 'SMS_12345', templateParamName: 'msg' });
    const outcome = await makeProvider(fake.config, fake.secrets, { timeoutMs: TIMEOUT_MS }).send(sms({ text: '周末见' }));
    expect(outcome.status).toBe('sent');
    expect(fake.received.map((r) => r.text)).toEqual(['周末见']);
  });

  it('is refused as an unknown AccessKey when the id is wrong', async () => {
    fake = await startAliyunFake();
    const config = { ...fake.config, accessKeyId: 'LTAI-not-ours' };
    const outcome = await makeProvider(config, fake.secrets, { timeoutMs: TIMEOUT_MS }).send(sms());
    expect(outcome).toEqual({ status: 'rejected', optedOut: false, error: expect.stringContaining('InvalidAccessKeyId.NotFound (HTTP 404)') });
  });

  it('passes mainland numbers as 11 digits and others with their country code', () => {
    expect(aliyunPhoneNumber('+8613812345678')).toBe('13812345678');
    expect(aliyunPhoneNumber('+85291234567')).toBe('85291234567');
  });

  it('retries flow control, daily caps and an empty balance; a blocked keyword is a plain rejection', () => {
    expect(classifyAliyunCode('isv.DAY_LIMIT_CONTROL', '触发日发送限额').status).toBe('retry');
    expect(classifyAliyunCode('isv.AMOUNT_NOT_ENOUGH', '账户余额不足').status).toBe('retry');
    expect(classifyAliyunCode('Throttling.User', 'Request was denied due to user flow control.').status).toBe('retry');
    expect(classifyAliyunCode('isv.BLACK_KEY_CONTROL_LIMIT', '黑名单管控')).toEqual({
      status: 'rejected',
      optedOut: false,
      error: 'Aliyun isv.BLACK_KEY_CONTROL_LIMIT: 黑名单管控',
    });
    expect(classifyAliyunCode('isv.SMS_TEMPLATE_ILLEGAL', '模板不合法').status).toBe('rejected');
  });
});
