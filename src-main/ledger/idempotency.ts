import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Ledger } from './db.ts';
import { fail } from './errors.ts';
import { perConnection } from './prepared.ts';
import { idempotencyKeys } from './schema.ts';
import { isoTime } from './time.ts';
import { inTransaction } from './transaction.ts';

const keyRow = perConnection((db) => db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, sql.placeholder('key'))).prepare());
const insertKey = perConnection((db) =>
  db
    .insert(idempotencyKeys)
    .values({
      key: sql.placeholder('key'),
      operation: sql.placeholder('operation'),
      requestHash: sql.placeholder('requestHash'),
      resultJson: sql.placeholder('resultJson'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
);

function hashRequest(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * Run a money-moving operation at most once per idempotency key. The key and the result are written in
 * the same transaction as the operation, so a double-pressed Pay, a retried request after a timeout or
 * a crash between commit and reply all get the first result back (`replayed: true`) instead of a
 * second charge. The same key with a different request is refused.
 */
export function runOnce<T extends object>(
  ledger: Ledger,
  operation: string,
  key: string,
  request: unknown,
  execute: () => string,
  load: (resultId: string) => T,
): T & { replayed: boolean } {
  const requestHash = hashRequest(request);
  return inTransaction(ledger, () => {
    const previous = keyRow(ledger.db).get({ key });
    if (previous) {
      if (previous.operation !== operation || previous.requestHash !== requestHash) fail('IDEMPOTENCY_CONFLICT');
      // Only the id of what was written is kept: the answer is read afresh from the ledger rows.
      return { ...load(JSON.parse(previous.resultJson) as string), replayed: true };
    }
    const resultId = execute();
    insertKey(ledger.db).run({ key, operation, requestHash, resultJson: JSON.stringify(resultId), createdAt: isoTime(ledger.clock()) });
    return { ...load(resultId), replayed: false };
  });
}
