/**
 * Where backups go and the daily automatic backup: the folder (typed, or chosen with the system's
 * folder chooser in the desktop app; empty = the default beside the data file), on/off, and how many
 * automatic backups are kept. Saved with `backups.configure`, which refuses a folder it cannot write to.
 * Under it, how the last automatic backup went.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupList } from '../../../../src-main/backups/types.ts';
import { settingsSchema } from '../../../../src-main/ledger/settings-schema.ts';
import { api } from '../../../api.ts';
import { useAppInfo, useReloadAppInfo } from '../../../app/app-info.ts';
import { errorMessage } from '../../../../src-main/api/error-messages.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { TextField } from '../../../components/Field.tsx';
import { useFormat } from '../../../components/format.ts';
import { CheckCard } from '../../settings/parts.tsx';
import { limitsOf } from '../../settings/limits.ts';
import { parseWholeNumber } from '../../settings/number-text.ts';

const KEEP = limitsOf(settingsSchema.shape.backups.shape.keep);
const FOLDER_MAX = settingsSchema.shape.backups.shape.folder.maxLength ?? 1000;

export function BackupSettings({ list, onSaved }: { list: BackupList; onSaved: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const saved = useAppInfo().settings.backups;
  const reloadAppInfo = useReloadAppInfo();
  const [folder, setFolder] = useState(saved.folder);
  const [daily, setDaily] = useState(saved.daily);
  const [keep, setKeep] = useState(String(saved.keep));
  const [showKeepError, setShowKeepError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  // Saved elsewhere meanwhile (a restore brings the backup's own settings): show what is saved now.
  useEffect(() => {
    setFolder(saved.folder);
    setDaily(saved.daily);
    setKeep(String(saved.keep));
  }, [saved.folder, saved.daily, saved.keep]);

  const keepParsed = parseWholeNumber(keep, KEEP.min, KEEP.max);
  const dirty = folder.trim() !== saved.folder || daily !== saved.daily || !keepParsed.ok || keepParsed.value !== saved.keep;

  const save = async () => {
    if (busy || !dirty) return;
    if (!keepParsed.ok) {
      setShowKeepError(true);
      return;
    }
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const next = await api.call('backups.configure', { folder: folder.trim(), daily, keep: keepParsed.value });
      setFolder(next.folder);
      setDone(true);
      await reloadAppInfo();
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    setError(null);
    try {
      const picked = await api.call('backups.pickFolder', {});
      if (picked.folder) {
        setFolder(picked.folder);
        setDone(false);
      }
    } catch (e) {
      setError(e);
    }
  };

  const last = list.lastAuto;
  return (
    <section className="card settings-card" aria-labelledby={`${uid}-title`}>
      <h3 className="settings-card-title" id={`${uid}-title`}>
        {t('backups.settings.title')}
      </h3>
      <form
        className="backups-settings"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="backups-folder">
          <TextField
            id={`${uid}-folder`}
            label={t('backups.settings.folder')}
            hint={t('backups.settings.folderHint', { path: list.defaultFolder })}
            error={!dirty && list.folderProblem ? t('backups.settings.folderProblem') : null}
            inputClassName="num"
            value={folder}
            onValue={(value) => {
              setFolder(value);
              setDone(false);
            }}
            placeholder={list.defaultFolder}
            spellCheck={false}
            maxLength={FOLDER_MAX}
          />
          <div className="backups-folder-buttons">
            {list.canPickFolder ? (
              <button type="button" className="btn" onClick={() => void choose()}>
                {t('backups.settings.choose')}
              </button>
            ) : null}
            <button type="button" className="btn" onClick={() => setFolder('')} disabled={folder === ''}>
              {t('backups.settings.useDefault')}
            </button>
          </div>
        </div>
        <div className="backups-auto">
          <CheckCard id={`${uid}-daily`} label={t('backups.settings.daily')} hint={t('backups.settings.dailyHint')} checked={daily} onChange={setDaily} />
          <TextField
            id={`${uid}-keep`}
            className="backups-keep"
            label={t('backups.settings.keep')}
            hint={t('backups.settings.keepHint')}
            error={showKeepError && !keepParsed.ok ? t('backups.settings.keepError') : null}
            inputClassName="num"
            inputMode="numeric"
            value={keep}
            onValue={(value) => {
              setKeep(value);
              setShowKeepError(false);
              setDone(false);
            }}
            affix={t('backups.settings.keepUnit')}
            maxLength={3}
          />
        </div>
        <div className="backups-save">
          <button type="submit" className="btn btn-primary" aria-disabled={busy || !dirty || undefined}>
            {t('backups.settings.save')}
          </button>
          <span className="is-gain" role="status">
            {done ? t('backups.settings.saved') : ''}
          </span>
        </div>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      {last ? (
        <p className={`backups-last${last.ok ? '' : ' is-loss'}`}>
          {last.ok
            ? t('backups.settings.lastOk', { time: f.dateTime(last.at) })
            : t('backups.settings.lastFailed', { time: f.dateTime(last.at), reason: errorMessage(last.code, { folder: list.folder }, f.locale, f.currency) })}
        </p>
      ) : null}
    </section>
  );
}
