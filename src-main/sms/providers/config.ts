/**
 * Each provider's non-secret settings (what the settings screen stores in the clear) and the names of
 * the secrets it needs (kept elsewhere, handed to makeProvider at run time).
 *
 * Security default: a provider is only ever reached over https, except on this machine (127.0.0.1,
 * localhost, ::1), where the tests and the end-to-end runs put their fake providers. Credentials and
 * members' phone numbers never cross a network in the clear.
 */
import { z } from 'zod';
import type { ProviderKind } from './types.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/** `host` or `host:port` (an API endpoint as the Aliyun and Tencent SDKs take it), or null when it is anything more. */
export function parseEndpoint(endpoint: string): { hostname: string; port: number | null } | null {
  if (endpoint === '' || /[/?#@\s\\]/.test(endpoint)) return null;
  let url: URL;
  try {
    url = new URL(`http://${endpoint}`);
  } catch {
    return null;
  }
  return { hostname: url.hostname, port: url.port === '' ? null : Number(url.port) };
}

const HTTPS_ONLY = 'must use https (plain http is allowed only to 127.0.0.1, localhost or ::1)';

const secureUrl = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not a URL' });
      return;
    }
    if (url.username !== '' || url.password !== '') {
      ctx.addIssue({ code: 'custom', message: 'must not carry credentials (they belong in the secrets)' });
    } else if (url.protocol === 'http:' ? !isLoopbackHost(url.hostname) : url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: HTTPS_ONLY });
    }
  });

const endpoint = z
  .string()
  .trim()
  .refine((text) => parseEndpoint(text) !== null, { message: 'must be a host name with an optional :port' });

const protocol = z.enum(['https', 'http']).default('https');

function requireHttpsUnlessLoopback(
  config: { protocol: 'https' | 'http'; endpoint: string },
  ctx: z.RefinementCtx,
): void {
  const parsed = parseEndpoint(config.endpoint);
  if (config.protocol === 'http' && parsed && !isLoopbackHost(parsed.hostname)) {
    ctx.addIssue({ code: 'custom', path: ['protocol'], message: HTTPS_ONLY });
  }
}

/** Twilio's sender: a phone number, a Messaging Service SID (MG…), or an alphanumeric sender ID. */
function isTwilioSender(from: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(from) || /^MG[0-9a-fA-F]{32}$/.test(from) || /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/.test(from);
}

export const twilioConfigSchema = z.object({
  kind: z.literal('twilio'),
  baseUrl: secureUrl.default('https://api.twilio.com'),
  accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, { message: 'must be AC followed by 32 hex digits' }),
  from: z
    .string()
    .trim()
    .refine(isTwilioSender, { message: 'must be an E.164 number, a Messaging Service SID (MG…) or an alphanumeric sender ID' }),
});

export const aliyunConfigSchema = z
  .object({
    kind: z.literal('aliyun'),
    endpoint: endpoint.default('dysmsapi.aliyuncs.com'),
    protocol,
    regionId: z.string().trim().min(1).default('cn-hangzhou'),
    accessKeyId: z.string().trim().min(1),
    templateCode: z.string().trim().min(1),
    /** The template variable that carries our text: the owner registers a template such as `${content}`. */
    templateParamName: z
      .string()
      .trim()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'must be a template variable name such as content' })
      .default('content'),
  })
  .superRefine(requireHttpsUnlessLoopback);

export const tencentConfigSchema = z
  .object({
    kind: z.literal('tencent'),
    endpoint: endpoint.default('sms.tencentcloudapi.com'),
    protocol,
    region: z.string().trim().min(1).default('ap-guangzhou'),
    secretId: z.string().trim().min(1),
    smsSdkAppId: z.string().trim().regex(/^\d+$/, { message: 'must be the numeric SdkAppId, e.g. 1400006666' }),
    templateId: z.string().trim().regex(/^\d+$/, { message: 'must be the numeric template ID' }),
  })
  .superRefine((config, ctx) => {
    requireHttpsUnlessLoopback(config, ctx);
    // TC3 signatures name the service after the endpoint's first label (sms.tencentcloudapi.com → sms),
    // so any other host would sign for the wrong service. Loopback hosts are handled by the adapter.
    const parsed = parseEndpoint(config.endpoint);
    if (parsed && !isLoopbackHost(parsed.hostname) && !parsed.hostname.toLowerCase().startsWith('sms.')) {
      ctx.addIssue({ code: 'custom', path: ['endpoint'], message: 'must be an sms.* host, e.g. sms.tencentcloudapi.com' });
    }
  });

export const webhookConfigSchema = z.object({
  kind: z.literal('webhook'),
  url: secureUrl,
});

export const smsProviderConfigSchema = z.discriminatedUnion('kind', [
  twilioConfigSchema,
  aliyunConfigSchema,
  tencentConfigSchema,
  webhookConfigSchema,
]);

/** Settings as stored (defaults optional). */
export type SmsProviderConfigInput = z.input<typeof smsProviderConfigSchema>;
/** Settings after parsing: defaults filled in, URLs checked. */
export type SmsProviderConfig = z.output<typeof smsProviderConfigSchema>;
export type TwilioConfig = z.output<typeof twilioConfigSchema>;
export type AliyunConfig = z.output<typeof aliyunConfigSchema>;
export type TencentConfig = z.output<typeof tencentConfigSchema>;
export type WebhookConfig = z.output<typeof webhookConfigSchema>;

/** The secrets each provider needs, by name (the values never go into settings, logs or error strings). */
export const PROVIDER_SECRETS = {
  twilio: ['authToken'],
  aliyun: ['accessKeySecret'],
  tencent: ['secretKey'],
  webhook: ['signingSecret'],
} as const satisfies Record<ProviderKind, readonly string[]>;

/** Throws a ZodError naming the offending field; never returns a config that would send in the clear. */
export function parseProviderConfig(input: unknown): SmsProviderConfig {
  return smsProviderConfigSchema.parse(input);
}
