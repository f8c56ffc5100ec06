/** Every import so far, newest first, with what it carried over and its rejected rows to download again. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatchSummary } from '../../../../src-main/imports/types.ts';
import { api } from '../../../api.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useFormat } from '../../../components/format.ts';
import { EmptyState, QueryStatus } from '../../../components/QueryStatus.tsx';
import { useFileDownload } from '../../../components/receipt/use-file-download.ts';
import { useApiQuery } from '../../../components/use-api-query.ts';
import { rejectedRowsFile } from './rejected-file.ts';

export function PastImports({ version }: { version: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useApiQuery('imports.batches', { limit: 20 });
  const { reload } = query;
  // `version` changes after each import: the list asks again.
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const download = useFileDownload();

  const carried = (b: ImportBatchSummary) =>
    b.kind === 'members'
      ? t('importExport.past.carriedMembers', { principal: f.money(b.openingPrincipalMinor), bonus: f.money(b.openingBonusMinor), points: f.number(b.openingPoints) })
      : f.money(b.visitsMinor);

  const saveRejected = (b: ImportBatchSummary) =>
    void download.save(async () => {
      const full = await api.call('imports.batch', { batchId: b.id });
      return rejectedRowsFile(t, full.headers, full.rejected, b.fileName);
    });

  return (
    <section className="card import-card" aria-labelledby="import-past-title">
      <h2 className="section-title" id="import-past-title">
        {t('importExport.past.title')}
      </h2>
      <QueryStatus query={query} />
      {download.error ? <ErrorNotice error={download.error} /> : null}
      {query.data && query.data.length === 0 ? <EmptyState icon="inbox" title={t('importExport.past.empty')} /> : null}
      {query.data && query.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{t('importExport.past.col.no')}</th>
                <th scope="col">{t('importExport.past.col.date')}</th>
                <th scope="col">{t('importExport.past.col.kind')}</th>
                <th scope="col">{t('importExport.past.col.file')}</th>
                <th scope="col" className="align-end">
                  {t('importExport.past.col.rows')}
                </th>
                <th scope="col">{t('importExport.past.col.carried')}</th>
                <th scope="col">{t('importExport.past.col.reason')}</th>
                <th scope="col">{t('importExport.past.col.staff')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {query.data.map((b) => (
                <tr key={b.id}>
                  <td className="num">#{b.batchNo}</td>
                  <td className="nowrap">{f.dateTime(b.createdAt)}</td>
                  <td>{t(`importExport.kind.${b.kind}`)}</td>
                  <td className="import-cells">{b.fileName}</td>
                  <td className="align-end num">
                    {f.number(b.rowsImported)} / <span className={b.rowsRejected > 0 ? 'is-loss' : undefined}>{f.number(b.rowsRejected)}</span>
                  </td>
                  <td>{carried(b)}</td>
                  <td>{b.reason}</td>
                  <td>{b.staffName}</td>
                  <td className="align-end">
                    {b.rowsRejected > 0 ? (
                      <button type="button" className="btn btn-small" disabled={download.busy} onClick={() => saveRejected(b)} aria-label={`${t('importExport.past.download')} #${b.batchNo}`}>
                        {t('importExport.past.download')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
