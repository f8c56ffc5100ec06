/**
 * A prepared-statement cache for bulk generation. Drizzle prepares every query afresh; across tens of
 * thousands of use-case calls that preparation is a third of the time. While `fn` runs, the
 * connection's `prepare` hands back the statement already made for the same SQL text (reset to
 * object rows, since drizzle switches statements to raw rows per call). Only for synchronous,
 * single-caller work such as the demo generator; the connection is left as it was afterwards.
 */
import type Database from 'better-sqlite3';

export function withStatementCache<T>(sqlite: Database.Database, fn: () => T): T {
  const own = Object.getOwnPropertyDescriptor(sqlite, 'prepare');
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  const cached = (source: string): Database.Statement => {
    let statement = cache.get(source);
    if (statement) {
      if (statement.reader) statement.raw(false);
      return statement;
    }
    statement = prepare(source);
    cache.set(source, statement);
    return statement;
  };
  Object.defineProperty(sqlite, 'prepare', { value: cached, configurable: true, writable: true });
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(sqlite, 'prepare', own);
    else delete (sqlite as { prepare?: unknown }).prepare;
    cache.clear();
  }
}
