/**
 * Save the report on screen as a file: CSV or Excel (`reports.export`, the same figures, worded in
 * the screen's language). A failure (for instance, someone other than the owner) is said beside the
 * buttons.
 */
import { useTranslation } from 'react-i18next';
import type { ReportExportInput } from '../../../src-main/reports/commands.ts';
import type { ExportFormat } from '../../../src-main/reports/types.ts';
import { api } from '../../api.ts';
import { useErrorText } from '../../components/ErrorNotice.tsx';
import { useFileDownload } from '../../components/receipt/use-file-download.ts';
import { toLocale } from '../../i18n/index.ts';

/** Which report, with its dates: everything `reports.export` needs but the file's format and language. */
export type ExportRequest = ReportExportInput extends infer U ? (U extends unknown ? Omit<U, 'format' | 'locale'> : never) : never;

export function ExportButtons({ request }: { request: ExportRequest | null }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const download = useFileDownload();
  const save = (format: ExportFormat) => {
    if (!request) return;
    void download.save(() => api.call('reports.export', { ...request, format, locale: toLocale(i18n.language) } as ReportExportInput));
  };
  return (
    <div className="report-export" role="group" aria-label={t('reports.export.label')}>
      {download.error ? (
        <p className="download-error" role="alert">
          {t('reports.export.failed')}: {errorText(download.error)}
        </p>
      ) : null}
      {(['csv', 'xlsx'] as const).map((format) => (
        <button key={format} type="button" className="btn" disabled={!request || download.busy} onClick={() => save(format)}>
          {t(`reports.export.${format}`)}
        </button>
      ))}
    </div>
  );
}
