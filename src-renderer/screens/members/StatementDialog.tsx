/**
 * A member's statement over a period (this month so far unless the cashier picks other days): the
 * API's `receipts.statement` on screen, saved as the A4 PDF (`pdf.statement`) or printed by the
 * browser — the print stylesheet then prints only the statement. The first date field has the focus;
 * Esc closes.
 */
import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../src-main/ledger/types.ts';
import type { Statement } from '../../../src-main/receipts/types.ts';
import { api } from '../../api.ts';
import { DialogHead } from '../../components/DialogHead.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { DownloadError } from '../../components/receipt/DownloadError.tsx';
import { maskedPhone } from '../../../src-main/api/phone-format.ts';
import { periodRange, type DayRange } from '../../components/receipt/statement-periods.ts';
import { useFileDownload } from '../../components/receipt/use-file-download.ts';
import '../../components/receipt/receipt.css';
import { useApiQuery } from '../../components/use-api-query.ts';
import { useModalDialog } from '../../components/use-modal-dialog.ts';
import { StatementPeriodFields } from './StatementPeriodFields.tsx';
import { StatementView } from './StatementView.tsx';

/** The statement as the printer gets it: outside the app's layout, invisible on screen. */
function PrintableStatement({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  return createPortal(
    <div className="statement-print" aria-hidden="true">
      <header className="statement-print-head">
        <p className="statement-print-shop">{statement.shop.name}</p>
        <h1 className="statement-print-title">{t('receipt.statement.title')}</h1>
        <p className="statement-print-made">{t('receipt.statement.generated', { time: statement.generatedLocalTime })}</p>
      </header>
      <StatementView statement={statement} withWho />
    </div>,
    document.body,
  );
}

export function StatementDialog({ member, onClose }: { member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const fromRef = useRef<HTMLInputElement>(null);
  const [today] = useState(() => new Date());
  const [range, setRange] = useState<DayRange>(() => periodRange('thisMonth', today));
  const problem = !range.from || !range.to ? t('receipt.statement.errMissing') : range.from > range.to ? t('receipt.statement.errOrder') : null;
  const request = problem ? null : { memberId: member.id, from: range.from, to: range.to };
  const query = useApiQuery('receipts.statement', request);
  const pdf = useFileDownload();
  const dialog = useModalDialog(onClose, { returnFocus: true, onOpen: () => fromRef.current?.focus() });

  // Only ever the statement of the dates in the fields: an older one is not shown or printed.
  const statement = request && !query.stale ? query.data : null;

  return (
    <dialog {...dialog} className="dialog statement-dialog" aria-labelledby={titleId}>
      <div className="dialog-inner">
        <DialogHead titleId={titleId} title={t('receipt.statement.title')} meta={<span className="num">{t('receipt.statement.memberLine', { name: member.name, code: member.code, phone: maskedPhone(member.phone) })}</span>} onClose={onClose} />
        <div className="dialog-body statement-body">
          <StatementPeriodFields range={range} onRange={setRange} today={today} error={problem} fromRef={fromRef} />
          {query.error && request ? <ErrorNotice error={query.error} title={t('receipt.statement.loadFailed')} onRetry={query.reload} /> : null}
          {statement ? (
            <StatementView statement={statement} />
          ) : request && !query.error ? (
            <p className="loading" role="status">
              {t('common.loading')}
            </p>
          ) : null}
        </div>
        <footer className="dialog-foot statement-foot">
          <DownloadError downloader={pdf} />
          <button
            type="button"
            className="btn"
            disabled={!request || pdf.busy}
            onClick={() => {
              if (request) void pdf.save(() => api.call('pdf.statement', request));
            }}
          >
            {pdf.busy ? t('receipt.pdfSaving') : t('receipt.statement.savePdf')}
          </button>
          <button type="button" className="btn" disabled={!statement} onClick={() => window.print()}>
            <Icon name="print" />
            {t('receipt.statement.print')}
          </button>
          <button type="button" className="btn btn-primary" onClick={onClose} aria-keyshortcuts="Escape">
            {t('common.close')}
            <kbd className="kbd" aria-hidden="true">
              Esc
            </kbd>
          </button>
        </footer>
      </div>
      {statement ? <PrintableStatement statement={statement} /> : null}
    </dialog>
  );
}
