/** What the retention screens may ask, as zod schemas checked at the API's door. Plain zod, no Node imports. */
import { z } from 'zod';
import { businessDate, id, idempotencyKey, text } from '../ledger/commands.ts';
import { MAX_MINOR } from '../ledger/money.ts';
import { CALL_OUTCOMES } from '../ledger/vocabulary.ts';
import { LAPSED_RANKINGS, SEGMENTS } from './types.ts';

const page = { offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(500).default(50) };
const memberIds = z.array(id).min(1).max(5000);

export const lapsedQuery = z.object({
  /** Defaults to today. */
  asOfDate: businessDate.optional(),
  /** Filters: at least this many days absent (beyond the lapsed rule itself). */
  minDaysAbsent: z.number().int().min(0).max(36500).optional(),
  /** At least this much monthly spend while active. */
  minMonthlySpendMinor: z.number().int().min(0).max(MAX_MINOR).optional(),
  tierId: id.optional(),
  segment: z.enum(SEGMENTS).optional(),
  neverContacted: z.boolean().default(false),
  hasBalance: z.boolean().default(false),
  rankBy: z.enum(LAPSED_RANKINGS).default('value_at_risk'),
  ...page,
});
export type LapsedQuery = z.input<typeof lapsedQuery>;

export const segmentSummaryQuery = z.object({ asOfDate: businessDate.optional() });
export const segmentMembersQuery = z.object({ segment: z.enum(SEGMENTS), asOfDate: businessDate.optional(), ...page });
export const memberOutlookQuery = z.object({ memberId: id, asOfDate: businessDate.optional() });
export const fitModel = z.object({ asOfDate: businessDate.optional() });

const campaignMessage = {
  memberIds,
  template: text(500).pipe(z.string().min(1)),
  offer: text(100).default(''),
  offerExpiry: businessDate.nullish(),
};
export const campaignPreview = z.object(campaignMessage);
export const campaignSend = z.object({ idempotencyKey, staffId: id, name: text(60).default(''), ...campaignMessage });
export type CampaignSend = z.input<typeof campaignSend>;
export const campaignMembers = z.object({ campaignId: id, asOfDate: businessDate.optional(), ...page });

export const callLog = z.object({
  idempotencyKey,
  staffId: id,
  memberId: id,
  outcome: z.enum(CALL_OUTCOMES),
  feedback: text(500).default(''),
  campaignId: id.nullish(),
});
export type CallLog = z.input<typeof callLog>;

export const birthdaysUpcoming = z.object({ days: z.number().int().min(1).max(366).default(7), asOfDate: businessDate.optional() });
export const birthdayGreet = z.object({
  idempotencyKey,
  staffId: id,
  memberIds,
  /** Defaults to the settings' gift. */
  giftPoints: z.number().int().min(0).max(1_000_000).optional(),
  giftBonusMinor: z.number().int().min(0).max(100_000_00).optional(),
  offer: text(100).default(''),
});
export type BirthdayGreet = z.input<typeof birthdayGreet>;
