/**
 * Writing imported members, inside the import's one transaction: the member row (with the member
 * form's own helpers: normalized phone, pinyin search keys, the next free member number), then what
 * they carry over as opening ledger entries with the import's reason — stored value through
 * postWalletEntry, points through postPointsEntry, the only writers of the cached balances — and the
 * marketing consent the old system recorded, as a consent event from the import.
 */
import { sql } from 'drizzle-orm';
import { recordConsent } from '../ledger/consent.ts';
import type { Ledger } from '../ledger/db.ts';
import { newId } from '../ledger/ids.ts';
import { nextMemberCode } from '../ledger/members.ts';
import { nameSearchKeys } from '../ledger/name-keys.ts';
import { lastFourDigits } from '../ledger/phone.ts';
import { postPointsEntry } from '../ledger/points.ts';
import { perConnection } from '../ledger/prepared.ts';
import { members } from '../ledger/schema.ts';
import { isoTime } from '../ledger/time.ts';
import { postWalletEntry } from '../ledger/wallet.ts';
import type { ImportRow, MemberDraft } from './types.ts';

const insertMember = perConnection((db) =>
  db
    .insert(members)
    .values({
      id: sql.placeholder('id'),
      tillId: sql.placeholder('tillId'),
      code: sql.placeholder('code'),
      phone: sql.placeholder('phone'),
      phoneLast4: sql.placeholder('phoneLast4'),
      name: sql.placeholder('name'),
      nameInitials: sql.placeholder('nameInitials'),
      namePinyin: sql.placeholder('namePinyin'),
      birthMonth: sql.placeholder('birthMonth'),
      birthDay: sql.placeholder('birthDay'),
      birthYear: sql.placeholder('birthYear'),
      gender: sql.placeholder('gender'),
      tierId: sql.placeholder('tierId'),
      note: sql.placeholder('note'),
      createdAt: sql.placeholder('createdAt'),
      createdByStaffId: sql.placeholder('staffId'),
      importBatchId: sql.placeholder('importBatchId'),
    })
    .prepare(),
);

/** The start of a shop-local day as stored time: the member joined that day in the old system. */
function joinedAt(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isoTime(new Date(y, m - 1, d));
}

export interface MemberBatch {
  id: string;
  reason: string;
  staffId: string;
}

/** Write every row that has a member draft; returns how many. */
export function writeMembers(ledger: Ledger, batch: MemberBatch, rows: readonly ImportRow[]): number {
  const drafts = rows.flatMap((r) => (r.member ? [r.member] : []));
  // Codes the file brings are taken before any new number is handed out, so no new number collides with one.
  const fileCodes = new Set(drafts.flatMap((d) => (d.code ? [d.code] : [])));
  const freshCode = () => {
    for (;;) {
      const code = nextMemberCode(ledger);
      if (!fileCodes.has(code)) return code;
    }
  };
  const now = isoTime(ledger.clock());
  for (const draft of drafts) writeMember(ledger, batch, draft, draft.code ?? freshCode(), now);
  return drafts.length;
}

function writeMember(ledger: Ledger, batch: MemberBatch, draft: MemberDraft, code: string, now: string): void {
  const id = newId();
  const keys = nameSearchKeys(draft.name);
  insertMember(ledger.db).run({
    id,
    tillId: ledger.tillId,
    code,
    phone: draft.phone,
    phoneLast4: lastFourDigits(draft.phone),
    name: draft.name,
    nameInitials: keys.initials,
    namePinyin: keys.pinyin,
    birthMonth: draft.birthMonth,
    birthDay: draft.birthDay,
    birthYear: draft.birthYear,
    gender: draft.gender,
    tierId: draft.tierId,
    note: draft.note,
    createdAt: draft.joined ? joinedAt(draft.joined) : now,
    staffId: batch.staffId,
    importBatchId: batch.id,
  });
  const entry = { memberId: id, kind: 'opening' as const, reason: batch.reason, staffId: batch.staffId };
  if (draft.balancePrincipalMinor > 0 || draft.balanceBonusMinor > 0) {
    postWalletEntry(ledger, { ...entry, principalDelta: draft.balancePrincipalMinor, bonusDelta: draft.balanceBonusMinor });
  }
  if (draft.points > 0) postPointsEntry(ledger, { ...entry, delta: draft.points });
  if (draft.marketingConsent) {
    recordConsent(ledger, { memberId: id, kind: 'sms_marketing', granted: true, source: 'import', staffId: batch.staffId, note: batch.reason });
  }
}
