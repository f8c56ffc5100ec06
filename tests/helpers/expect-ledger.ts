import { expect } from 'vitest';
import { LedgerError, type ErrorCode } from '../../src-main/ledger/errors.ts';
import type Database from 'better-sqlite3';
import { fingerprint } from './fingerprint.ts';

/** Run `fn`, expect it to throw a LedgerError with `code`, and return the error. */
export function expectLedgerError(fn: () => unknown, code: ErrorCode): LedgerError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected a LedgerError ${code}`).toBeInstanceOf(LedgerError);
  expect((thrown as LedgerError).code).toBe(code);
  return thrown as LedgerError;
}

/** Like expectLedgerError, and the data file is exactly as it was before. */
export function expectRefusedUnchanged(ledger: { sqlite: Database.Database }, fn: () => unknown, code: ErrorCode): LedgerError {
  const before = fingerprint(ledger);
  const error = expectLedgerError(fn, code);
  expect(fingerprint(ledger)).toEqual(before);
  return error;
}
