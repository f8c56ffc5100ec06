/** Words the backups tab composes from data: a file's size, and one finding of the integrity check. */
import type { TFunction } from 'i18next';
import type { IntegrityProblem } from '../../../../src-main/backups/types.ts';

/** 1.2 MB, 840 KB: in the locale's own digits and unit. */
export function formatSize(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(mb);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)));
}

export function problemText(t: TFunction, problem: IntegrityProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return t('backups.check.problem.unreadable', { detail: problem.detail });
    case 'notRegulars':
      return t('backups.check.problem.notRegulars');
    case 'checksum':
      return t('backups.check.problem.checksum');
    case 'sqlite':
      return t('backups.check.problem.sqlite', { detail: problem.detail });
    case 'foreignKey':
      return t('backups.check.problem.foreignKey', { table: problem.table, rowid: problem.rowid ?? '?', parent: problem.parent });
    case 'invariant':
      return t(`backups.check.rule.${problem.rule}`, { rule: problem.ruleText });
  }
}
