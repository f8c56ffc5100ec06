/** What the outbox screen may ask, as zod schemas checked at the API's door. Plain zod, no Node imports. */
import { z } from 'zod';
import { id } from '../ledger/commands.ts';
import { SMS_STATUSES } from '../ledger/vocabulary.ts';
import { smsProviderConfigSchema } from './providers/config.ts';


export const outboxQuery = z.object({
  status: z.enum(SMS_STATUSES).optional(),
  campaignId: id.optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export const outboxRetry = z.object({ messageIds: z.array(id).min(1).max(5000) });
export const segmentsOf = z.object({ text: z.string().max(2000) });

/** The provider's settings, and its secrets (write-only: a missing or blank one keeps what is stored). */
export const providerUpdate = z.object({
  config: smsProviderConfigSchema.nullable(),
  // Real provider secrets are 30+ characters; a short one is a typo (and too short to scrub from logs).
  secrets: z
    .record(z.string().max(40), z.string().trim().max(500).refine((s) => s === '' || s.length >= 8, { message: 'at least 8 characters' }))
    .default({}),
});

export const testMessage = z.object({ phone: z.string().trim().min(1).max(32) });
