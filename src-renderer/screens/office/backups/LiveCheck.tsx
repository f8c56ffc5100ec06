/** "Check the data now": the integrity check of the live data file, answered in a list of problems (or none). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrityReport } from '../../../../src-main/backups/types.ts';
import { api } from '../../../api.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { IntegrityResult } from './IntegrityResult.tsx';

export function LiveCheck() {
  const { t } = useTranslation();
  const uid = useId();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setReport(null);
    setError(null);
    try {
      setReport(await api.call('backups.check', {}));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card settings-card" aria-labelledby={`${uid}-title`}>
      <h3 className="settings-card-title" id={`${uid}-title`}>
        {t('backups.check.title')}
      </h3>
      <p className="field-hint" id={`${uid}-hint`}>
        {t('backups.check.intro')}
      </p>
      <div>
        <button type="button" className="btn" onClick={() => void run()} aria-disabled={busy || undefined} aria-describedby={`${uid}-hint`}>
          <Icon name="check" size={18} />
          {busy ? t('backups.check.running') : t('backups.check.live')}
        </button>
      </div>
      {report ? <IntegrityResult report={report} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
