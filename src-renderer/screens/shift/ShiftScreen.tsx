/**
 * 交班 (`#/shift`): this till's shift from opening float to Z report.
 * - No shift open: type the float, Enter opens one.
 * - A shift open: its running figures; F9 starts the count.
 * - Counting (CountDrawer): the denomination grid, expected against counted, F9 closes.
 * - Closed: the Z report as frozen at the close, Print (Ctrl+P), Enter or Esc back.
 * Managers and owners also see the last days' shifts and can open any one's report.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shift, ShiftReport } from '../../../src-main/shifts/types.ts';
import { api } from '../../api.ts';
import { KEYS, useShortcut } from '../../app/shortcuts.ts';
import { ErrorNotice, Notice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { useSession } from '../../stores/session.ts';
import { CountDrawer } from './CountDrawer.tsx';
import { OpenShiftForm } from './OpenShiftForm.tsx';
import { PastShifts } from './PastShifts.tsx';
import { PrintReportButton } from './PrintReportButton.tsx';
import { ShiftReportView } from './ShiftReportView.tsx';
import './shift.css';

type View = { kind: 'shift' } | { kind: 'count' } | { kind: 'report'; report: ShiftReport; replayed: boolean };

export function ShiftScreen() {
  const { t } = useTranslation();
  const staffId = useSession((s) => s.staffId);
  const role = useSession((s) => s.staff?.role);
  const current = useApiQuery('shifts.current', {});
  const [view, setView] = useState<View>({ kind: 'shift' });
  const [changes, setChanges] = useState(0);
  const [openError, setOpenError] = useState<unknown>(null);
  const seesPast = role === 'owner' || role === 'manager';
  const open = current.data;

  const changed = () => {
    setChanges((n) => n + 1);
    current.reload();
  };
  const back = () => {
    setView({ kind: 'shift' });
    setOpenError(null);
  };

  useShortcut(KEYS.pay, () => setView({ kind: 'count' }), view.kind === 'shift' && Boolean(open));
  useShortcut('Escape', back, view.kind === 'report');

  const showPast = (shift: Shift) => {
    setOpenError(null);
    api
      .call('shifts.report', { shiftId: shift.id })
      .then((report) => setView({ kind: 'report', report, replayed: false }))
      .catch(setOpenError);
  };

  let body;
  if (view.kind === 'report') {
    const { report } = view;
    body = (
      <ShiftReportView report={report} title={report.close ? t('shift.report.title') : t('shift.report.titleOpen')}>
        {view.replayed ? <Notice kind="note" text={t('shift.report.replayed')} /> : null}
        <PrintReportButton shiftId={report.id} />
        <button type="button" className="btn btn-primary" onClick={back} autoFocus>
          {t('shift.report.done')}
          <span className="kbd" aria-hidden="true">
            Enter
          </span>
        </button>
      </ShiftReportView>
    );
  } else if (current.error && !open) {
    body = <ErrorNotice error={current.error} onRetry={current.reload} />;
  } else if (current.data === null && current.loading) {
    body = <Loading text={t('shift.loadingShift')} />;
  } else if (!open) {
    body = <OpenShiftForm onOpened={changed} />;
  } else if (view.kind === 'count') {
    body = (
      <CountDrawer
        shift={open}
        onBack={back}
        onClosed={(result) => {
          setView({ kind: 'report', report: result, replayed: result.replayed });
          changed();
        }}
      />
    );
  } else {
    body = (
      <ShiftReportView report={open} title={t('shift.running.title')}>
        {open.staffId !== staffId ? <Notice kind="note" text={t('shift.running.notYours', { name: open.staffName })} /> : null}
        <button type="button" className="btn" onClick={current.reload} disabled={current.loading}>
          {t('shift.running.refresh')}
        </button>
        <PrintReportButton shiftId={open.id} />
        <button type="button" className="btn btn-primary btn-large" onClick={() => setView({ kind: 'count' })} aria-keyshortcuts={KEYS.pay}>
          {t('shift.running.close')}
          <span className="kbd" aria-hidden="true">
            {KEYS.pay}
          </span>
        </button>
      </ShiftReportView>
    );
  }

  return (
    <div className="screen shift-screen">
      <div className="page-head">
        <h1 className="page-title">{t('shift.title')}</h1>
      </div>
      {openError ? <ErrorNotice error={openError} /> : null}
      {body}
      {seesPast && view.kind !== 'count' ? <PastShifts reloadKey={changes} onOpen={showPast} /> : null}
    </div>
  );
}
