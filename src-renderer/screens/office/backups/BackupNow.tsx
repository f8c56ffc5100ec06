/**
 * "Back up now": one press, the progress while SQLite copies the file (the list polls it), then the new
 * backup's name and size. The till keeps working meanwhile; a second press while one runs does nothing.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupProgress } from '../../../../src-main/backups/types.ts';
import { api } from '../../../api.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useFormat } from '../../../components/format.ts';
import { Icon } from '../../../components/Icon.tsx';
import { formatSize } from './words.ts';

interface BackupNowProps {
  /** The backup or restore under way, as the list last said. */
  running: BackupProgress | null;
  /** Called as the backup starts (the list then polls its progress) and when it has ended. */
  onStarted: () => void;
  onFinished: () => void;
}

export function BackupNow({ running, onStarted, onFinished }: BackupNowProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BackupEntry | null>(null);
  const [error, setError] = useState<unknown>(null);

  const start = async () => {
    if (busy) return;
    setBusy(true);
    setDone(null);
    setError(null);
    onStarted();
    try {
      setDone(await api.call('backups.create', {}));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      onFinished();
    }
  };

  const percent = running && running.totalPages > 0 ? Math.round((running.donePages / running.totalPages) * 100) : 0;
  const status = busy
    ? t('backups.now.running')
    : running?.kind === 'auto'
      ? t('backups.now.autoRunning')
      : running?.kind === 'restore'
        ? t('backups.now.restoreRunning')
        : done
          ? t('backups.now.done', { name: done.name, size: formatSize(done.sizeBytes, f.locale) })
          : '';

  return (
    <section className="card settings-card backups-now" aria-labelledby={`${uid}-title`}>
      <h3 className="settings-card-title" id={`${uid}-title`}>
        {t('backups.now.title')}
      </h3>
      <p className="field-hint" id={`${uid}-hint`}>
        {t('backups.now.intro')}
      </p>
      <div className="backups-now-row">
        <button type="button" className="btn btn-primary btn-large" onClick={() => void start()} aria-disabled={busy || running !== null || undefined} aria-describedby={`${uid}-hint`}>
          <Icon name="check" />
          {busy ? t('backups.now.running') : t('backups.now.button')}
        </button>
        {busy || running ? (
          <div className="backups-progress">
            <progress max={100} value={percent} aria-labelledby={`${uid}-status`} />
            <span className="sub num">{t('backups.now.progress', { percent })}</span>
          </div>
        ) : null}
      </div>
      <p className={`backups-status${done && !busy ? ' is-gain' : ''}`} id={`${uid}-status`} role="status">
        {status}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
