/**
 * The import's state on screen: the chosen file (read here as base64, its reading shown as the first
 * phase of the bar), the preview the main process checked, the owner's mapping and encoding, and the
 * import itself. While a preview or an import runs, its progress is asked for a few times a second
 * (`imports.progress`); the last answer to a newer question always wins.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../../src-main/api/contract.ts';
import type { ColumnMapping, ImportField, ImportKind, ImportPreview, ImportProgress, ImportResult, TextEncoding } from '../../../../src-main/imports/types.ts';
import { api } from '../../../api.ts';

/** The main process refuses more; saying so before reading spares the owner the wait. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const POLL_MS = 150;

export interface ChosenFile {
  name: string;
  size: number;
  base64: string;
}

export interface ImportState {
  kind: ImportKind;
  file: ChosenFile | null;
  encoding: TextEncoding | 'auto';
  preview: ImportPreview | null;
  result: ImportResult | null;
  /** A preview or an import is under way. */
  busy: 'read' | 'preview' | 'commit' | null;
  /** For the bar: reading happens here (bytes of the file), checking and writing in the main process (rows). */
  progress: ImportProgress | null;
  /** The file was too large or could not be read (a key of importExport.file). */
  fileProblem: 'tooLarge' | 'readFailed' | null;
  error: unknown;
}

function readAsBase64(file: File, onProgress: (loadedBytes: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const newProgressKey = () => `import-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

export function useImport() {
  const [state, setState] = useState<ImportState>({ kind: 'members', file: null, encoding: 'auto', preview: null, result: null, busy: null, progress: null, fileProblem: null, error: null });
  const seq = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;
  const patch = useCallback((p: Partial<ImportState>) => setState((s) => ({ ...s, ...p })), []);

  /** Run a call with a progress key, asking how far it has got until it answers. */
  const withProgress = useCallback(
    async <T,>(run: (progressKey: string) => Promise<T>, mine: number): Promise<T> => {
      const progressKey = newProgressKey();
      let running = true;
      const timer = window.setInterval(() => {
        void api
          .call('imports.progress', { progressKey })
          .then((p) => {
            // An answer that arrives after the call itself is late: the bar is gone by then.
            if (p && running && seq.current === mine) patch({ progress: p });
          })
          .catch(() => undefined);
      }, POLL_MS);
      try {
        return await run(progressKey);
      } finally {
        running = false;
        window.clearInterval(timer);
      }
    },
    [patch],
  );

  // The kind is chosen at run time, so the input is one of the contract's two shapes (members | visits).
  const runPreview = useCallback(
    async (kind: ImportKind, file: ChosenFile, encoding: TextEncoding | 'auto', mapping: ColumnMapping | undefined) => {
      const mine = ++seq.current;
      patch({ busy: 'preview', error: null, result: null, progress: { phase: 'check', done: 0, total: 0 } });
      try {
        const preview = await withProgress(
          (progressKey) =>
            api.call('imports.preview', {
              kind,
              fileName: file.name,
              base64: file.base64,
              progressKey,
              ...(encoding === 'auto' ? {} : { encoding }),
              ...(mapping ? { mapping } : {}),
            } as InputOf<'imports.preview'>),
          mine,
        );
        if (seq.current === mine) patch({ preview, busy: null, progress: null });
      } catch (error) {
        if (seq.current === mine) patch({ error, busy: null, progress: null, preview: null });
      }
    },
    [patch, withProgress],
  );

  const chooseFile = useCallback(
    async (chosen: File | null) => {
      const mine = ++seq.current;
      patch({ file: null, preview: null, result: null, error: null, fileProblem: null, encoding: 'auto' });
      if (!chosen) return;
      if (chosen.size > MAX_FILE_BYTES) {
        patch({ fileProblem: 'tooLarge' });
        return;
      }
      patch({ busy: 'read', progress: { phase: 'read', done: 0, total: chosen.size } });
      try {
        const base64 = await readAsBase64(chosen, (loaded) => {
          if (seq.current === mine) patch({ progress: { phase: 'read', done: loaded, total: chosen.size } });
        });
        if (seq.current !== mine) return;
        const file = { name: chosen.name, size: chosen.size, base64 };
        patch({ file });
        await runPreview(stateRef.current.kind, file, 'auto', undefined);
      } catch {
        if (seq.current === mine) patch({ busy: null, progress: null, fileProblem: 'readFailed' });
      }
    },
    [patch, runPreview],
  );

  const setKind = useCallback(
    (kind: ImportKind) => {
      patch({ kind, preview: null, result: null });
      const { file, encoding } = stateRef.current;
      if (file) void runPreview(kind, file, encoding, undefined);
    },
    [patch, runPreview],
  );

  const setEncoding = useCallback(
    (encoding: TextEncoding | 'auto') => {
      patch({ encoding });
      const { file, kind } = stateRef.current;
      // Other bytes, other headers: the mapping is guessed again.
      if (file) void runPreview(kind, file, encoding, undefined);
    },
    [patch, runPreview],
  );

  const setColumn = useCallback(
    (field: ImportField, column: number | null) => {
      const { file, kind, encoding, preview } = stateRef.current;
      if (!file || !preview) return;
      const mapping: ColumnMapping = { ...preview.mapping };
      // A column serves one field: choosing it here takes it from any other.
      for (const [f, c] of Object.entries(mapping)) if (c === column) delete mapping[f as ImportField];
      if (column === null) delete mapping[field];
      else mapping[field] = column;
      void runPreview(kind, file, encoding, mapping);
    },
    [runPreview],
  );

  const commit = useCallback(
    async (staffId: string, reason: string) => {
      const { file, kind, encoding, preview, busy } = stateRef.current;
      if (!file || !preview || busy) return;
      const mine = ++seq.current;
      patch({ busy: 'commit', error: null, progress: { phase: 'check', done: 0, total: preview.totalRows } });
      try {
        const result = await withProgress(
          (progressKey) =>
            api.call('imports.commit', {
              kind,
              fileName: file.name,
              base64: file.base64,
              mapping: preview.mapping,
              staffId,
              reason,
              progressKey,
              ...(encoding === 'auto' ? {} : { encoding }),
            } as InputOf<'imports.commit'>),
          mine,
        );
        if (seq.current === mine) patch({ result, busy: null, progress: null });
      } catch (error) {
        if (seq.current === mine) patch({ error, busy: null, progress: null });
      }
    },
    [patch, withProgress],
  );

  const reset = useCallback(() => {
    seq.current++;
    patch({ file: null, preview: null, result: null, error: null, fileProblem: null, busy: null, progress: null, encoding: 'auto' });
  }, [patch]);

  // A late answer after the tab is left is dropped.
  useEffect(
    () => () => {
      seq.current++;
    },
    [],
  );

  return { state, chooseFile, setKind, setEncoding, setColumn, commit, reset, retry: () => state.file && void runPreview(state.kind, state.file, state.encoding, state.preview?.mapping) };
}
