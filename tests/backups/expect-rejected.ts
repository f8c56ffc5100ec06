import { expect } from 'vitest';
import { LedgerError, type ErrorCode } from '../../src-main/ledger/errors.ts';

/** Like tests/helpers' expectLedgerError, for a use case that answers a promise. */
export async function expectRejected(run: () => Promise<unknown>, code: ErrorCode): Promise<LedgerError> {
  let thrown: unknown;
  try {
    await run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected a LedgerError ${code}`).toBeInstanceOf(LedgerError);
  expect((thrown as LedgerError).code).toBe(code);
  return thrown as LedgerError;
}
