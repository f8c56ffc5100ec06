/**
 * How the audit tab reads a row's before/after: leaf fields by path, only what differs (or all of a
 * new record), nothing for fields empty on both sides, lists of records kept as one field.
 */
import { describe, expect, it } from 'vitest';
import { changesOf, flatten } from '../../src-renderer/screens/office/audit/changes.ts';

describe('audit changes', () => {
  it('flattens nested objects to dotted paths and keeps lists whole', () => {
    expect([...flatten({ a: 1, b: { c: 'x', d: { e: null } }, f: [{ method: 'card', amountMinor: -100 }], g: [1, 2] })]).toEqual([
      ['a', 1],
      ['b.c', 'x'],
      ['b.d.e', null],
      ['f', [{ method: 'card', amountMinor: -100 }]],
      ['g', [1, 2]],
    ]);
  });

  it('shows only what changed, and all of what is new', () => {
    const before = { principalMinor: 100, bonusMinor: 0, points: 7, note: '' };
    const after = { principalMinor: 350, bonusMinor: 0, points: 7, note: '', reason: '补录', principalDeltaMinor: 250 };
    expect(changesOf(before, after)).toEqual([
      { path: 'principalMinor', key: 'principalMinor', before: 100, after: 350 },
      { path: 'reason', key: 'reason', before: undefined, after: '补录' },
      { path: 'principalDeltaMinor', key: 'principalDeltaMinor', before: undefined, after: 250 },
    ]);
    expect(changesOf(null, { name: 'Amy', role: 'cashier' }).map((c) => [c.path, c.after])).toEqual([
      ['name', 'Amy'],
      ['role', 'cashier'],
    ]);
    expect(changesOf({ balances: null }, { reason: '' })).toEqual([]);
    expect(changesOf({ staffRules: { refundLimitMinor: 10_000 } }, { staffRules: { refundLimitMinor: 5_000 } })).toEqual([
      { path: 'staffRules.refundLimitMinor', key: 'refundLimitMinor', before: 10_000, after: 5_000 },
    ]);
  });
});
