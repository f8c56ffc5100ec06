import { describe, expect, it } from 'vitest';
import { parseProviderConfig } from '../../../src-main/sms/providers/config.ts';
import { makeProvider } from '../../../src-main/sms/providers/index.ts';

const accountSid = `AC${'0123456789abcdef'.repeat(2)}`;

function refusal(input: unknown): string {
  try {
    parseProviderConfig(input);
  } catch (err) {
    return String(err);
  }
  throw new Error('config was accepted');
}

describe('provider settings', () => {
  it('fills in the documented defaults', () => {
    expect(parseProviderConfig({ kind: 'twilio', accountSid, from: '+15005550006' })).toEqual({
      kind: 'twilio',
      baseUrl: 'https://api.twilio.com',
      accountSid,
      from: '+15005550006',
    });
    expect(parseProviderConfig({ kind: 'aliyun', accessKeyId: 'LTAI5t', templateCode: 'SMS_1' })).toEqual({
      kind: 'aliyun',
      endpoint: 'dysmsapi.aliyuncs.com',
      protocol: 'https',
      regionId: 'cn-hangzhou',
      accessKeyId: 'LTAI5t',
      templateCode: 'SMS_1',
      templateParamName: 'content',
    });
    expect(parseProviderConfig({ kind: 'tencent', secretId: 'AKID1', smsSdkAppId: '1400006666', templateId: '1110' })).toEqual({
      kind: 'tencent',
      endpoint: 'sms.tencentcloudapi.com',
      protocol: 'https',
      region: 'ap-guangzhou',
      secretId: 'AKID1',
      smsSdkAppId: '1400006666',
      templateId: '1110',
    });
  });

  it.each([
    ['twilio', { kind: 'twilio', baseUrl: 'http://api.twilio.com', accountSid, from: '+15005550006' }],
    ['twilio on a LAN address', { kind: 'twilio', baseUrl: 'http://192.168.1.10:8080', accountSid, from: '+15005550006' }],
    ['webhook', { kind: 'webhook', url: 'http://sms-gateway.example.com/hook' }],
    ['aliyun', { kind: 'aliyun', endpoint: 'dysmsapi.aliyuncs.com', protocol: 'http', accessKeyId: 'LTAI5t', templateCode: 'SMS_1' }],
    ['tencent', { kind: 'tencent', endpoint: 'sms.tencentcloudapi.com', protocol: 'http', secretId: 'A', smsSdkAppId: '1', templateId: '2' }],
  ])('refuses plain http to a host that is not this machine (%s)', (_name, input) => {
    expect(refusal(input)).toContain('must use https');
  });

  it.each(['http://127.0.0.1:9000/hook', 'http://localhost:9000/hook', 'http://[::1]:9000/hook', 'https://sms-gateway.example.com/hook'])(
    'accepts %s',
    (url) => {
      expect(parseProviderConfig({ kind: 'webhook', url })).toEqual({ kind: 'webhook', url });
    },
  );

  it('accepts http to a loopback endpoint for the SDK providers', () => {
    expect(parseProviderConfig({ kind: 'aliyun', endpoint: '127.0.0.1:8001', protocol: 'http', accessKeyId: 'A', templateCode: 'T' })).toMatchObject({
      endpoint: '127.0.0.1:8001',
      protocol: 'http',
    });
    expect(parseProviderConfig({ kind: 'tencent', endpoint: 'localhost:8002', protocol: 'http', secretId: 'A', smsSdkAppId: '1', templateId: '2' })).toMatchObject({
      endpoint: 'localhost:8002',
    });
  });

  it('refuses credentials in a URL, endpoints with a path, and a Tencent host that would sign for another service', () => {
    expect(refusal({ kind: 'webhook', url: 'https://user:pass@gateway.example.com/hook' })).toContain('must not carry credentials');
    expect(refusal({ kind: 'aliyun', endpoint: 'dysmsapi.aliyuncs.com/x', accessKeyId: 'A', templateCode: 'T' })).toContain('host name');
    expect(refusal({ kind: 'tencent', endpoint: 'proxy.example.com', secretId: 'A', smsSdkAppId: '1', templateId: '2' })).toContain('sms.* host');
    expect(refusal({ kind: 'twilio', accountSid: 'AC123', from: '+15005550006' })).toContain('AC followed by 32 hex digits');
  });

  it('makeProvider names a missing secret without echoing any value', () => {
    expect(() => makeProvider({ kind: 'twilio', accountSid, from: '+15005550006' }, { authToken: '' })).toThrow(
      'SMS provider twilio: missing secret authToken',
    );
    expect(() => makeProvider({ kind: 'webhook', url: 'https://gateway.example.com/hook' }, { other: 'x' })).toThrow('missing secret signingSecret');
    expect(() => makeProvider({ kind: 'webhook', url: 'https://gateway.example.com/hook' }, { signingSecret: 'short' })).toThrow(
      'SMS provider webhook: secret signingSecret is shorter than 8 characters',
    );
  });
});
