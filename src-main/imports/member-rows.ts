/**
 * Member rows: each row's cells → the member it would create (draftMember, pure), then the checks that
 * need the whole file or the ledger (settleMemberRows): the same phone or code twice in the file, a
 * phone that is already an active member's, a code already in use. The import runs the settling again
 * inside its write transaction, so what it writes is checked against the ledger as it is then.
 */
import type { Ledger } from '../ledger/db.ts';
import { prepared } from '../ledger/prepared.ts';
import type { ColumnMapping, MemberField } from './fields.ts';
import type { ImportProblem, ImportRow, MemberDraft } from './types.ts';
import { cleanText, parseAmount, parseBirthday, parseDateTime, parseGender, parsePhone, parsePoints, parseYesNo } from './values.ts';

export interface TierChoice {
  id: string;
  name: string;
}

export interface MemberRowContext {
  currency: string;
  /** The shop's business date: a member cannot have joined after it. */
  today: string;
  /** Active tiers by normalized name (tierKey). */
  tiers: Map<string, TierChoice>;
  defaultTier: TierChoice;
}

/** The same limits the member form has (ledger/commands.ts memberCreate). */
const MAX_NAME = 40;
const MAX_NOTE = 500;
const CODE_PATTERN = /^[0-9A-Za-z]{4,20}$/;

export const tierKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

export function draftMember(cells: readonly string[], mapping: ColumnMapping<MemberField>, ctx: MemberRowContext): Pick<ImportRow, 'problems' | 'member'> {
  const cell = (field: MemberField) => {
    const column = mapping[field];
    return column === undefined ? '' : (cells[column] ?? '').trim();
  };
  const problems: ImportProblem[] = [];
  const problem = (code: ImportProblem['code'], field: MemberField) => problems.push({ code, field });

  const name = cleanText(cell('name'));
  if (!name) problem('missing', 'name');
  else if ([...name].length > MAX_NAME) problem('too_long', 'name');

  const phoneText = cell('phone');
  const phone = parsePhone(phoneText);
  if (!phoneText) problem('missing', 'phone');
  else if (!phone) problem('invalid', 'phone');

  const code = cell('code') || null;
  if (code !== null && !CODE_PATTERN.test(code)) problem('invalid', 'code');

  const amount = (field: 'balance' | 'bonus') => {
    const parsed = parseAmount(cell(field), ctx.currency);
    if (parsed.ok) return parsed.value;
    problem(parsed.why, field);
    return 0;
  };
  const balancePrincipalMinor = amount('balance');
  const balanceBonusMinor = amount('bonus');
  const pointsParsed = parsePoints(cell('points'));
  if (!pointsParsed.ok) problem(pointsParsed.why, 'points');

  const birthdayText = cell('birthday');
  const birthday = birthdayText ? parseBirthday(birthdayText, Number(ctx.today.slice(0, 4))) : null;
  if (birthday === undefined) problem('invalid', 'birthday');

  const tierText = cell('tier');
  const tier = tierText ? ctx.tiers.get(tierKey(tierText)) : ctx.defaultTier;
  if (!tier) problem('tier_unknown', 'tier');

  const note = cleanText(cell('note'));
  if ([...note].length > MAX_NOTE) problem('too_long', 'note');

  const joinedText = cell('joined');
  const joined = joinedText ? parseDateTime(joinedText) : null;
  if (joined === undefined) problem('invalid', 'joined');
  else if (joined && joined.date > ctx.today) problem('future', 'joined');

  const consent = parseYesNo(cell('marketingConsent'));
  if (consent === undefined) problem('invalid', 'marketingConsent');

  if (problems.length > 0 || !phone || !tier) return { problems };
  return {
    problems,
    member: {
      name,
      phone,
      code,
      balancePrincipalMinor,
      balanceBonusMinor,
      points: pointsParsed.ok ? pointsParsed.value : 0,
      birthMonth: birthday?.month ?? null,
      birthDay: birthday?.day ?? null,
      birthYear: birthday?.year ?? null,
      tierId: tier.id,
      tierName: tier.name,
      gender: parseGender(cell('gender')),
      note,
      joined: joined?.date ?? null,
      marketingConsent: consent ?? false,
    },
  };
}

/**
 * The checks that look beyond the row, in file order: a phone or code seen in an earlier row, a phone
 * an active member already has (so running a file twice never doubles anyone), a code in use.
 * Clears `member` from every row it rejects.
 */
export function settleMemberRows(ledger: Pick<Ledger, 'sqlite'>, rows: ImportRow[]): void {
  const phoneTaken = prepared<{ id: string }>(ledger.sqlite, 'select id from members where phone = ? and archived_at is null');
  const codeTaken = prepared<{ id: string }>(ledger.sqlite, 'select id from members where code = ?');
  const phones = new Set<string>();
  const codes = new Set<string>();
  for (const row of rows) {
    const draft = row.member;
    // Only rows that would be written claim a phone or code: a bad row does not block a good one.
    if (!draft) continue;
    if (phones.has(draft.phone)) row.problems.push({ code: 'duplicate_in_file', field: 'phone' });
    else if (phoneTaken.get(draft.phone)) row.problems.push({ code: 'phone_exists', field: 'phone' });
    if (draft.code !== null) {
      if (codes.has(draft.code)) row.problems.push({ code: 'duplicate_in_file', field: 'code' });
      else if (codeTaken.get(draft.code)) row.problems.push({ code: 'code_taken', field: 'code' });
      codes.add(draft.code);
    }
    phones.add(draft.phone);
    if (row.problems.length > 0) delete row.member;
  }
}
