import type { Ledger } from './db.ts';

/**
 * Run `fn` as one synchronous write transaction (BEGIN IMMEDIATE, so two writers never deadlock on an
 * upgrade). Nested calls become savepoints, so a use case can be composed into a larger one (the demo
 * generator batches thousands of checkouts this way). `fn` must be synchronous: an awaited step would
 * run after COMMIT and escape the transaction, so a returned promise is refused.
 */
export function inTransaction<T>(ledger: Pick<Ledger, 'sqlite'>, fn: () => T): T {
  return ledger.sqlite
    .transaction(() => {
      const result = fn();
      if (result && typeof (result as { then?: unknown }).then === 'function') {
        throw new Error('transaction callbacks must be synchronous');
      }
      return result;
    })
    .immediate();
}
