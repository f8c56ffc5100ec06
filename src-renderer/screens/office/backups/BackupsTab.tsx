/**
 * Back office → Backups (`#/office/backups`, the owner's): back up now (with its progress) and the
 * integrity check of the data now, the backup files (open one to see what is in it, check it or restore
 * it), then where backups go and the daily automatic backup. After a restore the app's info is loaded again.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../src-main/backups/types.ts';
import { useReloadAppInfo } from '../../../app/app-info.ts';
import { Notice } from '../../../components/ErrorNotice.tsx';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { useApiQuery } from '../../../components/use-api-query.ts';
import { useSession } from '../../../stores/session.ts';
import { BackupDialog } from './BackupDialog.tsx';
import { BackupNow } from './BackupNow.tsx';
import { BackupSettings } from './BackupSettings.tsx';
import { BackupTable } from './BackupTable.tsx';
import { LiveCheck } from './LiveCheck.tsx';
import './backups.css';

/** How often the list asks again while a backup runs (its progress). */
const PROGRESS_MS = 400;

export function BackupsTab() {
  const { t } = useTranslation();
  const me = useSession((s) => s.staff);
  if (me?.role !== 'owner') return <Notice kind="note" title={t('backups.ownerOnly')} text={t('backups.ownerOnlyHint')} />;
  return <Backups />;
}

function Backups() {
  const { t } = useTranslation();
  const reloadAppInfo = useReloadAppInfo();
  // While this screen's own backup runs, the list polls even before the server says it is running.
  const creating = useRef(false);
  const list = useApiQuery('backups.list', {}, { refreshMs: (answer) => (creating.current || answer.running ? PROGRESS_MS : null) });
  const [open, setOpen] = useState<BackupEntry | null>(null);
  const data = list.data;

  return (
    <div className="backups-tab">
      <div className="backups-top">
        <BackupNow
          running={data?.running ?? null}
          onStarted={() => {
            creating.current = true;
            list.reload();
          }}
          onFinished={() => {
            creating.current = false;
            list.reload();
          }}
        />
        <LiveCheck />
      </div>
      <section className="card settings-card" aria-labelledby="backups-list-title">
        <h3 className="settings-card-title" id="backups-list-title">
          {t('backups.list.title')}
        </h3>
        <p className="field-hint">{t('backups.list.intro')}</p>
        <QueryStatus query={list} />
        {data ? <BackupTable entries={data.entries} folder={data.folder} onOpen={setOpen} /> : null}
      </section>
      {data ? <BackupSettings list={data} onSaved={list.reload} /> : null}
      {open ? (
        <BackupDialog
          entry={open}
          onClose={(restored) => {
            setOpen(null);
            list.reload();
            // The shop's settings, staff and tiers are the restored file's now.
            if (restored) void reloadAppInfo().catch(() => undefined);
          }}
        />
      ) : null}
    </div>
  );
}
