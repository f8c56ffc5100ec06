/**
 * The owner's integrity check of a data file: SQLite's own (PRAGMA integrity_check: pages, indexes,
 * records), every row's references (PRAGMA foreign_key_check), and the ledger's promises
 * (ledger/invariants.ts: balances equal their entries, bills add up, refunds never above the sale).
 * Findings are data; the screen words them. A file SQLite cannot read through is itself a finding.
 */
import type Database from 'better-sqlite3';
import { checkLedgerInvariants } from '../ledger/invariants.ts';
import { isRegularsFile } from './facts.ts';
import type { IntegrityProblem, InvariantRule } from './types.ts';

/** At most this many findings are listed (a badly damaged file can have thousands). */
export const MAX_PROBLEMS = 50;

/** The rules as ledger/invariants.ts names them → the names the screen has words for. */
const RULE_NAMES: Record<string, InvariantRule> = {
  'member balance equals wallet ledger': 'memberBalance',
  'member points equal points ledger': 'memberPoints',
  'nothing negative': 'nothingNegative',
  'running balances follow the entries': 'runningBalances',
  'payments add up to each bill': 'billPayments',
  'lines add up to each bill': 'billLines',
  'refunds never above the sale line': 'refundLines',
  'refunds never above the sale payment': 'refundPayments',
  'refunds never above the sale bill': 'refundBills',
  'stored value on bills matches the wallet': 'billStoredValue',
  'points on bills match the points ledger': 'billPoints',
  'top-ups match the wallet': 'topups',
  'top-up refunds never above the top-up': 'topupRefunds',
  'member totals equal their bills': 'memberTotals',
  'member visit days equal their sale days': 'memberVisitDays',
  'member monthly spend and lapsed day equal their visit figures': 'memberFigures',
  'opening entries belong to imported members': 'importOpenings',
  'imported bills are visits that moved no money': 'importVisits',
  'import batches add up to what they wrote': 'importBatches',
};

export function invariantRuleOf(ruleText: string): InvariantRule {
  return RULE_NAMES[ruleText] ?? 'other';
}

export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function exampleOf(row: unknown): string {
  if (row && typeof row === 'object' && 'id' in row) return String((row as { id: unknown }).id);
  return JSON.stringify(row);
}

export interface Findings {
  problems: IntegrityProblem[];
  truncated: boolean;
}

/** Everything wrong with the open file; an empty list means every check passed. */
export function findProblems(sqlite: Database.Database): Findings {
  const problems: IntegrityProblem[] = [];
  let truncated = false;
  const add = (problem: IntegrityProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
    else truncated = true;
  };
  try {
    const lines = sqlite.pragma(`integrity_check(${MAX_PROBLEMS})`) as Array<{ integrity_check: string }>;
    for (const { integrity_check: line } of lines) if (line !== 'ok') add({ kind: 'sqlite', detail: line });
    // Damaged pages make the checks below read garbage (or throw): SQLite's word is enough then.
    if (problems.length > 0) return { problems, truncated };
    if (!isRegularsFile(sqlite)) return { problems: [{ kind: 'notRegulars' }], truncated: false };
    const orphans = sqlite.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
    for (const o of orphans) add({ kind: 'foreignKey', table: o.table, rowid: o.rowid, parent: o.parent });
    for (const violation of checkLedgerInvariants({ sqlite })) {
      add({ kind: 'invariant', rule: invariantRuleOf(violation.rule), ruleText: violation.rule, examples: violation.rows.map(exampleOf) });
    }
  } catch (error) {
    add({ kind: 'unreadable', detail: errorDetail(error) });
  }
  return { problems, truncated };
}
