/**
 * What a caller may ask of the ledger, as zod schemas: the API checks every request against these at
 * the door, and forms in the renderer use the same rules. Shapes only; business rules (enough balance,
 * refund not above the sale) are checked by the use cases inside their transaction.
 * Plain zod, no Node imports.
 */
import { z } from 'zod';
import { MAX_MINOR } from './money.ts';
import { CONSENT_KINDS } from './vocabulary.ts';
import { settingsPatchSchema } from './settings-schema.ts';

export const id = z.string().min(1).max(64);
/** Free text that a person typed: trimmed, bounded, no control characters (emoji and CJK are fine). */
export const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: 'control characters' });
const requiredText = (max: number) => text(max, 1);

/** A positive amount of money in minor units. */
export const amount = z.number().int().min(1).max(MAX_MINOR);
export const amountOrZero = z.number().int().min(0).max(MAX_MINOR);
const signedAmount = z.number().int().min(-MAX_MINOR).max(MAX_MINOR);
const pointsDelta = z.number().int().min(-100_000_000).max(100_000_000);

/** Made by the caller once per intended action (e.g. when the Pay screen opens) and reused on retry. */
export const idempotencyKey = z.string().min(8).max(100).regex(/^[A-Za-z0-9_.:-]+$/);

const staffId = id;

export const tenderMethod = z.enum(['stored_value', 'points', 'cash', 'card', 'wechat', 'alipay']);
export const externalMethod = z.enum(['cash', 'card', 'wechat', 'alipay']);

export const memberCreate = z.object({
  staffId,
  phone: requiredText(32),
  name: requiredText(40),
  birthMonth: z.number().int().min(1).max(12).nullish(),
  birthDay: z.number().int().min(1).max(31).nullish(),
  birthYear: z.number().int().min(1900).max(2100).nullish(),
  gender: z.enum(['female', 'male', 'other']).nullish(),
  tierId: id.nullish(),
  tags: z.array(requiredText(20)).max(20).default([]),
  note: text(500).default(''),
  smsBillConsent: z.boolean().default(false),
  smsMarketingConsent: z.boolean().default(false),
  referredById: id.nullish(),
  /** Set by imports and the demo; new members get the next free number. */
  code: z.string().regex(/^[0-9A-Za-z]{4,20}$/).optional(),
});
export type MemberCreate = z.input<typeof memberCreate>;

export const memberUpdate = memberCreate.omit({ code: true, staffId: true }).partial().extend({ memberId: id, staffId });
export type MemberUpdate = z.input<typeof memberUpdate>;

export const memberSearch = z.object({
  query: z.string().trim().max(60),
  limit: z.number().int().min(1).max(200).default(20),
  includeArchived: z.boolean().default(false),
});

export const memberRef = z.object({ memberId: id });

/** Consent changed by staff (on the member's word); each change is kept as a consent event. */
export const consentSet = z.object({
  staffId,
  memberId: id,
  kind: z.enum(CONSENT_KINDS),
  granted: z.boolean(),
  note: text(200).default(''),
});
export type ConsentSet = z.input<typeof consentSet>;
export const memberHistory = z.object({ memberId: id, limit: z.number().int().min(1).max(1000).default(200) });
export const memberArchive = z.object({ memberId: id, staffId });

const cartLine = z.union([
  z.object({ productId: id, quantity: z.number().int().min(1).max(9999).default(1) }),
  z.object({ name: requiredText(40), amountMinor: amount, quantity: z.number().int().min(1).max(9999).default(1) }),
]);

const tender = z.object({
  method: tenderMethod,
  amountMinor: amount,
  /** Cash only: what the customer handed over. */
  tenderedMinor: amount.optional(),
});

const payments = z
  .array(tender)
  .max(6)
  .refine((ps) => new Set(ps.map((p) => p.method)).size === ps.length, { message: 'one payment per method' });

export const checkoutQuote = z.object({
  memberId: id.nullish(),
  lines: z.array(cartLine).min(1).max(200),
  /** Optional: the payments entered so far, to see their outcome before committing. */
  payments: payments.optional(),
});
export type CheckoutQuoteInput = z.input<typeof checkoutQuote>;

export const checkoutCommit = checkoutQuote.extend({
  idempotencyKey,
  staffId,
  payments,
  note: text(200).default(''),
});
export type CheckoutCommit = z.input<typeof checkoutCommit>;

export const refundRequest = z.object({
  billId: id,
  /** Which lines and how many of each; omitted means everything not yet refunded. */
  lines: z
    .array(z.object({ lineId: id, quantity: z.number().int().min(1).max(9999) }))
    .min(1)
    .max(200)
    .optional(),
});
export type RefundRequest = z.input<typeof refundRequest>;

export const refundCommit = refundRequest.extend({ idempotencyKey, staffId, reason: text(200).default('') });
export type RefundCommit = z.input<typeof refundCommit>;

export const billRef = z.object({ billId: id });
/** A business day as the ledger names it: the shop's local YYYY-MM-DD. */
export const businessDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const billList = z.object({
  businessDate,
  limit: z.number().int().min(1).max(2000).default(500),
});
export const daySummary = z.object({ businessDate });

export const topupQuote = z.object({ principalMinor: amount });
export const topupCommit = z.object({
  idempotencyKey,
  staffId,
  memberId: id,
  principalMinor: amount,
  method: externalMethod,
  note: text(200).default(''),
});
export type TopupCommit = z.input<typeof topupCommit>;

export const topupRefundRequest = z.object({
  topupId: id,
  /** Principal to return; omitted means as much as can be returned. */
  principalMinor: amount.optional(),
  method: externalMethod.optional(),
});
export const topupRefundCommit = topupRefundRequest.extend({ idempotencyKey, staffId, reason: text(200).default('') });
export type TopupRefundCommit = z.input<typeof topupRefundCommit>;

export const walletAdjust = z.object({
  idempotencyKey,
  staffId,
  memberId: id,
  principalDeltaMinor: signedAmount.default(0),
  bonusDeltaMinor: signedAmount.default(0),
  reason: requiredText(200),
});
export type WalletAdjust = z.input<typeof walletAdjust>;

export const pointsAdjust = z.object({
  idempotencyKey,
  staffId,
  memberId: id,
  delta: pointsDelta,
  reason: requiredText(200),
});
export type PointsAdjust = z.input<typeof pointsAdjust>;

export const productUpsert = z.object({
  id: id.optional(),
  name: requiredText(40),
  barcode: z.string().trim().regex(/^[0-9A-Za-z-]{1,32}$/).nullish(),
  priceMinor: amountOrZero,
  category: text(30).default(''),
  active: z.boolean().default(true),
});
export type ProductUpsert = z.input<typeof productUpsert>;

export const productList = z.object({ includeInactive: z.boolean().default(false), query: z.string().trim().max(40).default('') });
export const productByBarcode = z.object({ barcode: z.string().trim().min(1).max(32) });

export const tierUpsert = z.object({
  id: id.optional(),
  name: requiredText(20),
  discountBp: z.number().int().min(0).max(10_000),
  pointsPerUnit: z.number().int().min(0).max(10_000),
  sortOrder: z.number().int().min(0).max(1000).default(0),
});
export type TierUpsert = z.input<typeof tierUpsert>;

export const bonusRuleUpsert = z.object({
  id: id.optional(),
  minPrincipalMinor: amount,
  bonusMinor: amountOrZero,
  active: z.boolean().default(true),
});
export type BonusRuleUpsert = z.input<typeof bonusRuleUpsert>;

export const settingsUpdate = settingsPatchSchema;
export const empty = z.object({}).default({});
