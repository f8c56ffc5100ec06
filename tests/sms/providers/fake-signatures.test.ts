/**
 * The fakes' signature checks against the worked examples in the providers' own documentation, so a
 * fake accepting the SDK's requests means the SDK signs as documented (not merely as the fake does).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { acs3CanonicalQuery, acs3Signature } from '../fakes/aliyun.ts';
import { tc3CanonicalRequest, tc3Signature } from '../fakes/tencent.ts';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

describe('documented signature examples', () => {
  it('Aliyun V3 (ACS3-HMAC-SHA256): the RunInstances example signed with YourAccessKeySecret', () => {
    const headers = {
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-content-sha256': sha256Hex(''),
      'x-acs-date': '2023-10-26T09:01:01Z',
      'x-acs-signature-nonce': 'd410180a5abf7fe235dd9b74aca91fc0',
      'x-acs-version': '2014-05-26',
    };
    expect(
      acs3Signature({
        method: 'POST',
        path: '/',
        rawQuery: 'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        headers,
        signedHeaders: Object.keys(headers).sort(),
        payloadHash: sha256Hex(''),
        accessKeySecret: 'YourAccessKeySecret',
      }),
    ).toBe('e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804');
  });

  it('Aliyun V3 canonical query: sorted, RFC 3986 (space %20, * %2A, ~ kept, + as %2B)', () => {
    expect(acs3CanonicalQuery('b=a%20b*c~&a=x+y&c=%E4%BD%A0')).toBe('a=x%2By&b=a%20b%2Ac~&c=%E4%BD%A0');
  });

  it('Tencent TC3-HMAC-SHA256: the DescribeInstances example', () => {
    const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
    expect(sha256Hex(payload)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    const canonical = tc3CanonicalRequest({
      method: 'POST',
      rawQuery: '',
      headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' },
      signedHeaders: ['content-type', 'host'],
      payload,
    });
    expect(sha256Hex(canonical)).toBe('5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    expect(tc3Signature('Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', 1551113065, 'cvm', canonical)).toBe(
      '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });
});
