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
import type { AppInfo, MethodName, OutputOf, ParsedInputOf } from './contract.ts';

export interface HandlerContext {
  ledger: Ledger;
  version: string;
  dataFile: string;
  shell: AppInfo['shell'];
}

export type Handlers = { [M in MethodName]: (ctx: HandlerContext, input: ParsedInputOf<M>) => OutputOf<M> };

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
  'checkout.commit': ({ ledger }, input) => bills.checkout(ledger, input),
  'bills.get': ({ ledger }, input) => bills.getBill(ledger, input.billId),
  'bills.listOfDay': ({ ledger }, input) => bills.listBillsOfDay(ledger, input),
  'bills.daySummary': ({ ledger }, input) => daySummary(ledger, input),
  'bills.refundPreview': ({ ledger }, input) => bills.previewRefund(ledger, input),
  'bills.refund': ({ ledger }, input) => bills.refundBill(ledger, input),

  'topups.quote': ({ ledger }, input) => wallet.quoteTopup(ledger, input),
  'topups.create': ({ ledger }, input) => wallet.topUp(ledger, input),
  'topups.refundPreview': ({ ledger }, input) => wallet.previewTopupRefund(ledger, input),
  'topups.refund': ({ ledger }, input) => wallet.refundTopup(ledger, input),

  'wallet.adjust': ({ ledger }, input) => wallet.adjustWallet(ledger, input),
  'points.adjust': ({ ledger }, input) => adjustPoints(ledger, input),
};
