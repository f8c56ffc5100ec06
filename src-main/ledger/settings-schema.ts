/**
 * Shop settings: their shape, limits and defaults. Plain zod with no Node imports, so the settings
 * screen validates with exactly the rules the ledger applies.
 */
import { z } from 'zod';

export const PAPER_WIDTHS = ['58', '80'] as const;
/** Where receipts go: nowhere, a thermal printer on the network (raw TCP) or a device file (USB/serial), or the system's printer. */
export const PRINTER_CONNECTIONS = ['none', 'network', 'device', 'system'] as const;
export const RECEIPT_QR = ['member', 'bill', 'none'] as const;
/** The e-bill SMS events, each with its own template. */
export const EBILL_EVENTS = ['sale', 'refund', 'topup', 'topupRefund'] as const;

const ebillTemplate = z.string().trim().min(1).max(300);
const ebillTemplates = z.object({ sale: ebillTemplate, refund: ebillTemplate, topup: ebillTemplate, topupRefund: ebillTemplate });

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
  /** E-bill SMS after each checkout, top-up and refund, to members who consented to them. */
  ebills: z.object({
    enabled: z.boolean(),
    /** One template per event in each language; the messaging language picks the set. */
    templates: z.object({ 'zh-CN': ebillTemplates, en: ebillTemplates }),
  }),
  /** This till's receipt printer. */
  printing: z.object({
    connection: z.enum(PRINTER_CONNECTIONS),
    /** Network printer (raw TCP, usually port 9100). */
    host: z.string().trim().max(253),
    port: z.number().int().min(1).max(65_535),
    /** USB/serial printer the system exposes as a device: /dev/usb/lp0, /dev/ttyUSB0, COM3. */
    devicePath: z.string().trim().max(200),
    /** System printer by name ('' = the default one); silent skips the print dialog (desktop app). */
    systemPrinterName: z.string().trim().max(200),
    systemSilent: z.boolean(),
    paperWidth: z.enum(PAPER_WIDTHS),
    /** Print the receipt as soon as a sale, top-up or refund is committed. */
    autoPrint: z.boolean(),
    openDrawerOnCash: z.boolean(),
    qrCode: z.enum(RECEIPT_QR),
    /** Lines under the shop name (address, phone) and at the bottom ("thank you"). */
    headerText: z.string().max(300),
    footerText: z.string().max(300),
  }),
  /** Staff rules (Back office → Staff): what a cashier may do without the owner's PIN. */
  staffRules: z.object({
    /** A bill or top-up refund above this (minor units) needs the owner's PIN; 0: every refund does. */
    refundLimitMinor: z.number().int().min(0).max(100_000_000),
  }),
  /** Backups (Back office → Backups): where they go ('' = <data dir>/backups) and the automatic daily one. */
  backups: z.object({
    folder: z.string().trim().max(1000),
    /** One automatic backup after the first start each day. */
    daily: z.boolean(),
    /** How many automatic backups are kept (the oldest go); manual ones are never removed. */
    keep: z.number().int().min(1).max(365),
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
  // Default texts fit one SMS with a short signature where the numbers allow (70 characters in Chinese).
  ebills: {
    enabled: true,
    templates: {
      'zh-CN': {
        sale: '{time}消费{amount}({paid})，余额{balance}，积分+{pointsEarned}共{points}，单号{billNo}',
        refund: '{time}退款{amount}({paid})，余额{balance}，积分共{points}，单号{billNo}',
        topup: '{time}充值{amount}赠{bonus}({paid})，储值余额{balance}',
        topupRefund: '{time}充值退款{amount}({paid})，储值余额{balance}',
      },
      en: {
        sale: '{time}: paid {amount} by {paid}, bill {billNo}. Balance {balance}, points +{pointsEarned} ({points} in all).',
        refund: '{time}: refunded {amount} to {paid}, bill {billNo}. Balance {balance}, points {points}.',
        topup: '{time}: topped up {amount} + {bonus} bonus by {paid}. Balance {balance}.',
        topupRefund: '{time}: top-up refund {amount} to {paid}. Balance {balance}.',
      },
    },
  },
  printing: {
    connection: 'none',
    host: '',
    port: 9100,
    devicePath: '',
    systemPrinterName: '',
    systemSilent: false,
    paperWidth: '80',
    autoPrint: true,
    openDrawerOnCash: true,
    qrCode: 'member',
    headerText: '',
    footerText: '谢谢惠顾，欢迎再来',
  },
  staffRules: { refundLimitMinor: 10_000 },
  backups: { folder: '', daily: true, keep: 7 },
};

/** The message texts for a shop that writes to its members in English (Settings → Messages offers them). */
export const ENGLISH_MESSAGING_TEXTS: Pick<Settings['messaging'], 'language' | 'optOutText' | 'winbackTemplate' | 'birthdayTemplate'> = {
  language: 'en',
  optOutText: 'Reply STOP to opt out',
  winbackTemplate: 'Hi {name}, we miss you at {shop}! You still have {balance} and {points} points. {offer}',
  birthdayTemplate: 'Happy birthday, {name}! Everyone at {shop} wishes you a great day. {offer}',
};
