/**
 * What the import and export methods answer, as plain types (the renderer imports them). Money is
 * integer minor units; rows are numbered as the file's own spreadsheet or editor shows them.
 */
import type { ColumnMapping, ImportField, ImportKind } from './fields.ts';

export type { ColumnMapping, ImportField, ImportKind } from './fields.ts';

/** The text encodings an import reads (GB18030 is the superset of the GBK that Chinese Excel writes). */
export const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be', 'windows-1252', 'shift_jis', 'euc-kr'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
/** How the file was read: a spreadsheet, or text in this encoding. */
export type ImportEncoding = TextEncoding | 'xlsx';

/** Why a row is not imported. Each names the field (column) it is about. */
export const IMPORT_PROBLEMS = [
  'missing',
  'too_long',
  'invalid',
  'negative',
  'not_positive',
  'future',
  'duplicate_in_file',
  'phone_exists',
  'code_taken',
  'tier_unknown',
  'member_unknown',
  'member_archived',
  'visit_already_imported',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number];

export interface ImportProblem {
  code: ImportProblemCode;
  field: ImportField;
}

/** A member row as it would be written. */
export interface MemberDraft {
  name: string;
  /** E.164. */
  phone: string;
  /** The old system's member code, kept when it fits ours; null: the next free number. */
  code: string | null;
  balancePrincipalMinor: number;
  balanceBonusMinor: number;
  points: number;
  birthMonth: number | null;
  birthDay: number | null;
  birthYear: number | null;
  /** The tier's id here (the shop's default tier when the file names none). */
  tierId: string;
  tierName: string;
  gender: 'female' | 'male' | 'other' | null;
  note: string;
  /** YYYY-MM-DD they became a member in the old system; null: today. */
  joined: string | null;
  marketingConsent: boolean;
}

/** A visit row as it would be written: one imported bill. */
export interface VisitDraft {
  memberId: string;
  memberName: string;
  memberCode: string;
  /** YYYY-MM-DD, the shop's calendar. */
  date: string;
  /** HH:mm, or null (the bill is placed at noon). */
  time: string | null;
  amountMinor: number;
  note: string;
}

export interface ImportRow {
  line: number;
  cells: string[];
  /** Empty: the row is imported. */
  problems: ImportProblem[];
  member?: MemberDraft;
  visit?: VisitDraft;
}

export interface ImportBatchSummary {
  id: string;
  batchNo: number;
  kind: ImportKind;
  fileName: string;
  encoding: ImportEncoding;
  reason: string;
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  openingPrincipalMinor: number;
  openingBonusMinor: number;
  openingPoints: number;
  visitsMinor: number;
  staffName: string;
  createdAt: string;
}

/** What a file would do, with every row checked; nothing written. */
export interface ImportPreview {
  kind: ImportKind;
  fileName: string;
  /** SHA-256 of the file's bytes. */
  fileHash: string;
  encoding: ImportEncoding;
  headers: string[];
  headerLine: number;
  mapping: ColumnMapping;
  /** Fields the mapping still lacks; nothing is checked or imported until it has them. */
  missing: ImportField[];
  totalRows: number;
  goodRows: number;
  rejectedRows: number;
  /** The first rows, checked and normalized, as they would be written. */
  sample: ImportRow[];
  /** Rejected rows with their reasons (the first PREVIEW_REJECTED_LIMIT of them). */
  rejected: ImportRow[];
  /** What the good rows carry over. */
  totals: ImportTotals;
  /** Earlier imports of this same file with this same mapping. */
  previous: ImportBatchSummary[];
}

export interface ImportTotals {
  openingPrincipalMinor: number;
  openingBonusMinor: number;
  openingPoints: number;
  visitsMinor: number;
}

/** What an import wrote (all good rows in one transaction) and every row it turned away. */
export interface ImportResult {
  /** Null when no row was new: nothing was written. */
  batch: ImportBatchSummary | null;
  totalRows: number;
  importedRows: number;
  /** Every rejected row with its reasons (the report the owner downloads). */
  rejected: ImportRow[];
  headers: string[];
  /** Nothing new, and this same file with this mapping was imported before (`previous`). */
  alreadyImported: boolean;
  previous: ImportBatchSummary[];
}

export type ImportPhase = 'read' | 'check' | 'write' | 'done';

/** How far a running preview or import has got, for the progress bar. */
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export const PREVIEW_SAMPLE_ROWS = 20;
export const PREVIEW_REJECTED_LIMIT = 1000;
