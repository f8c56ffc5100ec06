/**
 * One member as the retention screens show them (RetentionMember), built the same way for the lapsed
 * list, a segment's list and a member's outlook: the row's visit figures, RFM score, BG/NBD outlook,
 * and their contact history (last contact, whether they came back after it).
 */
import type { Ledger } from '../ledger/db.ts';
import type { ModelFit, RetentionMember, RfmScore } from './types.ts';
import { outlookOf } from './model.ts';
import { scoreMember, type RfmCutPoints } from './rfm.ts';
import { addDays, daysBetween, usualIntervalDays } from '../ledger/visit-figures.ts';
import type { CallOutcome, ContactChannel } from './types.ts';

/** The member columns every retention query selects (snake_case straight from SQL). */
export const MEMBER_COLUMNS = `m.id, m.code, m.name, m.phone, m.tier_id, t.name as tier_name, m.first_visit_date, m.last_visit_date,
  m.visit_days, m.total_spent_minor, m.balance_principal_minor, m.balance_bonus_minor, m.points,
  m.sms_marketing_consent, m.do_not_contact, m.monthly_spend_minor, m.lapsed_from_date`;

export interface MemberColumns {
  id: string;
  code: string;
  name: string;
  phone: string;
  tier_id: string;
  tier_name: string;
  first_visit_date: string | null;
  last_visit_date: string | null;
  visit_days: number;
  total_spent_minor: number;
  balance_principal_minor: number;
  balance_bonus_minor: number;
  points: number;
  sms_marketing_consent: number;
  do_not_contact: number;
  monthly_spend_minor: number;
  lapsed_from_date: string | null;
}

interface LastContact {
  memberId: string;
  contacts: number;
  channel: ContactChannel;
  outcome: CallOutcome | null;
  feedback: string;
  at: string;
}

function lastContacts(ledger: Ledger, memberIds: string[]): Map<string, LastContact> {
  const result = new Map<string, LastContact>();
  if (memberIds.length === 0) return result;
  const rows = ledger.sqlite
    .prepare(
      `select c.member_id as memberId, n.contacts, c.channel, c.outcome, c.feedback, c.created_at as at
       from (select member_id, count(*) as contacts, max(created_at) as last_at from contacts
             where member_id in (select value from json_each(?)) group by member_id) n
       join contacts c on c.member_id = n.member_id and c.created_at = n.last_at`,
    )
    .all(JSON.stringify(memberIds)) as LastContact[];
  for (const row of rows) result.set(row.memberId, row);
  return result;
}

/** The first sale within `days` after `since` (the member came back), or null. */
export function firstVisitAfter(ledger: Ledger, memberId: string, since: string, days: number): string | null {
  const until = `${addDays(since.slice(0, 10), days)}${since.slice(10)}`;
  const row = ledger.sqlite
    .prepare(`select min(created_at) as at from bills where member_id = ? and kind = 'sale' and created_at > ? and created_at <= ?`)
    .get(memberId, since, until) as { at: string | null };
  return row.at;
}

export interface RowContext {
  asOfDate: string;
  fit: ModelFit | null;
  cuts: RfmCutPoints | null;
  wonBackDays: number;
}

export function toRetentionMembers(ledger: Ledger, rows: MemberColumns[], context: RowContext): RetentionMember[] {
  const contacts = lastContacts(
    ledger,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const facts = { visitDays: row.visit_days, firstVisitDate: row.first_visit_date, lastVisitDate: row.last_visit_date, totalSpentMinor: row.total_spent_minor };
    const daysAbsent = row.last_visit_date ? Math.max(0, daysBetween(row.last_visit_date, context.asOfDate)) : null;
    const daysSinceFirst = row.first_visit_date ? Math.max(0, daysBetween(row.first_visit_date, context.asOfDate)) : null;
    const monthly = row.monthly_spend_minor;
    const rfm: RfmScore | null =
      context.cuts && daysAbsent !== null ? scoreMember({ daysAbsent, visitDays: row.visit_days, totalSpentMinor: row.total_spent_minor }, context.cuts) : null;
    const outlook =
      context.fit && daysAbsent !== null && daysSinceFirst !== null ? outlookOf(context.fit.params, row.visit_days, daysSinceFirst, Math.min(daysAbsent, daysSinceFirst)) : null;
    const contact = contacts.get(row.id);
    return {
      memberId: row.id,
      code: row.code,
      name: row.name,
      phone: row.phone,
      tierId: row.tier_id,
      tierName: row.tier_name,
      firstVisitDate: row.first_visit_date,
      lastVisitDate: row.last_visit_date,
      daysAbsent,
      visitDays: row.visit_days,
      usualIntervalDays: usualIntervalDays(facts),
      totalSpentMinor: row.total_spent_minor,
      monthlySpendMinor: monthly,
      balancePrincipalMinor: row.balance_principal_minor,
      balanceBonusMinor: row.balance_bonus_minor,
      points: row.points,
      rfm,
      probabilityAlive: outlook?.probabilityAlive ?? null,
      expectedVisits90: outlook?.expectedVisits90 ?? null,
      expectedLossMinor: outlook ? Math.floor((1 - outlook.probabilityAlive) * monthly + 0.5) : null,
      smsMarketingConsent: row.sms_marketing_consent === 1,
      doNotContact: row.do_not_contact === 1,
      contactCount: contact?.contacts ?? 0,
      lastContact: contact ? { channel: contact.channel, outcome: contact.outcome, feedback: contact.feedback, at: contact.at } : null,
      wonBackAt: contact ? firstVisitAfter(ledger, row.id, contact.at, context.wonBackDays) : null,
    };
  });
}
