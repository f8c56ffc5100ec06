/**
 * "Nothing changed": a fingerprint of the whole data file — every table's row count, the sum of every
 * integer column (money, points, counters) and a digest of every row — taken before and after a
 * refused command and compared.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface TableFingerprint {
  count: number;
  sums: Record<string, number>;
  digest: string;
}

export type Fingerprint = Record<string, TableFingerprint>;

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function listTables(sqlite: Database.Database): string[] {
  return (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as Array<{ name: string }>).map(
    (r) => r.name,
  );
}

interface TablePlan {
  table: string;
  sumSql: string | null;
  rowsSql: string;
}

/** Per connection: the queries that fingerprint each table (the schema does not change under a test). */
const plans = new WeakMap<Database.Database, TablePlan[]>();

function planFor(sqlite: Database.Database): TablePlan[] {
  let plan = plans.get(sqlite);
  if (!plan) {
    plan = listTables(sqlite).map((table) => {
      const columns = sqlite.prepare(`pragma table_info(${quote(table)})`).all() as Array<{ name: string; type: string }>;
      const ints = columns.filter((c) => /int/i.test(c.type)).map((c) => c.name);
      return {
        table,
        sumSql: ints.length ? `select ${ints.map((c) => `coalesce(sum(${quote(c)}), 0) as ${quote(c)}`).join(', ')} from ${quote(table)}` : null,
        rowsSql: `select * from ${quote(table)} order by rowid`,
      };
    });
    plans.set(sqlite, plan);
  }
  return plan;
}

export function fingerprint(ledger: { sqlite: Database.Database }): Fingerprint {
  const { sqlite } = ledger;
  const out: Fingerprint = {};
  for (const { table, sumSql, rowsSql } of planFor(sqlite)) {
    const sums = sumSql ? (sqlite.prepare(sumSql).get() as Record<string, number>) : {};
    const rows = sqlite.prepare(rowsSql).raw().all();
    const digest = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    out[table] = { count: rows.length, sums: { ...sums }, digest };
  }
  return out;
}
