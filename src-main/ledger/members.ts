/**
 * Members: who they are, how to find them at the till, and the summary a screen shows. Balances and
 * points are never written here; wallet.ts and points.ts own those columns.
 */
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as cmd from './commands.ts';
import type { Ledger } from './db.ts';
import { fail } from './errors.ts';
import { newId } from './ids.ts';
import { nameSearchKeys } from './name-keys.ts';
import { perConnection, prepared } from './prepared.ts';
import { lastFourDigits, normalizePhone, tryNormalizePhone } from './phone.ts';
import { members, tiers } from './schema.ts';
import { recordConsent } from './consent.ts';
import { requireStaff, defaultTier } from './catalog.ts';
import { isoTime } from './time.ts';
import { inTransaction } from './transaction.ts';
import type { Member, MemberSummary } from './types.ts';

type MemberRow = typeof members.$inferSelect;
type TierRow = typeof tiers.$inferSelect;

export function toSummary(row: MemberRow, tierName: string): MemberSummary {
  return {
    id: row.id,
    code: row.code,
    phone: row.phone,
    name: row.name,
    tierId: row.tierId,
    tierName,
    balancePrincipalMinor: row.balancePrincipalMinor,
    balanceBonusMinor: row.balanceBonusMinor,
    points: row.points,
    totalSpentMinor: row.totalSpentMinor,
    visitCount: row.visitCount,
    lastVisitAt: row.lastVisitAt,
    archivedAt: row.archivedAt,
  };
}

function toMember(row: MemberRow, tier: TierRow): Member {
  return {
    ...toSummary(row, tier.name),
    birthMonth: row.birthMonth,
    birthDay: row.birthDay,
    birthYear: row.birthYear,
    gender: row.gender,
    tags: JSON.parse(row.tags) as string[],
    note: row.note,
    smsBillConsent: row.smsBillConsent,
    smsMarketingConsent: row.smsMarketingConsent,
    doNotContact: row.doNotContact,
    referredById: row.referredById,
    createdAt: row.createdAt,
    firstVisitAt: row.firstVisitAt,
    visitDays: row.visitDays,
    firstVisitDate: row.firstVisitDate,
    lastVisitDate: row.lastVisitDate,
    tierDiscountBp: tier.discountBp,
    tierPointsPerUnit: tier.pointsPerUnit,
  };
}

/** The member row and its tier, or MEMBER_NOT_FOUND. */
const memberWithTier = perConnection((db) => db.select().from(members).innerJoin(tiers, eq(members.tierId, tiers.id)).where(eq(members.id, sql.placeholder('memberId'))).prepare());

export function loadMember(ledger: Ledger, memberId: string): { row: MemberRow; tier: TierRow } {
  const found = memberWithTier(ledger.db).get({ memberId });
  if (!found) fail('MEMBER_NOT_FOUND');
  return { row: found.members, tier: found.tiers };
}

/** A member who may take part in a new sale, top-up or adjustment. */
export function loadActiveMember(ledger: Ledger, memberId: string): { row: MemberRow; tier: TierRow } {
  const found = loadMember(ledger, memberId);
  if (found.row.archivedAt) fail('MEMBER_ARCHIVED', { name: found.row.name });
  return found;
}

export function getMember(ledger: Ledger, memberId: string): Member {
  const { row, tier } = loadMember(ledger, memberId);
  return toMember(row, tier);
}

export function getMemberSummary(ledger: Ledger, memberId: string): MemberSummary {
  const { row, tier } = loadMember(ledger, memberId);
  return toSummary(row, tier.name);
}

function checkBirthday(month: number | null | undefined, day: number | null | undefined, year: number | null | undefined): void {
  if ((month == null) !== (day == null)) fail('VALIDATION', { field: 'birthday' });
  if (month == null || day == null) {
    if (year != null) fail('VALIDATION', { field: 'birthday' });
    return;
  }
  // 29 February is a valid birthday without a year (leap years exist).
  const probe = new Date(Date.UTC(year ?? 2000, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) fail('VALIDATION', { field: 'birthday' });
}

function requireTier(ledger: Ledger, tierId: string): void {
  const tier = ledger.db.select({ id: tiers.id }).from(tiers).where(and(eq(tiers.id, tierId), isNull(tiers.archivedAt))).get();
  if (!tier) fail('TIER_NOT_FOUND');
}

function assertPhoneFree(ledger: Ledger, phone: string, exceptMemberId?: string): void {
  const clash = ledger.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.phone, phone), isNull(members.archivedAt), exceptMemberId ? ne(members.id, exceptMemberId) : undefined))
    .get();
  if (clash) fail('PHONE_TAKEN', { phone });
}

/** Next member number: sequential digits, so a card can carry a short Code 128 barcode (also for imported members without one). */
export function nextMemberCode(ledger: Ledger): string {
  // Prepared once per connection: an import of thousands of members calls this once each.
  const next = prepared<{ value: number }>(ledger.sqlite, "insert into counters(name, value) values ('member_code', 100001) on conflict(name) do update set value = value + 1 returning value");
  const taken = prepared(ledger.sqlite, 'select 1 from members where code = ?');
  for (;;) {
    const code = String(next.get()!.value);
    if (!taken.get(code)) return code;
  }
}

export function createMember(ledger: Ledger, input: cmd.MemberCreate): Member {
  const data = cmd.memberCreate.parse(input);
  return inTransaction(ledger, () => {
    requireStaff(ledger, data.staffId);
    const phone = normalizePhone(data.phone);
    assertPhoneFree(ledger, phone);
    checkBirthday(data.birthMonth, data.birthDay, data.birthYear);
    const tierId = data.tierId ?? defaultTier(ledger).id;
    requireTier(ledger, tierId);
    if (data.referredById) loadMember(ledger, data.referredById);
    if (data.code && ledger.db.select({ id: members.id }).from(members).where(eq(members.code, data.code)).get()) {
      fail('VALIDATION', { field: 'code' });
    }
    const keys = nameSearchKeys(data.name);
    const id = newId();
    ledger.db
      .insert(members)
      .values({
        id,
        tillId: ledger.tillId,
        code: data.code ?? nextMemberCode(ledger),
        phone,
        phoneLast4: lastFourDigits(phone),
        name: data.name,
        nameInitials: keys.initials,
        namePinyin: keys.pinyin,
        birthMonth: data.birthMonth ?? null,
        birthDay: data.birthDay ?? null,
        birthYear: data.birthYear ?? null,
        gender: data.gender ?? null,
        tierId,
        tags: JSON.stringify(data.tags),
        note: data.note,
        referredById: data.referredById ?? null,
        createdAt: isoTime(ledger.clock()),
        createdByStaffId: data.staffId,
      })
      .run();
    recordFormConsents(ledger, id, data, data.staffId);
    return getMember(ledger, id);
  });
}

export function updateMember(ledger: Ledger, input: cmd.MemberUpdate): Member {
  const data = cmd.memberUpdate.parse(input);
  return inTransaction(ledger, () => {
    requireStaff(ledger, data.staffId);
    const { row } = loadActiveMember(ledger, data.memberId);
    const patch: Partial<MemberRow> = {};
    if (data.phone !== undefined) {
      const phone = normalizePhone(data.phone);
      assertPhoneFree(ledger, phone, row.id);
      patch.phone = phone;
      patch.phoneLast4 = lastFourDigits(phone);
    }
    if (data.name !== undefined) {
      const keys = nameSearchKeys(data.name);
      Object.assign(patch, { name: data.name, nameInitials: keys.initials, namePinyin: keys.pinyin });
    }
    if (data.birthMonth !== undefined || data.birthDay !== undefined || data.birthYear !== undefined) {
      const month = data.birthMonth === undefined ? row.birthMonth : data.birthMonth;
      const day = data.birthDay === undefined ? row.birthDay : data.birthDay;
      const year = data.birthYear === undefined ? row.birthYear : data.birthYear;
      checkBirthday(month, day, year);
      Object.assign(patch, { birthMonth: month ?? null, birthDay: day ?? null, birthYear: year ?? null });
    }
    if (data.gender !== undefined) patch.gender = data.gender ?? null;
    if (data.tierId) {
      requireTier(ledger, data.tierId);
      patch.tierId = data.tierId;
    }
    if (data.tags !== undefined) patch.tags = JSON.stringify(data.tags);
    if (data.note !== undefined) patch.note = data.note;
    if (data.referredById !== undefined) {
      if (data.referredById === row.id) fail('VALIDATION', { field: 'referredById' });
      if (data.referredById) loadMember(ledger, data.referredById);
      patch.referredById = data.referredById ?? null;
    }
    if (Object.keys(patch).length > 0) ledger.db.update(members).set(patch).where(eq(members.id, row.id)).run();
    recordFormConsents(ledger, row.id, data, data.staffId);
    return getMember(ledger, row.id);
  });
}

/** The consent boxes of the member form: each change goes through the consent record. */
function recordFormConsents(ledger: Ledger, memberId: string, form: { smsBillConsent?: boolean; smsMarketingConsent?: boolean }, staffId: string): void {
  if (form.smsBillConsent !== undefined) recordConsent(ledger, { memberId, kind: 'sms_bill', granted: form.smsBillConsent, source: 'member_form', staffId });
  if (form.smsMarketingConsent !== undefined) {
    recordConsent(ledger, { memberId, kind: 'sms_marketing', granted: form.smsMarketingConsent, source: 'member_form', staffId });
  }
}

/** Archiving frees the phone number for a new member; the history and any balance stay on record. */
export function archiveMember(ledger: Ledger, input: z.input<typeof cmd.memberArchive>): Member {
  const data = cmd.memberArchive.parse(input);
  return inTransaction(ledger, () => {
    requireStaff(ledger, data.staffId);
    const { row } = loadActiveMember(ledger, data.memberId);
    ledger.db.update(members).set({ archivedAt: isoTime(ledger.clock()) }).where(eq(members.id, row.id)).run();
    return getMember(ledger, row.id);
  });
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** The first string after all strings that start with `prefix` (ASCII letters or digits only). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * Find members the way a cashier types: member code (or a scanned card), full phone, last 4 digits,
 * part of the name, or pinyin initials / pinyin ("zs", "zhangs" → 张三). Best matches first.
 *
 * The ways a query can match are tried best first, each on an index, and the search stops as soon as
 * `limit` members are found: a member's rank is the first way that finds them, so once the list is
 * full nothing a later way finds could enter it. Within a way, members who came most recently come
 * first. Prefix matches are index ranges (`>= 'zx' and < 'zy'`, the keys are stored in lower case), a
 * phone's last 5+ digits go through the last-4 index, and only part of a name needs to look at every
 * name, through the small `members_name` index rather than the table.
 */
export function searchMembers(ledger: Ledger, input: z.input<typeof cmd.memberSearch>): MemberSummary[] {
  const { query, limit, includeArchived } = cmd.memberSearch.parse(input);
  if (!query) return [];
  const q = query.toLowerCase();
  const digits = /^[\d\s+-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  const letters = /^[a-z]+$/.test(q) ? q : '';
  const phone = digits.length >= 7 ? tryNormalizePhone(query) : undefined;

  // Each way: its condition (a fixed text, so its statement is prepared once per connection) and values.
  const ways: Array<[string, unknown[]]> = [['code = ?', [query]]];
  if (phone) ways.push(['phone = ?', [phone]]);
  if (digits.length === 4) ways.push(['phone_last4 = ?', [digits]]);
  if (digits.length >= 5) ways.push(['phone_last4 = ? and phone like ?', [digits.slice(-4), '%' + digits]]);
  if (digits.length >= 3) ways.push(['code >= ? and code < ?', [digits, prefixEnd(digits)]]);
  if (letters) {
    ways.push(['name_initials = ?', [letters]]);
    ways.push(['name_initials >= ? and name_initials < ?', [letters, prefixEnd(letters)]]);
    ways.push(['name_pinyin >= ? and name_pinyin < ?', [letters, prefixEnd(letters)]]);
  }
  if (!digits) {
    // LIKE ignores ASCII case; the text as typed also finds capitals outside ASCII ('Ölaf' finds Ölaf).
    const patterns = [...new Set([q, query])].map((text) => `%${escapeLike(text)}%`);
    const like = patterns.map(() => "name like ? escape '\\'").join(' or ');
    ways.push([`rowid in (select rowid from members where ${like})`, patterns]);
  }

  const found: string[] = [];
  const seen = new Set<string>();
  for (const [where, values] of ways) {
    // Enough rows that, after skipping members a better way already found, the list can still fill.
    const statement = prepared<{ id: string }>(
      ledger.sqlite,
      `select id from members where (${where}) ${includeArchived ? '' : 'and archived_at is null'} order by last_visit_at desc nulls last, name, id limit ?`,
    );
    for (const { id } of statement.all(...values, limit + found.length)) {
      if (seen.has(id)) continue;
      seen.add(id);
      found.push(id);
      if (found.length === limit) break;
    }
    if (found.length === limit) break;
  }
  if (found.length === 0) return [];
  const byId = new Map(membersByIds(ledger.db).all({ ids: JSON.stringify(found) }).map((r) => [r.members.id, toSummary(r.members, r.tiers.name)] as const));
  return found.map((id) => byId.get(id)!);
}

/** The found members with their tiers, in one statement prepared once (the ids travel as one JSON array). */
const membersByIds = perConnection((db) =>
  db
    .select()
    .from(members)
    .innerJoin(tiers, eq(members.tierId, tiers.id))
    .where(sql`${members.id} in (select value from json_each(${sql.placeholder('ids')}))`)
    .prepare(),
);

/** Members ordered by most recent visit (the member list before anything is typed). */
export function listRecentMembers(ledger: Ledger, limit: number): MemberSummary[] {
  return ledger.db
    .select()
    .from(members)
    .innerJoin(tiers, eq(members.tierId, tiers.id))
    .where(isNull(members.archivedAt))
    .orderBy(sql`${members.lastVisitAt} desc nulls last`, desc(members.createdAt))
    .limit(limit)
    .all()
    .map((r) => toSummary(r.members, r.tiers.name));
}
