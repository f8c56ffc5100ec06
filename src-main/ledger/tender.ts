/**
 * How a bill's total is paid: the one place that decides, for a split tender, what each payment
 * draws (stored value principal/bonus, points), the cash change, the points the bill earns and what
 * the member holds afterwards. Pure: no database. The checkout quote calls it to show the cashier
 * the outcome (problems as data, so the screen can say "not enough balance" and keep the rest), and
 * the checkout commit calls it to write exactly that (problems become refusals).
 */
import type { z } from 'zod';
import type * as cmd from './commands.ts';
import type { ErrorCode, ErrorParams } from './errors.ts';
import { sumMinor } from './money.ts';
import { pointsEarnedOn, pointsNeededFor } from './points.ts';
import type { Settings } from './settings-schema.ts';
import type { MemberBalances, Payment, TenderProblem } from './types.ts';
import { splitSpend } from './wallet.ts';

type TenderInput = z.output<typeof cmd.checkoutCommit>['payments'][number];

/** The member as the tender sees them: what they hold and how their tier earns points. */
export interface TenderMember extends MemberBalances {
  pointsPerUnit: number;
}

/** A payment as it will be written, before it has an id. */
export type PlannedPayment = Omit<Payment, 'id' | 'refundOfPaymentId' | 'method'> & { method: TenderInput['method'] };

export interface TenderPlan {
  payments: PlannedPayment[];
  paidMinor: number;
  /** Total minus what the payments cover: > 0 still to pay, < 0 paid too much (not cash change). */
  dueMinor: number;
  changeMinor: number;
  storedValue: { principal: number; bonus: number };
  pointsRedeemed: number;
  pointsEarned: number;
  memberAfter: MemberBalances | null;
  /** Why this tender cannot be committed as it stands, in the order the commit would refuse. */
  problems: TenderProblem[];
}

/** The most a member's points can pay for (whole minor units whose points cost they can afford). */
export function pointsRedeemableMinor(points: number, settings: Settings): number {
  if (!settings.pointsRedemption.enabled || points <= 0) return 0;
  return Math.floor((points * 100) / settings.pointsRedemption.pointsPerUnit);
}

export function planTender(member: TenderMember | null, settings: Settings, totalMinor: number, inputs: readonly TenderInput[]): TenderPlan {
  const problems: TenderProblem[] = [];
  const problem = (code: ErrorCode, params: ErrorParams = {}) => problems.push({ code, params });
  let storedValue = { principal: 0, bonus: 0 };
  let pointsRedeemed = 0;

  const payments = inputs.map((p): PlannedPayment => {
    const planned: PlannedPayment = {
      method: p.method,
      amountMinor: p.amountMinor,
      tenderedMinor: null,
      changeMinor: null,
      principalMinor: 0,
      bonusMinor: 0,
      points: 0,
    };
    if (p.tenderedMinor !== undefined) {
      if (p.method !== 'cash') problem('TENDER_ONLY_FOR_CASH');
      else if (p.tenderedMinor < p.amountMinor) problem('CASH_TENDER_SHORT', { needed: p.amountMinor, tendered: p.tenderedMinor });
      else {
        planned.tenderedMinor = p.tenderedMinor;
        planned.changeMinor = p.tenderedMinor - p.amountMinor;
      }
    } else if (p.method === 'cash') {
      planned.tenderedMinor = p.amountMinor;
      planned.changeMinor = 0;
    }
    if (p.method === 'stored_value') {
      if (!member) problem('MEMBER_REQUIRED');
      else if (p.amountMinor > member.balancePrincipalMinor + member.balanceBonusMinor) {
        problem('INSUFFICIENT_BALANCE', { available: member.balancePrincipalMinor + member.balanceBonusMinor, needed: p.amountMinor });
      } else {
        storedValue = splitSpend({ principal: member.balancePrincipalMinor, bonus: member.balanceBonusMinor }, p.amountMinor, settings.walletSpendOrder);
        planned.principalMinor = storedValue.principal;
        planned.bonusMinor = storedValue.bonus;
      }
    }
    if (p.method === 'points') {
      if (!member) problem('MEMBER_REQUIRED');
      else if (!settings.pointsRedemption.enabled) problem('POINTS_REDEMPTION_DISABLED');
      else {
        const needed = pointsNeededFor(p.amountMinor, settings);
        if (needed > member.points) problem('INSUFFICIENT_POINTS', { available: member.points, needed });
        else {
          pointsRedeemed = needed;
          planned.points = needed;
        }
      }
    }
    return planned;
  });

  const paidMinor = sumMinor(inputs.map((p) => p.amountMinor));
  // Points are earned on what was actually paid: never on the points part, and on the stored-value
  // part only if the shop says so (that money already bought its bonus when it was topped up). While
  // the tender is incomplete, the rest is assumed paid by cash/card, as the screen then says.
  const pointsPart = inputs.find((p) => p.method === 'points')?.amountMinor ?? 0;
  const storedPart = storedValue.principal + storedValue.bonus;
  const eligible = totalMinor - pointsPart - (settings.storedValueEarnsPoints ? 0 : storedPart);
  const pointsEarned = member ? pointsEarnedOn(eligible, member.pointsPerUnit) : 0;

  return {
    payments,
    paidMinor,
    dueMinor: totalMinor - paidMinor,
    changeMinor: payments.find((p) => p.method === 'cash')?.changeMinor ?? 0,
    storedValue,
    pointsRedeemed,
    pointsEarned,
    memberAfter: member
      ? {
          balancePrincipalMinor: member.balancePrincipalMinor - storedValue.principal,
          balanceBonusMinor: member.balanceBonusMinor - storedValue.bonus,
          points: member.points - pointsRedeemed + pointsEarned,
        }
      : null,
    problems,
  };
}
