/** One member through the retention lens: their figures, segment and outlook, lapsed or not, and every contact. */
import type { Ledger } from '../ledger/db.ts';
import { fail } from '../ledger/errors.ts';
import { getSettings } from '../ledger/settings.ts';
import { contactsOfMember } from './contacts.ts';
import { MEMBER_COLUMNS, toRetentionMembers, type MemberColumns } from './member-rows.ts';
import { latestFit } from './model.ts';
import { rfmCutPoints } from './segments.ts';
import type { MemberOutlook } from './types.ts';

export function memberOutlook(ledger: Ledger, memberId: string, asOfDate: string): MemberOutlook {
  const row = ledger.sqlite.prepare(`select ${MEMBER_COLUMNS} from members m join tiers t on t.id = m.tier_id where m.id = ?`).get(memberId) as
    | MemberColumns
    | undefined;
  if (!row) fail('MEMBER_NOT_FOUND');
  const { retention } = getSettings(ledger);
  const [member] = toRetentionMembers(ledger, [row], { asOfDate, fit: latestFit(ledger), cuts: rfmCutPoints(ledger, asOfDate), wonBackDays: retention.wonBackDays });
  const lapsed = row.lapsed_from_date !== null && row.lapsed_from_date <= asOfDate;
  return { member: member!, lapsed, contacts: contactsOfMember(ledger, memberId) };
}
