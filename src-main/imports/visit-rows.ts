/**
 * Visit-history rows: each row's cells → a past visit (draftVisit, pure), then the member it belongs to
 * and whether an earlier import already brought it (settleVisitRows, against the ledger). A visit is
 * recognised by member, day and amount: if earlier imports hold k such visits, the first k rows with
 * that member, day and amount are already imported, so a file run twice, or a later export that
 * overlaps an earlier one, adds only what is new.
 */
import type { Ledger } from '../ledger/db.ts';
import { lastFourDigits } from '../ledger/phone.ts';
import { prepared } from '../ledger/prepared.ts';
import type { ColumnMapping, VisitField } from './fields.ts';
import type { ImportProblem, ImportRow } from './types.ts';
import { cleanText, parseAmount, parseDateTime, parsePhone, parseTime } from './values.ts';

export interface VisitRowContext {
  currency: string;
  /** The shop's business date: a visit cannot be later. */
  today: string;
}

/** What a row says before the ledger is asked who the member is. */
export interface VisitCells {
  phone: string | null;
  code: string | null;
  date: string;
  time: string | null;
  amountMinor: number;
  note: string;
}

const MAX_NOTE = 500;

export function draftVisit(cells: readonly string[], mapping: ColumnMapping<VisitField>, ctx: VisitRowContext): { problems: ImportProblem[]; cells?: VisitCells } {
  const cell = (field: VisitField) => {
    const column = mapping[field];
    return column === undefined ? '' : (cells[column] ?? '').trim();
  };
  const problems: ImportProblem[] = [];
  const problem = (code: ImportProblem['code'], field: VisitField) => problems.push({ code, field });

  const code = cell('code') || null;
  const phoneText = cell('phone');
  const phone = phoneText ? parsePhone(phoneText) : null;
  if (!code && !phoneText) problem('missing', mapping.phone !== undefined ? 'phone' : 'code');
  else if (!code && !phone) problem('invalid', 'phone');

  const dateText = cell('date');
  const when = dateText ? parseDateTime(dateText) : null;
  if (!dateText) problem('missing', 'date');
  else if (!when) problem('invalid', 'date');
  else if (when.date > ctx.today) problem('future', 'date');

  const timeText = cell('time');
  const time = timeText ? parseTime(timeText) : (when?.time ?? null);
  if (time === undefined) problem('invalid', 'time');

  const amountText = cell('amount');
  const amount = parseAmount(amountText, ctx.currency);
  if (!amountText) problem('missing', 'amount');
  else if (!amount.ok) problem(amount.why === 'negative' ? 'not_positive' : 'invalid', 'amount');
  else if (amount.value <= 0) problem('not_positive', 'amount');

  const note = cleanText(cell('note'));
  if ([...note].length > MAX_NOTE) problem('too_long', 'note');

  if (problems.length > 0 || !when || !amount.ok || time === undefined) return { problems };
  return { problems, cells: { phone: phone ?? null, code, date: when.date, time, amountMinor: amount.value, note } };
}

interface MemberHit {
  id: string;
  name: string;
  code: string;
  archived_at: string | null;
}

/**
 * Find each row's member (by member code when the row has one, else by phone), and hold back rows an
 * earlier import already wrote. Sets `visit` on the rows that will be written.
 */
export function settleVisitRows(ledger: Pick<Ledger, 'sqlite'>, rows: Array<ImportRow & { draft?: VisitCells }>): void {
  // An active member has the phone (the unique index of active phones); failing that, the archived
  // member who last had it, found through the last-four-digits index.
  const activeByPhone = prepared<MemberHit>(ledger.sqlite, 'select id, name, code, archived_at from members where phone = ? and archived_at is null');
  const archivedByPhone = prepared<MemberHit>(
    ledger.sqlite,
    'select id, name, code, archived_at from members where phone_last4 = ? and phone = ? and archived_at is not null order by archived_at desc limit 1',
  );
  const byPhone = (phone: string) => activeByPhone.get(phone) ?? archivedByPhone.get(lastFourDigits(phone), phone);
  const byCode = prepared<MemberHit>(ledger.sqlite, 'select id, name, code, archived_at from members where code = ?');
  const imported = prepared<{ business_date: string; total_minor: number; n: number }>(
    ledger.sqlite,
    'select business_date, total_minor, count(*) n from bills where member_id = ? and import_batch_id is not null group by business_date, total_minor',
  );
  // Per member: how many visits per "day|amount" earlier imports hold and this file has not yet matched.
  const held = new Map<string, Map<string, number>>();
  const heldOf = (memberId: string) => {
    let counts = held.get(memberId);
    if (!counts) {
      counts = new Map(imported.all(memberId).map((r) => [`${r.business_date}|${r.total_minor}`, r.n]));
      held.set(memberId, counts);
    }
    return counts;
  };

  for (const row of rows) {
    delete row.visit;
    const draft = row.draft;
    if (!draft || row.problems.length > 0) continue;
    const member = (draft.code ? byCode.get(draft.code) : undefined) ?? (draft.phone ? byPhone(draft.phone) : undefined);
    const field: VisitField = draft.code ? 'code' : 'phone';
    if (!member) {
      row.problems.push({ code: 'member_unknown', field });
      continue;
    }
    if (member.archived_at) {
      row.problems.push({ code: 'member_archived', field });
      continue;
    }
    const counts = heldOf(member.id);
    const key = `${draft.date}|${draft.amountMinor}`;
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      counts.set(key, left - 1);
      row.problems.push({ code: 'visit_already_imported', field: 'date' });
      continue;
    }
    row.visit = { memberId: member.id, memberName: member.name, memberCode: member.code, date: draft.date, time: draft.time, amountMinor: draft.amountMinor, note: draft.note };
  }
}
