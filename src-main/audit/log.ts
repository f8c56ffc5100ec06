/**
 * Writing and reading the audit log. `appendAudit` is called inside the transaction of the change it
 * records (dispatch wraps audited calls; imports, restores and shift closes call it from their own
 * transactions), so a change and its audit row commit or roll back together. Rows are never updated
 * or deleted (triggers in migration 0007 refuse it).
 */
import { aliasedTable, and, count, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Ledger } from '../ledger/db.ts';
import { newId } from '../ledger/ids.ts';
import { auditLog, staff } from '../ledger/schema.ts';
import { isoTime } from '../ledger/time.ts';
import { AUDIT_KIND_ACTIONS, AUDIT_KINDS, auditKindOf, type AuditKind } from './kinds.ts';
import { redact } from './redact.ts';
import type { AuditPage, AuditRow } from './types.ts';

export interface AuditSubject {
  kind: string;
  id: string | null;
  /** What a person searches for: a member's name and number, a bill number. */
  label?: string | null;
}

export interface AuditEntry {
  /** Who did it (the signed-in person); null for the app itself (a background job, the demo). */
  staffId: string | null;
  approvedByStaffId?: string | null;
  action: string;
  subject?: AuditSubject | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(redact(value)));

/** Write one audit row now (in the caller's transaction, if any). Returns its id. */
export function appendAudit(ledger: Ledger, entry: AuditEntry): string {
  const id = newId();
  ledger.db
    .insert(auditLog)
    .values({
      id,
      tillId: ledger.tillId,
      at: isoTime(ledger.clock()),
      staffId: entry.staffId,
      approvedByStaffId: entry.approvedByStaffId ?? null,
      action: entry.action,
      subjectKind: entry.subject?.kind ?? null,
      subjectId: entry.subject?.id ?? null,
      subjectLabel: entry.subject?.label ?? null,
      beforeJson: json(entry.before),
      afterJson: json(entry.after),
    })
    .run();
  return id;
}

export interface AuditQuery {
  /** Done by (or approved by) this person. */
  staffId?: string | undefined;
  kind?: AuditKind | undefined;
  /** Shop-local days, inclusive (YYYY-MM-DD). */
  fromDate?: string | undefined;
  toDate?: string | undefined;
  /** A subject id, or part of its label (member name or number, bill number). */
  subject?: string | undefined;
  offset: number;
  limit: number;
}

/** The start of a shop-local day as stored time (UTC ISO), so day filters follow the shop's clock. */
function startOfLocalDay(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isoTime(new Date(y, m - 1, d + plusDays));
}

function kindCondition(kind: AuditKind): SQL | undefined {
  const patterns = (k: Exclude<AuditKind, 'other'>) =>
    AUDIT_KIND_ACTIONS[k].map((p) => (p.endsWith('.') ? like(auditLog.action, `${p}%`) : eq(auditLog.action, p)));
  if (kind !== 'other') return or(...patterns(kind));
  const known = AUDIT_KINDS.filter((k): k is Exclude<AuditKind, 'other'> => k !== 'other').flatMap(patterns);
  return sql`not (${or(...known)})`;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function listAudit(ledger: Ledger, query: AuditQuery): AuditPage {
  const approver = aliasedTable(staff, 'approver');
  const conditions: Array<SQL | undefined> = [];
  if (query.staffId) conditions.push(or(eq(auditLog.staffId, query.staffId), eq(auditLog.approvedByStaffId, query.staffId)));
  if (query.kind) conditions.push(kindCondition(query.kind));
  if (query.fromDate) conditions.push(gte(auditLog.at, startOfLocalDay(query.fromDate)));
  if (query.toDate) conditions.push(lt(auditLog.at, startOfLocalDay(query.toDate, 1)));
  if (query.subject) {
    const escaped = query.subject.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(or(eq(auditLog.subjectId, query.subject), sql`${auditLog.subjectLabel} like ${`%${escaped}%`} escape '\\'`));
  }
  const where = and(...conditions);
  const total = ledger.db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = ledger.db
    .select({
      row: auditLog,
      staffName: staff.name,
      approvedByName: approver.name,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .leftJoin(approver, eq(approver.id, auditLog.approvedByStaffId))
    .where(where)
    // Rows written in the same millisecond keep the order they were written in (rowid).
    .orderBy(desc(auditLog.at), sql`${auditLog}.rowid desc`)
    .limit(query.limit)
    .offset(query.offset)
    .all();
  return {
    rows: rows.map(({ row, staffName, approvedByName }): AuditRow => ({
      id: row.id,
      at: row.at,
      staffId: row.staffId,
      staffName,
      approvedById: row.approvedByStaffId,
      approvedByName,
      action: row.action,
      kind: auditKindOf(row.action),
      subjectKind: row.subjectKind,
      subjectId: row.subjectId,
      subjectLabel: row.subjectLabel,
      before: parse(row.beforeJson),
      after: parse(row.afterJson),
    })),
    total,
    offset: query.offset,
    limit: query.limit,
  };
}
