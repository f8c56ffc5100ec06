/**
 * One bar for the whole import: reading the file here (the first tenth), checking every row in the main
 * process, then the one write transaction, which cannot report rows as it goes and is shown as its
 * own step. A native <progress>, so a screen reader hears the value; the words say which step.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import type { ImportProgress } from '../../../../src-main/imports/types.ts';

const READ_SHARE = 0.1;
const CHECK_SHARE = 0.75;

function fractionOf(p: ImportProgress): number {
  switch (p.phase) {
    case 'read':
      return READ_SHARE * (p.total > 0 ? p.done / p.total : 0);
    case 'check':
      return READ_SHARE + CHECK_SHARE * (p.total > 0 ? p.done / p.total : 0);
    case 'write':
      return READ_SHARE + CHECK_SHARE + (1 - READ_SHARE - CHECK_SHARE) / 2;
    case 'done':
      return 1;
  }
}

export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const rows = progress.phase === 'check' && progress.total > 0 ? t('importExport.phase.rows', { done: f.number(progress.done), total: f.number(progress.total) }) : null;
  return (
    <div className="import-progress" role="status">
      <progress className="import-progress-bar" max={1} value={fractionOf(progress)} aria-labelledby={`${id}-label`} />
      <p className="import-progress-text" id={`${id}-label`}>
        <span className="visually-hidden">{t('importExport.phase.label')}: </span>
        {t(`importExport.phase.${progress.phase}`)}
        {rows ? <span className="muted num"> · {rows}</span> : null}
      </p>
    </div>
  );
}
