import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Ledger } from './db.ts';
import { fail } from './errors.ts';
import { idempotencyKeys } from './schema.ts';
import { isoTime } from './time.ts';
import { inTransaction } from './transaction.ts';

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
    const previous = ledger.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).get();
    if (previous) {
      if (previous.operation !== operation || previous.requestHash !== requestHash) fail('IDEMPOTENCY_CONFLICT');
      // Only the id of what was written is kept: the answer is read afresh from the ledger rows.
      return { ...load(JSON.parse(previous.resultJson) as string), replayed: true };
    }
    const resultId = execute();
    ledger.db
      .insert(idempotencyKeys)
      .values({ key, operation, requestHash, resultJson: JSON.stringify(resultId), createdAt: isoTime(ledger.clock()) })
      .run();
    return { ...load(resultId), replayed: false };
  });
}
