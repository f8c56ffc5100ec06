/**
 * The screen's words for each finding of the integrity check, in both languages: every kind and every
 * ledger rule becomes a sentence with its details filled in (no key shown, no placeholder left), and a
 * file size reads as people write it.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { INVARIANT_RULES, type IntegrityProblem } from '../../src-main/backups/types.ts';
import { backupsText } from '../../src-renderer/screens/office/backups/text.ts';
import { formatSize, problemText } from '../../src-renderer/screens/office/backups/words.ts';

async function translator(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { [lng]: { translation: { backups: lng === 'en' ? backupsText.en : backupsText.zhCN } } }, interpolation: { escapeValue: false } });
  return instance.t;
}

const PROBLEMS: IntegrityProblem[] = [
  { kind: 'unreadable', detail: 'file is not a database' },
  { kind: 'notRegulars' },
  { kind: 'checksum' },
  { kind: 'sqlite', detail: 'Tree 12 page 34 cell 5: invalid page number 999' },
  { kind: 'foreignKey', table: 'members', rowid: 42, parent: 'tiers' },
  ...INVARIANT_RULES.map((rule): IntegrityProblem => ({ kind: 'invariant', rule, ruleText: 'some new rule', examples: ['m-1'] })),
];

describe('the integrity check in words', () => {
  for (const lng of ['zh-CN', 'en'] as const) {
    it(`says every finding in ${lng}`, async () => {
      const t = await translator(lng);
      const said = PROBLEMS.map((p) => problemText(t as never, p));
      for (const [i, text] of said.entries()) {
        expect(text, JSON.stringify(PROBLEMS[i])).not.toMatch(/backups\.|\{\{|\}\}/);
        expect(text.length).toBeGreaterThan(5);
      }
      expect(new Set(said).size).toBe(said.length);
      expect(said[0]).toContain('file is not a database');
      expect(said[4]).toContain('members');
      expect(said[4]).toContain('42');
      expect(said[4]).toContain('tiers');
      // A rule this screen has no words for yet is still named, as the ledger names it.
      expect(said.at(-1)).toContain('some new rule');
    });
  }

  it('writes sizes in kilobytes and megabytes', () => {
    expect(formatSize(18_034_688, 'en')).toBe('17.2 MB');
    expect(formatSize(495_616, 'en')).toBe('484 kB');
    expect(formatSize(10, 'en')).toBe('1 kB');
  });
});
