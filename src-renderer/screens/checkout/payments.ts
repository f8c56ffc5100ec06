/**
 * From what the cashier typed per method to the payments the API takes. Cash is entered as what the
 * customer handed over: the part of it the bill needs is paid in cash, the rest is change — the way a
 * till works. Only sums of the cashier's own entries are done here; what they draw and earn is the
 * quote's answer.
 */
import type { CheckoutCommit } from '../../../src-main/ledger/commands.ts';
import { TENDER_METHODS, type TenderMethod } from '../../stores/sale.ts';

export type ApiPayment = CheckoutCommit['payments'][number];

/** What is left to pay once every method but `except` has been counted (never below zero). */
export function remainingExcept(entered: Readonly<Record<TenderMethod, number | null>>, totalMinor: number, except: TenderMethod): number {
  let rest = totalMinor;
  for (const method of TENDER_METHODS) if (method !== except && method !== 'cash') rest -= entered[method] ?? 0;
  if (except !== 'cash') rest -= cashApplied(entered, totalMinor);
  return Math.max(0, rest);
}

/** The part of the cash handed over that pays the bill (the rest is change). */
export function cashApplied(entered: Readonly<Record<TenderMethod, number | null>>, totalMinor: number): number {
  const tendered = entered.cash ?? 0;
  return Math.min(tendered, remainingExcept(entered, totalMinor, 'cash'));
}

export function paymentsFor(entered: Readonly<Record<TenderMethod, number | null>>, totalMinor: number): ApiPayment[] {
  const payments: ApiPayment[] = [];
  for (const method of TENDER_METHODS) {
    if (method === 'cash') {
      const applied = cashApplied(entered, totalMinor);
      if (applied > 0) payments.push({ method, amountMinor: applied, tenderedMinor: entered.cash! });
      continue;
    }
    const amount = entered[method];
    if (amount !== null && amount > 0) payments.push({ method, amountMinor: amount });
  }
  return payments;
}
