/**
 * The handler map: each contract method bound to its ledger use case. The type makes the compiler
 * check that every method in the contract has exactly one handler with the right input and output.
 */
import * as bills from '../ledger/bills.ts';
import * as catalog from '../ledger/catalog.ts';
import type { Ledger } from '../ledger/db.ts';
import { daySummary } from '../ledger/day-summary.ts';
import { memberHistory } from '../ledger/history.ts';
import * as members from '../ledger/members.ts';
import { adjustPoints } from '../ledger/points.ts';
import { getSettings, updateSettings } from '../ledger/settings.ts';
import * as wallet from '../ledger/wallet.ts';
import { setConsent } from '../ledger/consent.ts';
import { fail } from '../ledger/errors.ts';
import { businessDate } from '../ledger/time.ts';
import { greetBirthdays, upcomingBirthdays } from '../retention/birthdays.ts';
import * as campaigns from '../retention/campaigns.ts';
import { logCall } from '../retention/contacts.ts';
import { listLapsed } from '../retention/lapsed.ts';
import { fitModel, latestFit } from '../retention/model.ts';
import { memberOutlook } from '../retention/outlook.ts';
import { segmentMembers, segmentSummary } from '../retention/segments.ts';
import { inTransaction } from '../ledger/transaction.ts';
import { deliveryOf, issueReceipt } from '../receipts/issue.ts';
import type { ReceiptRef } from '../receipts/load.ts';
import { listOutbox, retryMessages } from '../sms/outbox.ts';
import { providerStatus, queueTestMessage, setProvider } from '../sms/provider-settings.ts';
import type { Delivered, MethodName, OutputOf, ParsedInputOf } from './contract.ts';
import type { HandlerContext, MessagingContext } from './handler-context.ts';
import { printHandlers } from './print-handlers.ts';
import { backupHandlers } from './backup-handlers.ts';
import { importHandlers } from './import-handlers.ts';
import { reportHandlers } from './report-handlers.ts';
import { shiftHandlers } from './shift-handlers.ts';
import { staffHandlers } from './staff-handlers.ts';

export type { HandlerContext, MessagingContext } from './handler-context.ts';

function messagingOf(ctx: HandlerContext): MessagingContext {
  return ctx.messaging ?? fail('SMS_PROVIDER_NOT_SET');
}

/** The day the retention figures are computed for: the caller's, else today at the shop. */
const asOf = (ctx: HandlerContext, input: { asOfDate?: string | undefined }) => input.asOfDate ?? businessDate(ctx.ledger.clock());

/** Run a use case that writes outbox messages, then wake the sender. */
function thenWake<T>(ctx: HandlerContext, result: T): T {
  ctx.messaging?.wake();
  return result;
}

/**
 * A money call that ends with a receipt: the use case, then (in the same transaction, unless it was a
 * replay of an earlier request) the e-bill and auto-print rows, then a nudge to the sender and spooler.
 */
function withReceipt<T extends { replayed: boolean }>(ctx: HandlerContext, staffId: string, run: () => T, refOf: (result: T) => ReceiptRef): T & Delivered {
  const result = inTransaction(ctx.ledger, () => {
    const done = run();
    if (!done.replayed) {
      issueReceipt(ctx.ledger, refOf(done), {
        staffId,
        printer: ctx.printing ? (ctx.printing.systemPrinter ? 'any' : 'raw') : 'none',
        ...(ctx.logError ? { onError: ctx.logError } : {}),
      });
    }
    return done;
  });
  ctx.messaging?.wake();
  ctx.printing?.spooler.wake();
  return { ...result, delivery: deliveryOf(ctx.ledger, refOf(result)) };
}

export type Handler<M extends MethodName> = (ctx: HandlerContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export const handlers: Handlers = {
  'app.info': ({ ledger, version, dataFile, shell }) => ({
    version,
    tillId: ledger.tillId,
    dataFile,
    shell,
    settings: getSettings(ledger),
    staff: catalog.listStaff(ledger),
    tiers: catalog.listTiers(ledger),
  }),

  'settings.update': ({ ledger }, input) => updateSettings(ledger, input),
  'tiers.list': ({ ledger }) => catalog.listTiers(ledger),
  'tiers.upsert': ({ ledger }, input) => catalog.upsertTier(ledger, input),
  'products.list': ({ ledger }, input) => catalog.listProducts(ledger, input),
  'products.upsert': ({ ledger }, input) => catalog.upsertProduct(ledger, input),
  'products.byBarcode': ({ ledger }, input) => catalog.findProductByBarcode(ledger, input),
  'bonusRules.list': ({ ledger }) => catalog.listBonusRules(ledger),
  'bonusRules.upsert': ({ ledger }, input) => catalog.upsertBonusRule(ledger, input),

  'members.search': ({ ledger }, input) => members.searchMembers(ledger, input),
  'members.recent': ({ ledger }, input) => members.listRecentMembers(ledger, input.limit),
  'members.get': ({ ledger }, input) => members.getMember(ledger, input.memberId),
  'members.history': ({ ledger }, input) => memberHistory(ledger, input),
  'members.create': ({ ledger }, input) => members.createMember(ledger, input),
  'members.update': ({ ledger }, input) => members.updateMember(ledger, input),
  'members.archive': ({ ledger }, input) => members.archiveMember(ledger, input),

  'checkout.quote': ({ ledger }, input) => bills.quoteCheckout(ledger, input),
  'checkout.commit': (ctx, input) => withReceipt(ctx, input.staffId, () => bills.checkout(ctx.ledger, input), (r) => ({ billId: r.bill.id })),
  'bills.get': ({ ledger }, input) => bills.getBill(ledger, input.billId),
  'bills.listOfDay': ({ ledger }, input) => bills.listBillsOfDay(ledger, input),
  'bills.daySummary': ({ ledger }, input) => daySummary(ledger, input),
  'bills.refundPreview': ({ ledger }, input) => bills.previewRefund(ledger, input),
  'bills.refund': (ctx, input) => withReceipt(ctx, input.staffId, () => bills.refundBill(ctx.ledger, input), (r) => ({ billId: r.refund.id })),

  'topups.quote': ({ ledger }, input) => wallet.quoteTopup(ledger, input),
  'topups.create': (ctx, input) => withReceipt(ctx, input.staffId, () => wallet.topUp(ctx.ledger, input), (r) => ({ topupId: r.topup.id })),
  'topups.refundPreview': ({ ledger }, input) => wallet.previewTopupRefund(ledger, input),
  'topups.refund': (ctx, input) => withReceipt(ctx, input.staffId, () => wallet.refundTopup(ctx.ledger, input), (r) => ({ topupId: r.topup.id })),

  'wallet.adjust': ({ ledger }, input) => wallet.adjustWallet(ledger, input),
  'points.adjust': ({ ledger }, input) => adjustPoints(ledger, input),

  'retention.lapsed': (ctx, input) => listLapsed(ctx.ledger, input, asOf(ctx, input)),
  'retention.segments': (ctx, input) => segmentSummary(ctx.ledger, asOf(ctx, input)),
  'retention.segmentMembers': (ctx, input) => {
    const wonBackDays = getSettings(ctx.ledger).retention.wonBackDays;
    return segmentMembers(ctx.ledger, input.segment, input, { asOfDate: asOf(ctx, input), fit: latestFit(ctx.ledger), wonBackDays });
  },
  'retention.outlook': (ctx, input) => memberOutlook(ctx.ledger, input.memberId, asOf(ctx, input)),
  'retention.model': ({ ledger }) => latestFit(ledger),
  'retention.fit': (ctx, input) => fitModel(ctx.ledger, asOf(ctx, input)),

  'campaigns.preview': ({ ledger }, input) => campaigns.previewCampaign(ledger, input),
  'campaigns.send': (ctx, input) => thenWake(ctx, campaigns.sendCampaign(ctx.ledger, input)),
  'campaigns.list': ({ ledger }) => campaigns.listCampaigns(ledger),
  'campaigns.members': (ctx, input) => campaigns.campaignMembers(ctx.ledger, input, asOf(ctx, input)),
  'contacts.logCall': ({ ledger }, input) => logCall(ledger, input),
  'consent.set': ({ ledger }, input) => setConsent(ledger, input),
  'birthdays.upcoming': (ctx, input) => upcomingBirthdays(ctx.ledger, asOf(ctx, input), input.days),
  'birthdays.greet': (ctx, input) => thenWake(ctx, greetBirthdays(ctx.ledger, input)),

  'sms.outbox': ({ ledger }, input) => listOutbox(ledger, input),
  'sms.retry': (ctx, input) => thenWake(ctx, retryMessages(ctx.ledger, input.messageIds)),
  'sms.provider': (ctx) => providerStatus(ctx.ledger, messagingOf(ctx).secretBox),
  'sms.setProvider': (ctx, input) => thenWake(ctx, setProvider(ctx.ledger, messagingOf(ctx).secretBox, input)),
  'sms.test': (ctx, input) => thenWake(ctx, queueTestMessage(ctx.ledger, input)),

  ...printHandlers,
  ...reportHandlers,
  ...staffHandlers,
  ...importHandlers,
  ...backupHandlers,
  ...shiftHandlers,
};
