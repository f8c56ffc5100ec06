/**
 * The SMS provider form, read off the providers' config schemas: each provider's fields in schema
 * order, which are required, their defaults and choices, the secrets it needs — and the check that
 * turns what the owner typed into a config (or the fields that are wrong). Pure, no DOM.
 */
import { z } from 'zod';
import {
  aliyunConfigSchema,
  PROVIDER_SECRETS,
  smsProviderConfigSchema,
  tencentConfigSchema,
  twilioConfigSchema,
  webhookConfigSchema,
  type SmsProviderConfig,
} from '../../../src-main/sms/providers/config.ts';
import type { ProviderKind } from '../../../src-main/sms/providers/types.ts';

export const PROVIDER_KINDS = ['twilio', 'aliyun', 'tencent', 'webhook'] as const satisfies readonly ProviderKind[];
/** What the owner picks: a provider, or none (messages wait in the outbox). */
export type ProviderChoice = ProviderKind | 'none';
export const PROVIDER_CHOICES: readonly ProviderChoice[] = ['none', ...PROVIDER_KINDS];

const SCHEMAS = {
  twilio: twilioConfigSchema,
  aliyun: aliyunConfigSchema,
  tencent: tencentConfigSchema,
  webhook: webhookConfigSchema,
} as const satisfies Record<ProviderKind, z.ZodObject>;

export interface ProviderField {
  name: string;
  /** Filled in when left empty. */
  defaultValue: string | null;
  /** A fixed set of answers (e.g. https / http), else free text. */
  options: readonly string[] | null;
}

export function fieldsOf(kind: ProviderKind): ProviderField[] {
  const shape: Record<string, z.ZodType> = SCHEMAS[kind].shape;
  return Object.entries(shape)
    .filter(([name]) => name !== 'kind')
    .map(([name, schema]) => {
      const fallback = schema.safeParse(undefined);
      const inner = schema instanceof z.ZodDefault ? schema.unwrap() : schema;
      return {
        name,
        defaultValue: fallback.success ? String(fallback.data) : null,
        options: inner instanceof z.ZodEnum ? (inner.options as string[]) : null,
      };
    });
}

export function secretsOf(kind: ProviderKind): readonly string[] {
  return PROVIDER_SECRETS[kind];
}

/** What the owner typed for each provider (kept per provider, so trying another one loses nothing). */
export type ProviderValues = Record<ProviderKind, Record<string, string>>;

export function valuesFrom(config: SmsProviderConfig | null): ProviderValues {
  const values = {} as ProviderValues;
  for (const kind of PROVIDER_KINDS) {
    const saved: Record<string, unknown> = config?.kind === kind ? config : {};
    values[kind] = Object.fromEntries(fieldsOf(kind).map((field) => [field.name, String(saved[field.name] ?? field.defaultValue ?? '')]));
  }
  return values;
}

export type ConfigCheck = { ok: true; config: SmsProviderConfig } | { ok: false; badFields: string[] };

/** The config to save for this provider; an empty field with a default takes the default. */
export function checkConfig(kind: ProviderKind, typed: Record<string, string>): ConfigCheck {
  const input: Record<string, string> = { kind };
  for (const field of fieldsOf(kind)) {
    const value = (typed[field.name] ?? '').trim();
    if (value !== '' || field.defaultValue === null) input[field.name] = value;
  }
  const parsed = smsProviderConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const order = fieldsOf(kind).map((f) => f.name);
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')));
  return { ok: false, badFields: order.filter((name) => bad.has(name)) };
}
