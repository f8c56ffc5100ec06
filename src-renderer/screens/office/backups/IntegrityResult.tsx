/** What an integrity check found: "no problems", or each problem in words (with example rows for a broken ledger rule). */
import { useTranslation } from 'react-i18next';
import type { IntegrityReport } from '../../../../src-main/backups/types.ts';
import { useFormat } from '../../../components/format.ts';
import { Icon } from '../../../components/Icon.tsx';
import { problemText } from './words.ts';

export function IntegrityResult({ report }: { report: IntegrityReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const where = { file: report.file, time: f.dateTime(report.checkedAt) };
  if (report.ok) {
    return (
      <div className="integrity-result is-ok" role="status">
        <Icon name="check" />
        <div>
          <strong>{t('backups.check.ok')}</strong>
          <p className="sub">{t('backups.check.okDetail', where)}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="integrity-result is-bad" role="alert">
      <Icon name="alert" />
      <div>
        <strong>{t('backups.check.bad', { count: report.problems.length })}</strong>
        <p className="sub">{t('backups.check.badDetail', where)}</p>
        <ul className="integrity-problems">
          {report.problems.map((problem, i) => (
            <li key={i}>
              {problemText(t, problem)}
              {problem.kind === 'invariant' && problem.examples.length > 0 ? <span className="sub num">{t('backups.check.examples', { ids: problem.examples.join(', ') })}</span> : null}
            </li>
          ))}
        </ul>
        {report.truncated ? <p className="sub">{t('backups.check.truncated')}</p> : null}
      </div>
    </div>
  );
}
