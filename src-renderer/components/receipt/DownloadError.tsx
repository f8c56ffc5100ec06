/** Why a PDF was not saved, in one line where its button is ("The PDF could not be made: …"). */
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ErrorNotice.tsx';
import type { FileDownloader } from './use-file-download.ts';

export function DownloadError({ downloader }: { downloader: FileDownloader }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!downloader.error) return null;
  return (
    <p className="download-error" role="alert">
      {t('receipt.pdfFailed')}: {errorText(downloader.error)}
    </p>
  );
}
