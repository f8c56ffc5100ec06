/**
 * One backup, opened from the list: what is in it (`backups.preview`: members, bills, the last bill,
 * its data version, whether it is whole), its integrity check on demand, and the restore — refused
 * for a damaged, foreign or newer file, otherwise confirmed (F9) only after ticking that the data now
 * will be replaced. After a restore it says what was restored and where the data before it was kept.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../src-main/api/error-messages.ts';
import type { BackupEntry, IntegrityReport, RestoreResult } from '../../../../src-main/backups/types.ts';
import { api } from '../../../api.ts';
import { KEYS, useShortcut } from '../../../app/shortcuts.ts';
import { ConfirmFoot, DoneFoot } from '../../../components/DialogFoot.tsx';
import { DialogHead } from '../../../components/DialogHead.tsx';
import { ErrorNotice, Notice } from '../../../components/ErrorNotice.tsx';
import { useFormat } from '../../../components/format.ts';
import { QueryStatus } from '../../../components/QueryStatus.tsx';
import { useApiQuery } from '../../../components/use-api-query.ts';
import { useModalDialog } from '../../../components/use-modal-dialog.ts';
import { CheckCard } from '../../settings/parts.tsx';
import { IntegrityResult } from './IntegrityResult.tsx';
import { formatSize } from './words.ts';

function Prop({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="prop">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface BackupDialogProps {
  entry: BackupEntry;
  /** `restored`: the data was replaced (the app's info and every list need reloading). */
  onClose: (restored: boolean) => void;
}

export function BackupDialog({ entry, onClose }: BackupDialogProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const preview = useApiQuery('backups.preview', { file: entry.file });
  const [understood, setUnderstood] = useState(false);
  const [checking, setChecking] = useState(false);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const checkRef = useRef<HTMLButtonElement>(null);

  const p = preview.data;
  const restorable = p !== null && p.problem === null;
  const ready = restorable && understood && !restoring && !restored;

  useEffect(() => {
    if (restored) doneRef.current?.focus();
  }, [restored]);

  const close = () => {
    if (restoring) return;
    onClose(restored !== null);
  };
  const dialog = useModalDialog(close, { returnFocus: true, onOpen: () => checkRef.current?.focus() });

  const check = async () => {
    if (checking) return;
    setChecking(true);
    setReport(null);
    setError(null);
    try {
      setReport(await api.call('backups.check', { file: entry.file }));
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  };

  const restore = async () => {
    if (!ready) return;
    setRestoring(true);
    setError(null);
    try {
      setRestored(await api.call('backups.restore', { file: entry.file }));
    } catch (e) {
      setError(e);
    } finally {
      setRestoring(false);
    }
  };
  useShortcut(KEYS.pay, () => void restore(), !restored, { inDialog: true });

  return (
    <dialog {...dialog} className="dialog backup-dialog" aria-labelledby={`${uid}-title`}>
      <div className="dialog-inner">
        <DialogHead titleId={`${uid}-title`} title={t('backups.preview.title', { name: entry.name })} meta={<span className="num">{entry.file}</span>} onClose={close} />
        <div className="dialog-body backup-dialog-body">
          {restored ? (
            <div className="backup-restored" role="status">
              <h3 className="settings-card-title">{t('backups.preview.doneTitle')}</h3>
              <p>{t('backups.preview.done', { time: f.dateTime(p?.takenAt ?? entry.takenAt), members: f.number(restored.facts.memberCount), bills: f.number(restored.facts.billCount) })}</p>
              {restored.migrated ? <p>{t('backups.preview.migrated')}</p> : null}
              <p className="sub num">{t('backups.preview.preRestore', { name: restored.preRestore.name })}</p>
            </div>
          ) : (
            <>
              {p === null ? (
                <QueryStatus query={preview} />
              ) : (
                <dl className="props backup-facts">
                  <Prop label={t('backups.preview.takenAt')}>{f.dateTime(p.takenAt)}</Prop>
                  <Prop label={t('backups.preview.size')}>
                    <span className="num">{formatSize(p.sizeBytes, f.locale)}</span>
                  </Prop>
                  <Prop label={t('backups.preview.members')}>
                    <span className="num">{p.facts ? f.number(p.facts.memberCount) : t('backups.list.unknown')}</span>
                  </Prop>
                  <Prop label={t('backups.preview.bills')}>
                    <span className="num">{p.facts ? f.number(p.facts.billCount) : t('backups.list.unknown')}</span>
                  </Prop>
                  <Prop label={t('backups.preview.lastBill')}>
                    {p.facts ? p.facts.lastBillAt ? f.dateTime(p.facts.lastBillAt) : t('backups.preview.noBills') : t('backups.list.unknown')}
                  </Prop>
                  <Prop label={t('backups.preview.schema')}>{p.schema ? t(`backups.preview.schemaValue.${p.schema}`) : t('backups.list.unknown')}</Prop>
                  <Prop label={t('backups.preview.integrity')}>
                    <span className={p.integrityOk ? 'is-gain' : 'is-loss'}>{p.integrityOk ? t('backups.preview.integrityOk') : t('backups.preview.integrityBad')}</span>
                  </Prop>
                </dl>
              )}
              <div className="backup-check">
                <button type="button" className="btn" ref={checkRef} onClick={() => void check()} aria-disabled={checking || undefined}>
                  {checking ? t('backups.check.running') : t('backups.preview.check')}
                </button>
                {report ? <IntegrityResult report={report} /> : null}
              </div>
              {p?.problem ? (
                <Notice kind="error" title={t('backups.preview.cannotRestore')} text={errorMessage(p.problem, {}, f.locale, f.currency)} />
              ) : p ? (
                <div className="backup-restore">
                  <Notice kind="note" className="backup-warning" title={t('backups.preview.warningTitle')} text={t('backups.preview.warning')} />
                  <CheckCard id={`${uid}-understood`} label={t('backups.preview.understand')} hint={entry.name} checked={understood} onChange={setUnderstood} />
                </div>
              ) : null}
            </>
          )}
          {error ? <ErrorNotice error={error} /> : null}
        </div>
        {restored ? (
          <DoneFoot label={t('backups.preview.close')} onClose={close} buttonRef={doneRef} />
        ) : (
          <ConfirmFoot onCancel={close} busy={restoring} confirmLabel={restoring ? t('backups.now.restoreRunning') : t('backups.preview.restore')} confirmDisabled={!ready} onConfirm={() => void restore()} danger />
        )}
      </div>
    </dialog>
  );
}
