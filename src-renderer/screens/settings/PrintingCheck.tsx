/**
 * "Check printer" (`print.check`: can it be reached, what does it say about its paper) and "Print test
 * page" (`print.test`, then `print.job` waits for the printer to finish), each answered in a line under
 * the buttons: ready, paper running out, printed, or the printer error in the screen's language. Both
 * use the saved settings, so they wait until the form's changes are saved.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../src-main/api/error-messages.ts';
import type { Settings } from '../../../src-main/ledger/settings-schema.ts';
import type { PrinterCheck, PrintJob } from '../../../src-main/print/types.ts';
import { api } from '../../api.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useFormat } from '../../components/format.ts';
import { useSession } from '../../stores/session.ts';

/** How long one `print.job` call waits for the printer to finish a test page (the API's limit is 15 s). */
const TEST_WAIT_MS = 10_000;

type Outcome = { kind: 'check'; check: PrinterCheck } | { kind: 'test'; job: PrintJob };
type Tone = 'ok' | 'warn' | 'failed' | 'waiting';

export function PrintingCheck({ connection, dirty }: { connection: Settings['printing']['connection']; dirty: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { settings } = useAppInfo();
  const staffId = useSession((s) => s.staffId);
  const uid = useId();
  const [busy, setBusy] = useState<'check' | 'test' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);

  const usable = connection !== 'none' && !dirty;
  const printerError = (code: Parameters<typeof errorMessage>[0]) => errorMessage(code, {}, f.locale, settings.currency);

  // While one runs the buttons stay enabled (a disabled button would drop the keyboard focus) and do nothing.
  const run = async (which: 'check' | 'test') => {
    if (!usable || busy) return;
    setBusy(which);
    setOutcome(null);
    setError(null);
    try {
      if (which === 'check') {
        setOutcome({ kind: 'check', check: await api.call('print.check', {}) });
      } else {
        if (!staffId) return;
        const queued = await api.call('print.test', { staffId });
        setOutcome({ kind: 'test', job: queued });
        setOutcome({ kind: 'test', job: await api.call('print.job', { jobId: queued.id, waitMs: TEST_WAIT_MS }) });
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  // Worded at render, not when the answer came, so a language switch rewords it.
  const said = ((): { text: string; tone: Tone } | null => {
    if (!outcome) return null;
    if (outcome.kind === 'check') {
      const { check } = outcome;
      if (!check.ok) return { text: printerError(check.code), tone: 'failed' };
      const key = check.status === 'ok' ? 'ok' : check.status === 'paper_near_end' ? 'nearEnd' : 'unknown';
      return { text: t(`printingSettings.check.${key}`, { target: check.target }), tone: check.status === 'paper_near_end' ? 'warn' : 'ok' };
    }
    const { job } = outcome;
    if (job.status === 'printed') {
      return job.warning === 'paper_near_end' ? { text: t('printingSettings.check.printedNearEnd'), tone: 'warn' } : { text: t('printingSettings.check.printed'), tone: 'ok' };
    }
    if (job.status === 'failed') return { text: printerError(job.errorCode ?? 'PRINTER_DISCONNECTED'), tone: 'failed' };
    return { text: busy === 'test' ? t('printingSettings.check.testing') : t('printingSettings.check.stillPrinting'), tone: 'waiting' };
  })();

  const hint = dirty ? t('printingSettings.check.saveFirst') : connection === 'none' ? t('printingSettings.check.noPrinter') : t('printingSettings.check.hint');

  return (
    <section className="card settings-card" aria-labelledby={`${uid}-title`}>
      <h3 className="settings-card-title" id={`${uid}-title`}>
        {t('printingSettings.check.title')}
      </h3>
      <p className="field-hint" id={`${uid}-hint`}>
        {hint}
      </p>
      <div className="printing-check-buttons">
        <button type="button" className="btn" onClick={() => void run('check')} disabled={!usable} aria-disabled={busy !== null || undefined} aria-describedby={`${uid}-hint`}>
          <Icon name="check" size={18} />
          {busy === 'check' ? t('printingSettings.check.checking') : t('printingSettings.check.check')}
        </button>
        <button type="button" className="btn" onClick={() => void run('test')} disabled={!usable || !staffId} aria-disabled={busy !== null || undefined} aria-describedby={`${uid}-hint`}>
          <Icon name="print" size={18} />
          {busy === 'test' ? t('printingSettings.check.testing') : t('printingSettings.check.test')}
        </button>
      </div>
      <p className={`printing-status${said ? ` is-${said.tone}` : ''}`} role="status">
        {said?.text}
      </p>
      {error ? <ErrorNotice error={error} title={t('printingSettings.check.failedTitle')} /> : null}
    </section>
  );
}
