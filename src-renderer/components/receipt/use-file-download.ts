/** One download button's state: fetch the file, save it (downloadFile), and keep the failure to show. */
import { useCallback, useRef, useState } from 'react';
import type { FileDownload } from '../../../src-main/print/types.ts';
import { downloadFile } from './download-file.ts';

export interface FileDownloader {
  busy: boolean;
  error: unknown;
  /** Ignored while a download is already being made. */
  save: (load: () => Promise<FileDownload>) => Promise<void>;
}

export function useFileDownload(): FileDownloader {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const busyRef = useRef(false);

  const save = useCallback(async (load: () => Promise<FileDownload>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      downloadFile(await load());
    } catch (e) {
      setError(e);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, error, save };
}
