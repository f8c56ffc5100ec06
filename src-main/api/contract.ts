/**
 * The one API contract between the renderer and the main process: method name → input schema →
 * output type. Electron IPC and the loopback HTTP bridge both serve exactly this map, and the renderer's
 * client is typed from it. Plain zod and types, no Node imports, so both sides compile it.
 */
import { z } from 'zod';
import * as cmd from '../ledger/commands.ts';
import * as retentionCmd from '../retention/commands.ts';
import type * as R from '../retention/types.ts';
import * as printCmd from '../print/commands.ts';
import type * as P from '../print/types.ts';
import type { Receipt, Statement } from '../receipts/types.ts';
import * as smsCmd from '../sms/commands.ts';
import type * as S from '../sms/types.ts';
import type { Settings } from '../ledger/settings-schema.ts';
import type * as T from '../ledger/types.ts';

import { method } from './method.ts';
import { backupMethods } from './backup-contract.ts';
import { importMethods } from './import-contract.ts';
import { reportMethods } from './report-contract.ts';
import { shiftMethods } from './shift-contract.ts';
import { staffMethods } from './staff-contract.ts';

export interface AppInfo {
  version: string;
  tillId: string;
  dataFile: string;
  /** 'electron' or 'browser' (the loopback bridge). */
  shell: 'electron' | 'browser';
  settings: Settings;
  staff: T.StaffMember[];
  tiers: T.Tier[];
}

export const contract = {
  'app.info': method<AppInfo>()(cmd.empty),

  'settings.update': method<Settings>()(cmd.settingsUpdate),
  'tiers.list': method<T.Tier[]>()(cmd.empty),
  'tiers.upsert': method<T.Tier>()(cmd.tierUpsert),
  'products.list': method<T.Product[]>()(cmd.productList),
  'products.upsert': method<T.Product>()(cmd.productUpsert),
  'products.byBarcode': method<T.Product | null>()(cmd.productByBarcode),
  'bonusRules.list': method<T.TopupBonusRule[]>()(cmd.empty),
  'bonusRules.upsert': method<T.TopupBonusRule>()(cmd.bonusRuleUpsert),

  'members.search': method<T.MemberSummary[]>()(cmd.memberSearch),
  'members.recent': method<T.MemberSummary[]>()(z.object({ limit: z.number().int().min(1).max(200).default(50) })),
  'members.get': method<T.Member>()(cmd.memberRef),
  'members.history': method<T.MemberHistory>()(cmd.memberHistory),
  'members.create': method<T.Member>()(cmd.memberCreate),
  'members.update': method<T.Member>()(cmd.memberUpdate),
  'members.archive': method<T.Member>()(cmd.memberArchive),

  'checkout.quote': method<T.CheckoutQuote>()(cmd.checkoutQuote),
  'checkout.commit': method<T.CheckoutResult & Delivered>()(cmd.checkoutCommit),
  'bills.get': method<T.Bill>()(cmd.billRef),
  'bills.listOfDay': method<T.BillSummary[]>()(cmd.billList),
  'bills.daySummary': method<T.DaySummary>()(cmd.daySummary),
  'bills.refundPreview': method<T.RefundPreview>()(cmd.refundRequest),
  'bills.refund': method<T.RefundResult & Delivered>()(cmd.refundCommit),

  'topups.quote': method<T.TopupQuote>()(cmd.topupQuote),
  'topups.create': method<T.TopupResult & Delivered>()(cmd.topupCommit),
  'topups.refundPreview': method<T.TopupRefundPreview>()(cmd.topupRefundRequest),
  'topups.refund': method<T.TopupResult & Delivered>()(cmd.topupRefundCommit),

  'wallet.adjust': method<T.AdjustmentResult>()(cmd.walletAdjust),
  'points.adjust': method<T.AdjustmentResult>()(cmd.pointsAdjust),

  'retention.lapsed': method<R.LapsedPage>()(retentionCmd.lapsedQuery),
  'retention.segments': method<R.SegmentSummary>()(retentionCmd.segmentSummaryQuery),
  'retention.segmentMembers': method<R.MemberPage>()(retentionCmd.segmentMembersQuery),
  'retention.outlook': method<R.MemberOutlook>()(retentionCmd.memberOutlookQuery),
  'retention.model': method<R.ModelFit | null>()(cmd.empty),
  'retention.fit': method<R.ModelFit>()(retentionCmd.fitModel),

  'campaigns.preview': method<R.CampaignPreview>()(retentionCmd.campaignPreview),
  'campaigns.send': method<R.CampaignSendResult>()(retentionCmd.campaignSend),
  'campaigns.list': method<R.CampaignStats[]>()(cmd.empty),
  'campaigns.members': method<R.MemberPage>()(retentionCmd.campaignMembers),
  'contacts.logCall': method<R.ContactEntry>()(retentionCmd.callLog),
  'consent.set': method<T.Member>()(cmd.consentSet),
  'birthdays.upcoming': method<R.BirthdayRow[]>()(retentionCmd.birthdaysUpcoming),
  'birthdays.greet': method<R.GreetResult>()(retentionCmd.birthdayGreet),

  'sms.outbox': method<S.OutboxPage>()(smsCmd.outboxQuery),
  'sms.retry': method<{ requeued: number }>()(smsCmd.outboxRetry),
  'sms.provider': method<S.ProviderStatus>()(cmd.empty),
  'sms.setProvider': method<S.ProviderStatus>()(smsCmd.providerUpdate),
  'sms.test': method<{ messageId: string }>()(smsCmd.testMessage),

  'receipts.get': method<Receipt>()(printCmd.receiptRef),
  'receipts.statement': method<Statement>()(printCmd.statementQuery),
  'print.receipt': method<P.PrintJob>()(printCmd.printReceipt),
  'print.job': method<P.PrintJob>()(printCmd.printJobQuery),
  'print.test': method<P.PrintJob>()(printCmd.printTest),
  'print.check': method<P.PrinterCheck>()(cmd.empty),
  'print.preview': method<P.ReceiptPreview>()(printCmd.receiptRef),
  'print.systemPrinters': method<string[]>()(cmd.empty),
  'print.logo': method<{ logoPng: string | null }>()(cmd.empty),
  'print.setLogo': method<{ logoPng: string | null }>()(printCmd.receiptLogo),
  'pdf.bill': method<P.FileDownload>()(printCmd.receiptRef),
  'pdf.statement': method<P.FileDownload>()(printCmd.statementQuery),

  // The owner's back office: each area's methods are listed in its own file.
  ...reportMethods,
  ...staffMethods,
  ...importMethods,
  ...backupMethods,
  ...shiftMethods,
} as const;

/** A money call's answer also says what became of its receipt: the print job and the e-bill. */
export interface Delivered {
  delivery: P.ReceiptDelivery;
}

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** The answer to every call, on every transport. */
export type ApiResult<O> = { ok: true; value: O } | { ok: false; error: ApiError };

export interface ApiError {
  code: import('../ledger/errors.ts').ErrorCode;
  /** In the caller's locale. */
  message: string;
  params?: Record<string, string | number>;
  /** For VALIDATION: which fields and why. */
  issues?: Array<{ path: string; message: string }>;
}

export const LOCALE_HEADER = 'x-regulars-locale';
