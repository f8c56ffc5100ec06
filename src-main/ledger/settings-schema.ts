/**
 * Shop settings: their shape, limits and defaults. Plain zod with no Node imports, so the settings
 * screen validates with exactly the rules the ledger applies.
 */
import { z } from 'zod';

export const CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'GBP', 'SGD', 'MYR', 'JPY'] as const;
export const LOCALES = ['zh-CN', 'en'] as const;

// No .default() on the fields: a patch must contain only what the owner changed, or saving one
// setting would silently reset the others. Defaults live in DEFAULT_SETTINGS below.
const fields = {
  shopName: z.string().trim().min(1).max(60),
  currency: z.enum(CURRENCIES),
  locale: z.enum(LOCALES),
  /** How a stored-value spend draws on principal and bonus. */
  walletSpendOrder: z.enum(['proportional', 'principal_first', 'bonus_first']),
  /** Whether the part of a bill paid from stored value earns points (it was paid when topped up). */
  storedValueEarnsPoints: z.boolean(),
  pointsRedemption: z.object({
    enabled: z.boolean(),
    /** Points needed for one currency unit (100 minor units) of discount. */
    pointsPerUnit: z.number().int().min(1).max(100_000),
  }),
  /** What a bill refund does beyond returning the money; shown to the cashier before confirming. */
  refundPolicy: z.object({
    /** Take back the points the refunded part earned (never below zero: the rest is waived). */
    earnedPoints: z.enum(['reverse', 'keep']),
    /** Give back points that were redeemed on the refunded part. */
    redeemedPoints: z.enum(['restore', 'forfeit']),
    /** Return stored-value bonus that paid for the refunded part, or let it lapse. */
    bonus: z.enum(['return', 'forfeit']),
  }),
};

export const settingsSchema = z.object(fields);
export type Settings = z.infer<typeof settingsSchema>;
export type RefundPolicy = Settings['refundPolicy'];

export const settingsPatchSchema = z.object(fields).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  shopName: '常客小店',
  currency: 'CNY',
  locale: 'zh-CN',
  walletSpendOrder: 'proportional',
  storedValueEarnsPoints: false,
  pointsRedemption: { enabled: true, pointsPerUnit: 100 },
  refundPolicy: { earnedPoints: 'reverse', redeemedPoints: 'restore', bonus: 'return' },
};
