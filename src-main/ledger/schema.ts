/**
 * The ledger schema: the one source of truth for the tables. `npm run db:generate` turns changes
 * here into a new SQL migration in migrations/ (append-only, never a drop of a table holding money).
 *
 * Conventions
 * - Money columns end in `Minor` / `_minor`: integer fen/cents. Points are integer points.
 * - Amounts on reversing records are signed: a refund bill has negative totals, lines and payments,
 *   so SUM over all bills is net sales and SUM over a member's wallet entries is their balance.
 * - Records that may later merge across tills carry a UUIDv7 `id` and the `till_id` that wrote them;
 *   human numbers (bill number, member code) are separate columns.
 * - Time is stored as ISO-8601 UTC text (sortable); `business_date` is the shop's local YYYY-MM-DD.
 */
import { sql } from 'drizzle-orm';
import {
  CALL_OUTCOMES,
  CAMPAIGN_KINDS,
  CONSENT_KINDS,
  CONSENT_SOURCES,
  CONTACT_CHANNELS,
  PRINT_JOB_PURPOSES,
  PRINT_JOB_STATUSES,
  SMS_KINDS,
  SMS_STATUSES,
} from './vocabulary.ts';
import { type AnySQLiteColumn, check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Key/value settings (JSON values), kept in the data file so they are transactional and backed up. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Tills that have written to this file; exactly one row is this machine (`is_local`). */
export const tills = sqliteTable('tills', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  isLocal: integer('is_local', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
});

/** Per-till counters (member codes, bill numbers per business day). */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  tillId: text('till_id').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: ['owner', 'manager', 'cashier'] }).notNull(),
  createdAt: text('created_at').notNull(),
  archivedAt: text('archived_at'),
  /** "scrypt$N$r$p$salt$hash" (base64): the parameters travel with the hash so they can be raised later. Null: no PIN yet. */
  pinHash: text('pin_hash'),
  pinChangedAt: text('pin_changed_at'),
  /** Wrong PINs since the last right one or the last lockout. */
  pinFailures: integer('pin_failures').notNull().default(0),
  /** Kept on the row so a restart does not lift a lockout. */
  pinLockedUntil: text('pin_locked_until'),
});

/**
 * Who did what, append-only (triggers refuse UPDATE and DELETE): every money-moving or settings call,
 * staff changes and sign-ins, written in the same transaction as the change itself. `action` is the
 * API method (or an event such as `staff.signInFailed`); before/after are JSON without secrets.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    at: text('at').notNull(),
    staffId: text('staff_id').references(() => staff.id),
    /** Whose PIN allowed a call the signed-in person's role did not. */
    approvedByStaffId: text('approved_by_staff_id').references(() => staff.id),
    action: text('action').notNull(),
    subjectKind: text('subject_kind'),
    subjectId: text('subject_id'),
    /** How a person finds the subject: member name and number, bill number, setting names. */
    subjectLabel: text('subject_label'),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_staff_at').on(t.staffId, t.at),
    index('audit_log_action_at').on(t.action, t.at),
    index('audit_log_subject').on(t.subjectId),
  ],
);

export const tiers = sqliteTable(
  'tiers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Discount in basis points (1000 = 10% off). */
    discountBp: integer('discount_bp').notNull(),
    /** Points earned per whole currency unit (100 minor units) actually paid. */
    pointsPerUnit: integer('points_per_unit').notNull(),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: text('created_at').notNull(),
    archivedAt: text('archived_at'),
  },
  (t) => [
    check('tiers_discount_range', sql`${t.discountBp} between 0 and 10000`),
    check('tiers_points_nonneg', sql`${t.pointsPerUnit} >= 0`),
  ],
);

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    /** Barcode-friendly member number printed on the card. */
    code: text('code').notNull(),
    /** E.164, e.g. +8613812345678. */
    phone: text('phone').notNull(),
    phoneLast4: text('phone_last4').notNull(),
    name: text('name').notNull(),
    /** Pinyin initials ("zs" for 张三) and full pinyin ("zhangsan"), lower case, for search. */
    nameInitials: text('name_initials').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    birthMonth: integer('birth_month'),
    birthDay: integer('birth_day'),
    birthYear: integer('birth_year'),
    gender: text('gender', { enum: ['female', 'male', 'other'] }),
    tierId: text('tier_id')
      .notNull()
      .references(() => tiers.id),
    /** JSON array of strings. */
    tags: text('tags').notNull().default('[]'),
    note: text('note').notNull().default(''),
    /** Transactional e-bills and marketing are separate consents. */
    smsBillConsent: integer('sms_bill_consent', { mode: 'boolean' }).notNull().default(false),
    smsMarketingConsent: integer('sms_marketing_consent', { mode: 'boolean' }).notNull().default(false),
    referredById: text('referred_by_id'),
    createdAt: text('created_at').notNull(),
    createdByStaffId: text('created_by_staff_id').notNull(),
    archivedAt: text('archived_at'),
    // Cached totals, maintained by the same transaction that writes the ledger rows they summarise.
    balancePrincipalMinor: integer('balance_principal_minor').notNull().default(0),
    balanceBonusMinor: integer('balance_bonus_minor').notNull().default(0),
    points: integer('points').notNull().default(0),
    totalSpentMinor: integer('total_spent_minor').notNull().default(0),
    visitCount: integer('visit_count').notNull().default(0),
    firstVisitAt: text('first_visit_at'),
    lastVisitAt: text('last_visit_at'),
    /** Distinct business days with a sale: "visits" as retention models count them (two bills in one day are one visit). */
    visitDays: integer('visit_days').notNull().default(0),
    /** Business dates (YYYY-MM-DD) of the first and last sale: the lapsed rule and the BG/NBD model work in whole days. */
    firstVisitDate: text('first_visit_date'),
    lastVisitDate: text('last_visit_date'),
    /** The member asked not to be called or messaged for marketing at all (each change is a consent_events row). */
    doNotContact: integer('do_not_contact', { mode: 'boolean' }).notNull().default(false),
    /**
     * Kept with the visit figures (ledger/member-figures.ts) so the lapsed list walks an index: what they
     * spend a month while active (visit-figures.ts monthlySpendMinor), and the first day they count as
     * lapsed under the shop's rule (lapsedFromDate; null: never, e.g. one visit day).
     */
    monthlySpendMinor: integer('monthly_spend_minor').notNull().default(0),
    lapsedFromDate: text('lapsed_from_date'),
    /** The import (src-main/imports/schema.ts importBatches) that brought this member over from another system; null when made here. */
    importBatchId: text('import_batch_id'),
  },
  (t) => [
    uniqueIndex('members_code_unique').on(t.code),
    uniqueIndex('members_active_phone_unique').on(t.phone).where(sql`${t.archivedAt} is null`),
    index('members_phone_last4').on(t.phoneLast4),
    index('members_initials').on(t.nameInitials),
    index('members_pinyin').on(t.namePinyin),
    // Search by part of a name must look at every name: scanning this index reads a few pages of names
    // instead of every whole member row (about 3× faster at 100,000 members).
    index('members_name').on(t.name),
    index('members_last_visit').on(t.lastVisitAt),
    index('members_last_visit_date').on(t.lastVisitDate),
    // The lapsed list: its page in value order, and its totals over the lapsed range.
    index('members_active_monthly_spend').on(sql`${t.monthlySpendMinor} desc`, t.id, t.lapsedFromDate).where(sql`${t.archivedAt} is null`),
    // Covers every filter of the lapsed list's totals, so counting 30,000 lapsed members never reads their rows.
    index('members_active_lapsed_cover')
      .on(t.lapsedFromDate, t.monthlySpendMinor, t.lastVisitDate, t.visitDays, t.totalSpentMinor, t.balancePrincipalMinor, t.balanceBonusMinor, t.tierId, t.id)
      .where(sql`${t.archivedAt} is null`),
    check('members_balance_principal_nonneg', sql`${t.balancePrincipalMinor} >= 0`),
    check('members_balance_bonus_nonneg', sql`${t.balanceBonusMinor} >= 0`),
    check('members_points_nonneg', sql`${t.points} >= 0`),
  ],
);

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    barcode: text('barcode'),
    priceMinor: integer('price_minor').notNull(),
    category: text('category').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('products_barcode_unique').on(t.barcode).where(sql`${t.barcode} is not null`),
    check('products_price_nonneg', sql`${t.priceMinor} >= 0`),
  ],
);

/** Top-up bonus rules: paying at least `minPrincipalMinor` earns `bonusMinor` (the largest rule that fits applies). */
export const topupBonusRules = sqliteTable(
  'topup_bonus_rules',
  {
    id: text('id').primaryKey(),
    minPrincipalMinor: integer('min_principal_minor').notNull(),
    bonusMinor: integer('bonus_minor').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
  },
  (t) => [check('topup_bonus_rules_positive', sql`${t.minPrincipalMinor} > 0 and ${t.bonusMinor} >= 0`)],
);

export const bills = sqliteTable(
  'bills',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    /** Human number, per business day: 20261123-0007. */
    billNo: text('bill_no').notNull(),
    businessDate: text('business_date').notNull(),
    kind: text('kind', { enum: ['sale', 'refund'] }).notNull(),
    /** For a refund: the sale it reverses. */
    originalBillId: text('original_bill_id').references((): AnySQLiteColumn => bills.id),
    memberId: text('member_id').references(() => members.id),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    /** Signed: negative on refunds. subtotal - discount = total = sum(payments.amount). */
    subtotalMinor: integer('subtotal_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    /** Points this bill added to (sale) or took from (refund) the member, as written in points_entries. */
    pointsEarned: integer('points_earned').notNull().default(0),
    /** Points earned by the original sale that a refund could not take back (already spent). */
    pointsReversalWaived: integer('points_reversal_waived').notNull().default(0),
    tierDiscountBp: integer('tier_discount_bp').notNull().default(0),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    /**
     * Set on a past visit imported from another system (src-main/imports, importBatches): it counts as a
     * visit for the member's figures, but the till never took that money, so sales reports leave it out.
     */
    importBatchId: text('import_batch_id'),
  },
  (t) => [
    uniqueIndex('bills_till_bill_no').on(t.tillId, t.billNo),
    index('bills_member_created').on(t.memberId, t.createdAt),
    index('bills_business_date').on(t.businessDate),
    index('bills_original').on(t.originalBillId),
    check('bills_sign', sql`(${t.kind} = 'sale' and ${t.totalMinor} >= 0) or (${t.kind} = 'refund' and ${t.totalMinor} <= 0)`),
    check('bills_total', sql`${t.subtotalMinor} - ${t.discountMinor} = ${t.totalMinor}`),
  ],
);

export const billLines = sqliteTable(
  'bill_lines',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id),
    lineNo: integer('line_no').notNull(),
    productId: text('product_id').references(() => products.id),
    /** Name at the time of sale (the catalog may change later). */
    name: text('name').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    /** Signed: negative on refund lines. */
    quantity: integer('quantity').notNull(),
    grossMinor: integer('gross_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    netMinor: integer('net_minor').notNull(),
    /** For a refund line: the sale line it reverses. */
    refundOfLineId: text('refund_of_line_id').references((): AnySQLiteColumn => billLines.id),
  },
  (t) => [
    index('bill_lines_bill').on(t.billId),
    index('bill_lines_refund_of').on(t.refundOfLineId),
    check('bill_lines_net', sql`${t.grossMinor} - ${t.discountMinor} = ${t.netMinor}`),
  ],
);

/** `imported`: the one payment of an imported past visit (src-main/imports), money this till never took. */
export const PAYMENT_METHODS = ['stored_value', 'points', 'cash', 'card', 'wechat', 'alipay', 'forfeited_bonus', 'imported'] as const;

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    /** Signed amount applied to the bill (negative on refunds). */
    amountMinor: integer('amount_minor').notNull(),
    /** Cash only: what the customer handed over, and the change given back. */
    tenderedMinor: integer('tendered_minor'),
    changeMinor: integer('change_minor'),
    /** Stored value only: how the amount drew on principal and bonus. */
    principalMinor: integer('principal_minor').notNull().default(0),
    bonusMinor: integer('bonus_minor').notNull().default(0),
    /** Points only: points redeemed (negative when restored by a refund). */
    points: integer('points').notNull().default(0),
    /** For refund payments: the sale payment returned. */
    refundOfPaymentId: text('refund_of_payment_id').references((): AnySQLiteColumn => payments.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payments_bill').on(t.billId), index('payments_refund_of').on(t.refundOfPaymentId)],
);

export const topups = sqliteTable(
  'topups',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    kind: text('kind', { enum: ['topup', 'refund'] }).notNull(),
    originalTopupId: text('original_topup_id').references((): AnySQLiteColumn => topups.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    /** How the money came in or went back (cash, card, wechat, alipay). */
    method: text('method', { enum: ['cash', 'card', 'wechat', 'alipay'] }).notNull(),
    /** Signed: negative on refunds. */
    principalMinor: integer('principal_minor').notNull(),
    bonusMinor: integer('bonus_minor').notNull(),
    bonusRuleId: text('bonus_rule_id').references(() => topupBonusRules.id),
    businessDate: text('business_date').notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('topups_member_created').on(t.memberId, t.createdAt), index('topups_original').on(t.originalTopupId)],
);

/** `opening`: a balance carried over from another system by an import (src-main/imports), with its reason. */
export const WALLET_ENTRY_KINDS = ['topup', 'topup_refund', 'spend', 'spend_refund', 'adjust', 'opening'] as const;

/** Append-only stored-value ledger: SUM(principal_delta), SUM(bonus_delta) per member = their balance. */
export const walletEntries = sqliteTable(
  'wallet_entries',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: WALLET_ENTRY_KINDS }).notNull(),
    principalDeltaMinor: integer('principal_delta_minor').notNull(),
    bonusDeltaMinor: integer('bonus_delta_minor').notNull(),
    /** Running balance after this entry, for statements. */
    principalAfterMinor: integer('principal_after_minor').notNull(),
    bonusAfterMinor: integer('bonus_after_minor').notNull(),
    billId: text('bill_id').references(() => bills.id),
    topupId: text('topup_id').references(() => topups.id),
    reason: text('reason').notNull().default(''),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('wallet_entries_member').on(t.memberId, t.createdAt),
    // A receipt reads the balance its bill or top-up left (receipts/balances-at.ts), at any later reprint.
    index('wallet_entries_bill').on(t.billId).where(sql`${t.billId} is not null`),
    index('wallet_entries_topup').on(t.topupId).where(sql`${t.topupId} is not null`),
    check('wallet_entries_after_nonneg', sql`${t.principalAfterMinor} >= 0 and ${t.bonusAfterMinor} >= 0`),
  ],
);

/** `opening`: points carried over from another system by an import (src-main/imports), with its reason. */
export const POINTS_ENTRY_KINDS = ['earn', 'earn_reversal', 'redeem', 'redeem_restore', 'adjust', 'opening'] as const;

/** Append-only points ledger: SUM(delta) per member = their points. */
export const pointsEntries = sqliteTable(
  'points_entries',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: POINTS_ENTRY_KINDS }).notNull(),
    delta: integer('delta').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    billId: text('bill_id').references(() => bills.id),
    reason: text('reason').notNull().default(''),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('points_entries_member').on(t.memberId, t.createdAt),
    index('points_entries_bill').on(t.billId).where(sql`${t.billId} is not null`),
    // The points owed at the end of a past day (reports/liability.ts): today's total less what was written since, read from this index alone.
    index('points_entries_created').on(t.createdAt, t.delta),
    check('points_entries_after_nonneg', sql`${t.balanceAfter} >= 0`),
  ],
);

/**
 * Idempotency: every money-moving call carries a caller-made key; the first call's result is stored
 * here in the same transaction, and a repeat returns it instead of charging again.
 */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  key: text('key').primaryKey(),
  operation: text('operation').notNull(),
  /** SHA-256 of the request, so a key reused for a different request is refused rather than replayed. */
  requestHash: text('request_hash').notNull(),
  resultJson: text('result_json').notNull(),
  createdAt: text('created_at').notNull(),
});

// ---------------------------------------------------------------- keeping regulars: consent, contacts, SMS


/** Every change of a member's consent, who or what made it and when: the members row holds only the current answer. */
export const consentEvents = sqliteTable(
  'consent_events',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    granted: integer('granted', { mode: 'boolean' }).notNull(),
    source: text('source', { enum: CONSENT_SOURCES }).notNull(),
    note: text('note').notNull().default(''),
    staffId: text('staff_id').references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('consent_events_member').on(t.memberId, t.createdAt)],
);


/** One win-back send (or the birthday greetings of one day): the template as sent, for the win-back rate per campaign. */
export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    name: text('name').notNull(),
    template: text('template').notNull(),
    offer: text('offer').notNull().default(''),
    /** YYYY-MM-DD the offer ends, if any. */
    offerExpiry: text('offer_expiry'),
    /** A contacted member who visits within this many days counts as won back (the setting when the campaign was made). */
    wonBackDays: integer('won_back_days').notNull(),
    staffId: text('staff_id').references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('campaigns_created').on(t.createdAt)],
);


/** The contact log: every win-back SMS queued and every call made, append-only. */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    campaignId: text('campaign_id').references(() => campaigns.id),
    channel: text('channel', { enum: CONTACT_CHANNELS }).notNull(),
    /** Calls only. */
    outcome: text('outcome', { enum: CALL_OUTCOMES }),
    /** What the member said (calls), kept for the owner. */
    feedback: text('feedback').notNull().default(''),
    outboxId: text('outbox_id'),
    staffId: text('staff_id').references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('contacts_member').on(t.memberId, t.createdAt), index('contacts_campaign').on(t.campaignId)],
);


/**
 * The durable SMS outbox. A message is written here in the same transaction as what caused it (a
 * campaign, a greeting, later a bill); the sender delivers it after the commit, so nothing is lost when
 * the shop is offline or the app quits, and nothing is sent for a transaction that rolled back.
 */
export const smsOutbox = sqliteTable(
  'sms_outbox',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    kind: text('kind', { enum: SMS_KINDS }).notNull(),
    memberId: text('member_id').references(() => members.id),
    campaignId: text('campaign_id').references(() => campaigns.id),
    billId: text('bill_id').references(() => bills.id),
    /** The top-up (or top-up refund) an e-bill is about. */
    topupId: text('topup_id').references(() => topups.id),
    /** E.164. */
    phone: text('phone').notNull(),
    /** The text without the signature (includes the opt-out line for marketing). */
    text: text('text').notNull(),
    signature: text('signature').notNull(),
    /** Our count for the whole message as the carrier sees it (signature included). */
    segments: integer('segments').notNull(),
    status: text('status', { enum: SMS_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** ISO UTC: not before (retry backoff, quiet hours). */
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error').notNull().default(''),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    /** As reported by the provider: integer millionths of `cost_currency`, and/or billed segments. */
    costMicros: integer('cost_micros'),
    costCurrency: text('cost_currency'),
    billedSegments: integer('billed_segments'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [
    index('sms_outbox_due').on(t.status, t.nextAttemptAt),
    index('sms_outbox_campaign').on(t.campaignId),
    index('sms_outbox_created').on(t.createdAt),
    // One e-bill per bill and per top-up, whatever retries or replays happen.
    uniqueIndex('sms_outbox_ebill_bill').on(t.billId).where(sql`${t.kind} = 'bill' and ${t.billId} is not null`),
    uniqueIndex('sms_outbox_ebill_topup').on(t.topupId).where(sql`${t.kind} = 'bill' and ${t.topupId} is not null`),
  ],
);

/** Each delivery attempt and its answer, append-only (the outbox row holds only the latest state). */
export const smsAttempts = sqliteTable(
  'sms_attempts',
  {
    id: text('id').primaryKey(),
    outboxId: text('outbox_id')
      .notNull()
      .references(() => smsOutbox.id),
    attempt: integer('attempt').notNull(),
    provider: text('provider').notNull(),
    outcome: text('outcome', { enum: ['sent', 'retry', 'rejected'] }).notNull(),
    error: text('error').notNull().default(''),
    providerMessageId: text('provider_message_id'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at').notNull(),
  },
  (t) => [index('sms_attempts_outbox').on(t.outboxId)],
);

/** One birthday greeting per member and year, whatever restarts or double clicks happen. */
export const birthdayGreetings = sqliteTable(
  'birthday_greetings',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    year: integer('year').notNull(),
    outboxId: text('outbox_id'),
    giftPoints: integer('gift_points').notNull().default(0),
    giftBonusMinor: integer('gift_bonus_minor').notNull().default(0),
    staffId: text('staff_id').references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('birthday_greetings_member_year').on(t.memberId, t.year)],
);

/** Every BG/NBD fit of the shop's visit history (model parameters are real numbers, not money). */
export const retentionFits = sqliteTable('retention_fits', {
  id: text('id').primaryKey(),
  /** The business date the histories were cut at. */
  asOfDate: text('as_of_date').notNull(),
  members: integer('members').notNull(),
  r: real('r').notNull(),
  alpha: real('alpha').notNull(),
  a: real('a').notNull(),
  b: real('b').notNull(),
  logLikelihood: real('log_likelihood').notNull(),
  converged: integer('converged', { mode: 'boolean' }).notNull(),
  durationMs: integer('duration_ms').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Provider credentials, encrypted (Electron safeStorage, or a key kept outside the data file); never returned by the API. */
export const secrets = sqliteTable('secrets', {
  name: text('name').primaryKey(),
  ciphertext: text('ciphertext').notNull(),
  scheme: text('scheme').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Receipts to print on this till: written by the checkout/top-up/refund transaction when auto-print is
 * on (or by the cashier's Print), printed after the commit by the spooler, which records how it went.
 * A failed print is never retried on its own (paper appearing minutes later confuses everyone): the
 * cashier sees the reason and prints again, which is a new job.
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    purpose: text('purpose', { enum: PRINT_JOB_PURPOSES }).notNull(),
    billId: text('bill_id').references(() => bills.id),
    topupId: text('topup_id').references(() => topups.id),
    status: text('status', { enum: PRINT_JOB_STATUSES }).notNull(),
    /** A printer error code (PRINTER_…) when failed, and the transport's words for the log. */
    errorCode: text('error_code'),
    errorDetail: text('error_detail').notNull().default(''),
    /** Printed, but the printer warned (paper near its end). */
    warning: text('warning'),
    /** Where it went: "network 192.168.1.50:9100", "device /dev/usb/lp0", "system". */
    target: text('target').notNull().default(''),
    staffId: text('staff_id').references(() => staff.id),
    createdAt: text('created_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [index('print_jobs_status').on(t.status, t.createdAt), index('print_jobs_bill').on(t.billId), index('print_jobs_topup').on(t.topupId)],
);
