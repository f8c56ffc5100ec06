/**
 * The audit log as the API hands it out. Type-only, no Node imports: the renderer shows these.
 */
import type { AuditKind } from './kinds.ts';

export interface AuditRow {
  id: string;
  /** ISO-8601 UTC. */
  at: string;
  staffId: string | null;
  staffName: string | null;
  /** Whose PIN allowed a call the signed-in person's role did not. */
  approvedById: string | null;
  approvedByName: string | null;
  /** The API method, or an event such as `staff.signInFailed`. */
  action: string;
  kind: AuditKind;
  subjectKind: string | null;
  subjectId: string | null;
  subjectLabel: string | null;
  /** What the action changed, as it stood before and after (JSON, secrets removed). */
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Rows matching the filters, on all pages. */
  total: number;
  offset: number;
  limit: number;
}
