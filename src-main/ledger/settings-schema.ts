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
  /** When a member counts as lapsed, and when a contacted one counts as won back. */
  retention: z.object({
    /** Never lapsed before this many days without a visit, however often they used to come. */
    minDaysAbsent: z.number().int().min(1).max(3650),
    /** …and only when absent longer than this many times their own usual interval between visits. */
    intervalMultiple: z.number().min(1).max(20),
    /** Members with fewer visit days have no usual interval yet and are not listed as lapsed. */
    minVisitDays: z.number().int().min(2).max(100),
    /** A contacted member who visits within this many days counts as won back. */
    wonBackDays: z.number().int().min(1).max(365),
  }),
  /** Marketing SMS: sender signature, quiet hours (shop local time, HH:mm) and the opt-out line. */
  messaging: z.object({
    /**
     * The language members' messages are written in: money and dates in templates, the test message,
     * ledger reasons of gifts. Separate from the screen language, which a cashier may switch for
     * themselves without changing what members receive.
     */
    language: z.enum(LOCALES),
    /** 【signature】 the carrier shows; empty = the shop name. */
    signature: z.string().trim().max(20),
    quietHoursStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    quietHoursEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    /** Appended to every marketing message (the law in China and elsewhere). */
    optOutText: z.string().trim().min(1).max(30),
    winbackTemplate: z.string().trim().min(1).max(500),
    birthdayTemplate: z.string().trim().min(1).max(500),
    /** Greet members on their birthday automatically (when the app is running that day). */
    birthdayAutoGreet: z.boolean(),
    birthdayGiftPoints: z.number().int().min(0).max(1_000_000),
    birthdayGiftBonusMinor: z.number().int().min(0).max(100_000_00),
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
  // A weekly regular absent 4 weeks is lapsed (max(21, 3 × 7) = 21 days); a monthly one absent 5 weeks
  // is not (max(21, 3 × 30) = 90 days).
  retention: { minDaysAbsent: 21, intervalMultiple: 3, minVisitDays: 2, wonBackDays: 30 },
  messaging: {
    language: 'zh-CN',
    signature: '',
    quietHoursStart: '21:00',
    quietHoursEnd: '09:00',
    optOutText: '回T退订',
    // No {offer}/{expiry} in the middle of a sentence: with no offer typed, the text still reads well.
    winbackTemplate: '{name}，好久不见！您在{shop}还有余额{balance}、积分{points}，期待您再来。{offer}',
    birthdayTemplate: '{name}，生日快乐！{shop}祝您生日开心。{offer}',
    birthdayAutoGreet: false,
    birthdayGiftPoints: 0,
    birthdayGiftBonusMinor: 0,
  },
};

/** The message texts for a shop that writes to its members in English (Settings → Messages offers them). */
export const ENGLISH_MESSAGING_TEXTS: Pick<Settings['messaging'], 'language' | 'optOutText' | 'winbackTemplate' | 'birthdayTemplate'> = {
  language: 'en',
  optOutText: 'Reply STOP to opt out',
  winbackTemplate: 'Hi {name}, we miss you at {shop}! You still have {balance} and {points} points. {offer}',
  birthdayTemplate: 'Happy birthday, {name}! Everyone at {shop} wishes you a great day. {offer}',
};
