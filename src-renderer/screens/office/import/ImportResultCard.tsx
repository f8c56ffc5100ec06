/** What the import did: rows imported and not, the batch it left, and the rejected rows as a CSV to fix. */
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../src-main/imports/types.ts';
import { Notice } from '../../../components/ErrorNotice.tsx';
import { useFormat } from '../../../components/format.ts';
import { Icon } from '../../../components/Icon.tsx';
import { downloadFile } from '../../../components/receipt/download-file.ts';
import { RejectedTable } from './PreviewTables.tsx';
import { rejectedRowsFile } from './rejected-file.ts';

export function ImportResultCard({ result, fileName, onAnother }: { result: ImportResult; fileName: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { batch } = result;
  return (
    <section className="card import-card import-result" aria-labelledby="import-result-title">
      <h2 className="section-title" id="import-result-title">
        {t('importExport.result.title')}
      </h2>
      <p className="import-result-counts" role="status">
        <span className={result.importedRows > 0 ? 'is-gain strong' : 'strong'}>
          {result.importedRows > 0 ? <Icon name="check" size={18} /> : null}
          {t('importExport.result.imported', { n: f.number(result.importedRows) })}
        </span>
        {result.rejected.length > 0 ? <span className="is-loss strong">{t('importExport.result.rejected', { n: f.number(result.rejected.length) })}</span> : null}
      </p>
      {batch ? <p className="muted">{t('importExport.result.batch', { no: batch.batchNo, date: f.dateTime(batch.createdAt), staff: batch.staffName })}</p> : null}
      {batch === null ? <Notice kind="note" text={result.alreadyImported ? t('importExport.result.already') : t('importExport.result.nothing')} /> : null}
      <div className="import-result-actions">
        {result.rejected.length > 0 ? (
          <button type="button" className="btn" onClick={() => downloadFile(rejectedRowsFile(t, result.headers, result.rejected, fileName))}>
            {t('importExport.result.downloadRejected')}
          </button>
        ) : null}
        <button type="button" className="btn btn-primary" onClick={onAnother}>
          {t('importExport.result.another')}
        </button>
      </div>
      {result.rejected.length > 0 ? <RejectedTable rows={result.rejected.slice(0, 200)} /> : null}
    </section>
  );
}
