/**
 * What the audit log says about each audited API method: its subject and what it changed, before and
 * after, read in the same transaction as the change (dispatch runs `before`, the handler, then
 * `after`, then appends the row). Every money-moving or settings-changing method is listed here; the
 * ones that write their own audit rows (sign-in, PINs: a wrong PIN must be counted even when the call
 * fails) are marked 'self'. A replayed idempotent request changed nothing and is not logged again.
 */
import type { MethodName, OutputOf, ParsedInputOf } from '../api/contract.ts';
import type { HandlerContext } from '../api/handler-context.ts';
import { listBonusRules, listTiers, getProduct } from '../ledger/catalog.ts';
import { getBill } from '../ledger/bills.ts';
import { getMember } from '../ledger/members.ts';
import { getTopup } from '../ledger/wallet.ts';
import { getSettings } from '../ledger/settings.ts';
import type { Member, MemberSummary } from '../ledger/types.ts';
import { receiptLogo } from '../receipts/shop.ts';
import { providerStatus } from '../sms/provider-settings.ts';
import type { ProviderStatus } from '../sms/types.ts';
import type { AuditSubject } from './log.ts';

export interface AuditDescription {
  subject?: AuditSubject | null;
  before?: unknown;
  after?: unknown;
}

export interface Describer<M extends MethodName> {
  /**
   * The call changes no ledger rows (an export: a file handed out), so it may answer asynchronously and
   * its row is written once it has answered.
   */
  changesNothing?: true;
  /** Read before the handler runs (in the same transaction). */
  before?: (ctx: HandlerContext, input: ParsedInputOf<M>) => unknown;
  describe: (ctx: HandlerContext, input: ParsedInputOf<M>, result: OutputOf<M>, before: unknown) => AuditDescription;
}

export type AuditRule<M extends MethodName> = Describer<M> | 'self';
export type AuditRules = { [M in MethodName]?: AuditRule<M> };

/** A member as a person finds them in the log: name and member number. */
const memberLabel = (m: Pick<MemberSummary, 'name' | 'code'>) => `${m.name} · ${m.code}`;
const memberSubject = (m: Pick<MemberSummary, 'id' | 'name' | 'code'>): AuditSubject => ({ kind: 'member', id: m.id, label: memberLabel(m) });

const balancesOf = (m: Pick<MemberSummary, 'balancePrincipalMinor' | 'balanceBonusMinor' | 'points'>) => ({
  principalMinor: m.balancePrincipalMinor,
  bonusMinor: m.balanceBonusMinor,
  points: m.points,
});

/** A member's balances now, or null (no member, or one that does not exist: the handler refuses it). */
function balancesNow(ctx: HandlerContext, memberId: string | null | undefined) {
  if (!memberId) return null;
  try {
    return balancesOf(getMember(ctx.ledger, memberId));
  } catch {
    return null;
  }
}

/** Only the given keys of an object (what a patch touched). */
function pick<T extends object>(value: T, keys: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in value) out[key] = (value as Record<string, unknown>)[key];
  return out as Partial<T>;
}

const definedKeys = (input: object, skip: readonly string[] = []) =>
  Object.entries(input)
    .filter(([k, v]) => v !== undefined && !skip.includes(k))
    .map(([k]) => k);

/** Provider settings as the log shows them: which provider and fields, and which secrets are stored (never their values). */
const providerView = (status: ProviderStatus) => ({ config: status.config, filled: status.secrets.filter((s) => s.set).map((s) => s.name) });

const tryRead = <T>(read: () => T): T | null => {
  try {
    return read();
  } catch {
    return null;
  }
};

export const AUDITED: AuditRules = {
  'settings.update': {
    before: (ctx, input) => pick(getSettings(ctx.ledger), definedKeys(input)),
    describe: (_ctx, input, result, before) => {
      const keys = definedKeys(input);
      return { subject: { kind: 'settings', id: keys.join(','), label: keys.join(', ') }, before, after: pick(result, keys) };
    },
  },
  'tiers.upsert': {
    before: (ctx, input) => (input.id ? (listTiers(ctx.ledger).find((t) => t.id === input.id) ?? null) : null),
    describe: (_ctx, _input, result, before) => ({ subject: { kind: 'tier', id: result.id, label: result.name }, before, after: result }),
  },
  'products.upsert': {
    before: (ctx, input) => (input.id ? tryRead(() => getProduct(ctx.ledger, input.id!)) : null),
    describe: (_ctx, _input, result, before) => ({ subject: { kind: 'product', id: result.id, label: result.name }, before, after: result }),
  },
  'bonusRules.upsert': {
    before: (ctx, input) => (input.id ? (listBonusRules(ctx.ledger).find((r) => r.id === input.id) ?? null) : null),
    describe: (_ctx, _input, result, before) => ({ subject: { kind: 'bonusRule', id: result.id, label: null }, before, after: result }),
  },

  'members.update': {
    before: (ctx, input) => tryRead(() => getMember(ctx.ledger, input.memberId)),
    describe: (_ctx, input, result, before) => {
      const keys = definedKeys(input, ['memberId', 'staffId']);
      return { subject: memberSubject(result), before: before ? pick(before as Member, keys) : null, after: pick(result, keys) };
    },
  },
  'members.archive': {
    describe: (_ctx, _input, result) => ({ subject: memberSubject(result), before: { archivedAt: null }, after: { archivedAt: result.archivedAt } }),
  },
  'consent.set': {
    before: (ctx, input) => {
      const m = tryRead(() => getMember(ctx.ledger, input.memberId));
      return m ? { smsBillConsent: m.smsBillConsent, smsMarketingConsent: m.smsMarketingConsent, doNotContact: m.doNotContact } : null;
    },
    describe: (_ctx, input, result, before) => ({
      subject: memberSubject(result),
      before,
      after: { smsBillConsent: result.smsBillConsent, smsMarketingConsent: result.smsMarketingConsent, doNotContact: result.doNotContact, note: input.note },
    }),
  },

  'checkout.commit': {
    before: (ctx, input) => balancesNow(ctx, input.memberId),
    describe: (_ctx, _input, { bill, member, changeMinor }, before) => ({
      subject: { kind: 'bill', id: bill.id, label: member ? `${bill.billNo} · ${memberLabel(member)}` : bill.billNo },
      before,
      after: {
        billNo: bill.billNo,
        totalMinor: bill.totalMinor,
        discountMinor: bill.discountMinor,
        lines: bill.lines.length,
        payments: bill.payments.map((p) => ({ method: p.method, amountMinor: p.amountMinor })),
        changeMinor,
        ...(member ? { balances: balancesOf(member) } : {}),
      },
    }),
  },
  'bills.refund': {
    before: (ctx, input) => {
      const bill = tryRead(() => getBill(ctx.ledger, input.billId));
      return bill ? { billNo: bill.billNo, totalMinor: bill.totalMinor, refundedMinor: bill.refundedMinor, balances: balancesNow(ctx, bill.memberId) } : null;
    },
    describe: (_ctx, input, { refund, member }, before) => {
      // Found by either number: the bill refunded and the refund bill.
      const numbers = [(before as { billNo?: string } | null)?.billNo, refund.billNo].filter(Boolean).join(' → ');
      return {
        subject: { kind: 'bill', id: input.billId, label: member ? `${numbers} · ${memberLabel(member)}` : numbers },
        before,
        after: {
          refundBillNo: refund.billNo,
          // Negative, as the refund bill carries it.
          refundTotalMinor: refund.totalMinor,
          lines: refund.lines.map((l) => ({ name: l.name, quantity: l.quantity, netMinor: l.netMinor })),
          payments: refund.payments.map((p) => ({ method: p.method, amountMinor: p.amountMinor })),
          reason: input.reason,
          ...(member ? { balances: balancesOf(member) } : {}),
        },
      };
    },
  },
  'topups.create': {
    before: (ctx, input) => balancesNow(ctx, input.memberId),
    describe: (_ctx, _input, { topup, member }, before) => ({
      subject: { kind: 'topup', id: topup.id, label: memberLabel(member) },
      before,
      after: { principalMinor: topup.principalMinor, bonusMinor: topup.bonusMinor, method: topup.method, balances: balancesOf(member) },
    }),
  },
  'topups.refund': {
    before: (ctx, input) => {
      const original = tryRead(() => getTopup(ctx.ledger, input.topupId));
      return original
        ? { principalMinor: original.principalMinor, refundedPrincipalMinor: original.refundedPrincipalMinor, balances: balancesNow(ctx, original.memberId) }
        : null;
    },
    describe: (_ctx, input, { topup, member }, before) => ({
      subject: { kind: 'topup', id: input.topupId, label: memberLabel(member) },
      before,
      after: { principalMinor: topup.principalMinor, bonusMinor: topup.bonusMinor, method: topup.method, reason: input.reason, balances: balancesOf(member) },
    }),
  },
  'wallet.adjust': {
    before: (ctx, input) => balancesNow(ctx, input.memberId),
    describe: (_ctx, input, { member }, before) => ({
      subject: memberSubject(member),
      before,
      after: { ...balancesOf(member), principalDeltaMinor: input.principalDeltaMinor, bonusDeltaMinor: input.bonusDeltaMinor, reason: input.reason },
    }),
  },
  'points.adjust': {
    before: (ctx, input) => balancesNow(ctx, input.memberId),
    describe: (_ctx, input, { member }, before) => ({
      subject: memberSubject(member),
      before,
      after: { ...balancesOf(member), pointsDelta: input.delta, reason: input.reason },
    }),
  },
  'birthdays.greet': {
    describe: (_ctx, input, result) => ({
      subject: { kind: 'members', id: null, label: null },
      after: { members: input.memberIds.length, giftPoints: input.giftPoints ?? null, giftBonusMinor: input.giftBonusMinor ?? null, greeted: result.greeted, messagesQueued: result.messagesQueued },
    }),
  },
  'campaigns.send': {
    describe: (_ctx, input, result) => ({
      subject: { kind: 'campaign', id: result.campaignId, label: input.name || null },
      after: { members: input.memberIds.length, queued: result.queued, skipped: result.skipped.length, template: input.template, offer: input.offer },
    }),
  },

  'sms.setProvider': {
    before: (ctx) => (ctx.messaging ? tryRead(() => providerView(providerStatus(ctx.ledger, ctx.messaging!.secretBox))) : null),
    describe: (_ctx, _input, result, before) => ({ subject: { kind: 'settings', id: 'smsProvider', label: 'smsProvider' }, before, after: providerView(result) }),
  },
  'print.setLogo': {
    before: (ctx) => ({ logo: receiptLogo(ctx.ledger) !== null }),
    describe: (_ctx, _input, result, before) => ({
      subject: { kind: 'settings', id: 'receiptLogo', label: 'receiptLogo' },
      before,
      after: { logo: result.logoPng !== null, bytes: result.logoPng ? Math.floor((result.logoPng.length * 3) / 4) : 0 },
    }),
  },

  'reports.export': {
    changesNothing: true,
    describe: (_ctx, input, result) => ({ subject: { kind: 'export', id: null, label: result.fileName }, after: input }),
  },

  // Write their own rows: a wrong PIN is counted and logged even though the call fails.
  'staff.signIn': 'self',
  'staff.signOut': 'self',
  'staff.setUpOwner': 'self',
  'staff.setPin': 'self',
  'staff.upsert': 'self',
  // Their own areas write their rows, in the transaction of the change (or after a backup, which no transaction spans).
  'imports.commit': 'self',
  'exports.members': 'self',
  'backups.create': 'self',
  'backups.configure': 'self',
  'backups.restore': 'self',
  'shifts.open': 'self',
  'shifts.close': 'self',
};

/** A describer as dispatch calls it: after validation, for whichever method. */
export interface AnyDescriber {
  changesNothing?: true;
  before?: (ctx: HandlerContext, input: unknown) => unknown;
  describe: (ctx: HandlerContext, input: unknown, result: unknown, before: unknown) => AuditDescription;
}

export function auditRuleOf(method: MethodName): AnyDescriber | 'self' | undefined {
  return AUDITED[method] as AnyDescriber | 'self' | undefined;
}
