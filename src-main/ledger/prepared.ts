/**
 * Hand-written SQL for hot read paths, prepared once per connection. Drizzle builds and prepares each
 * query anew on every call (about 0.3 ms of JavaScript for a small one); a read that runs inside every
 * checkout — the e-bill's receipt — cannot afford five of those.
 */
import type Database from 'better-sqlite3';

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared<Row = unknown>(sqlite: Database.Database, sql: string): Database.Statement<unknown[], Row> {
  let statements = byConnection.get(sqlite);
  if (!statements) byConnection.set(sqlite, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
  return statement as Database.Statement<unknown[], Row>;
}
