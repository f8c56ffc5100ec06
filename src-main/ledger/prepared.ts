/**
 * Hand-written SQL for hot read paths, prepared once per connection. Drizzle builds and prepares each
 * query anew on every call (about 0.3 ms of JavaScript for a small one); a read that runs inside every
 * checkout — the e-bill's receipt — cannot afford five of those.
 */
import type Database from 'better-sqlite3';
import type { Db } from './db.ts';

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared<Row = unknown>(sqlite: Database.Database, sql: string): Database.Statement<unknown[], Row> {
  let statements = byConnection.get(sqlite);
  if (!statements) byConnection.set(sqlite, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
  return statement as Database.Statement<unknown[], Row>;
}

/**
 * A drizzle query built once per connection, with `sql.placeholder(…)` for its inputs: the typed
 * row mapping stays drizzle's, the query building and SQLite's prepare happen once. For the queries
 * a checkout or top-up runs; elsewhere plain drizzle reads better.
 */
export function perConnection<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const cache = new WeakMap<Db, Q>();
  return (db) => {
    let query = cache.get(db);
    if (!query) cache.set(db, (query = build(db)));
    return query;
  };
}
