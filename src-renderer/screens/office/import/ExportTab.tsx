/**
 * Back office → Export (`#/office/export`, the owner's): every member with balances, points and visit
 * figures as CSV or as an Excel workbook, archived members included unless unticked. The file is made
 * by the main process and saved as a download.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.ts';
import { ErrorNotice, Notice } from '../../../components/ErrorNotice.tsx';
import { useFileDownload } from '../../../components/receipt/use-file-download.ts';
import { useSession } from '../../../stores/session.ts';
import './import.css';

export function ExportTab() {
  const { t } = useTranslation();
  const me = useSession((s) => s.staff);
  const download = useFileDownload();
  const [includeArchived, setIncludeArchived] = useState(true);
  const [saved, setSaved] = useState<string | null>(null);
  if (me?.role !== 'owner') return <Notice kind="note" title={t('importExport.ownerOnly')} text={t('importExport.ownerOnlyHint')} />;

  const save = (format: 'csv' | 'xlsx') =>
    void download.save(async () => {
      setSaved(null);
      const file = await api.call('exports.members', { format, includeArchived });
      setSaved(file.fileName);
      return file;
    });

  return (
    <section className="card import-card export-card" aria-labelledby="export-title" aria-busy={download.busy}>
      <h2 className="section-title" id="export-title">
        {t('importExport.export.title')}
      </h2>
      <p className="muted">{t('importExport.export.intro')}</p>
      <label className="check export-archived">
        <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
        <span>{t('importExport.export.includeArchived')}</span>
      </label>
      <div className="export-choices">
        <div className="export-choice">
          <button type="button" className="btn btn-primary btn-large" disabled={download.busy} onClick={() => save('xlsx')} aria-describedby="export-xlsx-hint">
            {t('importExport.export.xlsx')}
          </button>
          <p className="field-hint" id="export-xlsx-hint">
            {t('importExport.export.xlsxHint')}
          </p>
        </div>
        <div className="export-choice">
          <button type="button" className="btn btn-large" disabled={download.busy} onClick={() => save('csv')} aria-describedby="export-csv-hint">
            {t('importExport.export.csv')}
          </button>
          <p className="field-hint" id="export-csv-hint">
            {t('importExport.export.csvHint')}
          </p>
        </div>
      </div>
      {saved && !download.error ? (
        <p className="is-gain" role="status">
          {t('importExport.export.done', { file: saved })}
        </p>
      ) : null}
      {download.error ? <ErrorNotice error={download.error} title={t('importExport.export.failed')} /> : null}
    </section>
  );
}
