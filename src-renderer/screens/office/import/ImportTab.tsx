/**
 * Back office → Import (`#/office/import`, the owner's): choose members or past visits, choose a CSV
 * or XLSX file, see how it was read (encoding, header row, the column of each field), every row
 * checked (the first rows as they would be written, the rejected ones with why), then import all good
 * rows at once (F9). The bar follows reading, checking and writing; the result offers the rejected
 * rows as a CSV to fix and import again. Past imports are listed below.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_ENCODINGS, type ImportKind, type ImportProgress, type TextEncoding } from '../../../../src-main/imports/types.ts';
import { KEYS, useShortcut } from '../../../app/shortcuts.ts';
import { ChoiceGroup } from '../../../components/ChoiceGroup.tsx';
import { ErrorNotice, Notice } from '../../../components/ErrorNotice.tsx';
import { Field, TextField } from '../../../components/Field.tsx';
import { useFormat } from '../../../components/format.ts';
import { useSession } from '../../../stores/session.ts';
import { ImportProgressBar } from './ImportProgressBar.tsx';
import { ImportResultCard } from './ImportResultCard.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import { PastImports } from './PastImports.tsx';
import { RejectedTable, SampleTable } from './PreviewTables.tsx';
import { useImport, type ImportState } from './use-import.ts';
import './import.css';

export function ImportTab() {
  const { t } = useTranslation();
  const me = useSession((s) => s.staff);
  if (me?.role !== 'owner') return <Notice kind="note" title={t('importExport.ownerOnly')} text={t('importExport.ownerOnlyHint')} />;
  return <ImportFlow staffId={me.id} />;
}

/**
 * An import that has checked every row is writing: the write is one transaction that holds the main
 * process, so no progress answer arrives to say so.
 */
function writingOnceChecked({ busy, progress }: ImportState): ImportProgress {
  const p = progress!;
  return busy === 'commit' && p.phase === 'check' && p.total > 0 && p.done >= p.total ? { phase: 'write', done: p.total, total: p.total } : p;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function ImportFlow({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const flow = useImport();
  const { state } = flow;
  const { preview, result } = state;
  const [reason, setReason] = useState<string>(() => t('importExport.commit.reasonDefault'));
  const [pastVersion, setPastVersion] = useState(0);
  const [inputKey, setInputKey] = useState(0);

  const canCommit = preview !== null && preview.missing.length === 0 && preview.goodRows > 0 && reason.trim() !== '' && state.busy === null && result === null;
  const commit = async () => {
    if (!canCommit) return;
    await flow.commit(staffId, reason.trim());
    setPastVersion((v) => v + 1);
  };
  useShortcut(KEYS.pay, () => void commit(), canCommit);

  const another = () => {
    flow.reset();
    setInputKey((k) => k + 1);
  };

  const kindOptions = (['members', 'visits'] as const).map((key) => ({ key, label: t(`importExport.kind.${key}`) }));
  return (
    <div className="import-tab">
      <section className="card import-card" aria-labelledby="import-title">
        <h2 className="section-title" id="import-title">
          {t('office.tabs.import')}
        </h2>
        <ChoiceGroup<ImportKind> label={t('importExport.kind.label')} options={kindOptions} value={state.kind} onChange={flow.setKind} />
        <p className="muted import-kind-hint">{t(`importExport.kind.${state.kind}Hint`)}</p>

        <div className="import-file-row">
          <Field id="import-file" label={t('importExport.file.label')} hint={t('importExport.file.hint')} error={state.fileProblem ? t(`importExport.file.${state.fileProblem}`) : null}>
            <input
              key={inputKey}
              id="import-file"
              className="input import-file-input"
              type="file"
              accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={state.busy === 'commit'}
              aria-describedby={state.fileProblem ? 'import-file-error' : 'import-file-hint'}
              onChange={(e) => void flow.chooseFile(e.target.files?.[0] ?? null)}
            />
          </Field>
          {state.file && preview && preview.encoding !== 'xlsx' ? (
            <Field id="import-encoding" label={t('importExport.encoding.label')} hint={t('importExport.encoding.hint')}>
              <select
                id="import-encoding"
                className="select"
                value={state.encoding}
                disabled={state.busy !== null}
                aria-describedby="import-encoding-hint"
                onChange={(e) => flow.setEncoding(e.target.value as TextEncoding | 'auto')}
              >
                <option value="auto">
                  {t('importExport.encoding.auto')}
                  {state.encoding === 'auto' ? ` · ${t(`importExport.encoding.${preview.encoding}`)}` : ''}
                </option>
                {TEXT_ENCODINGS.map((e) => (
                  <option key={e} value={e}>
                    {t(`importExport.encoding.${e}`)}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
        </div>
        {state.file ? (
          <p className="muted import-file-chosen">
            {t('importExport.file.chosen', { name: state.file.name, size: sizeText(state.file.size) })}
            {preview?.encoding === 'xlsx' ? ` · ${t('importExport.encoding.xlsx')}` : ''}
          </p>
        ) : null}

        {state.progress ? <ImportProgressBar progress={writingOnceChecked(state)} /> : null}
        {state.error ? <ErrorNotice error={state.error} onRetry={state.busy === null && !result ? flow.retry : undefined} /> : null}
      </section>

      {preview && !result ? (
        <section className="card import-card" aria-labelledby="import-preview-title" aria-busy={state.busy === 'preview'}>
          <h2 className="section-title" id="import-preview-title">
            {t('importExport.preview.title')}
          </h2>
          {preview.previous[0] ? (
            <Notice
              kind="note"
              className="import-previous"
              text={t('importExport.preview.previous', { date: f.dateTime(preview.previous[0].createdAt), no: preview.previous[0].batchNo, rows: f.number(preview.previous[0].rowsImported) })}
            />
          ) : null}
          <MappingEditor preview={preview} disabled={state.busy !== null} onColumn={flow.setColumn} />
          {preview.missing.length === 0 ? (
            <>
              <p className="import-counts" role="status">
                <strong>{t('importExport.preview.counts', { total: f.number(preview.totalRows), good: f.number(preview.goodRows), rejected: f.number(preview.rejectedRows) })}</strong>
                <br />
                <span className="muted">
                  {preview.kind === 'members'
                    ? t('importExport.preview.totalsMembers', { principal: f.money(preview.totals.openingPrincipalMinor), bonus: f.money(preview.totals.openingBonusMinor), points: f.number(preview.totals.openingPoints) })
                    : t('importExport.preview.totalsVisits', { amount: f.money(preview.totals.visitsMinor) })}
                </span>
              </p>
              <h3 className="import-subtitle">{t('importExport.preview.sampleTitle', { n: preview.sample.length })}</h3>
              <SampleTable preview={preview} />
              {preview.rejected.length > 0 ? (
                <>
                  <h3 className="import-subtitle is-loss">{t('importExport.preview.rejectedTitle')}</h3>
                  {preview.rejectedRows > preview.rejected.length ? <p className="muted">{t('importExport.preview.rejectedMore', { shown: f.number(preview.rejected.length), total: f.number(preview.rejectedRows) })}</p> : null}
                  <RejectedTable rows={preview.rejected} />
                </>
              ) : null}
              {preview.goodRows === 0 ? <Notice kind="note" text={t('importExport.preview.nothingToImport')} /> : null}
              <div className="import-commit">
                <TextField id="import-reason" label={t('importExport.commit.reason')} mark="required" hint={t('importExport.commit.reasonHint')} value={reason} onValue={setReason} maxLength={200} className="import-reason" />
                <button type="button" className="btn btn-primary btn-large" disabled={!canCommit} onClick={() => void commit()} aria-keyshortcuts={KEYS.pay}>
                  {state.busy === 'commit' ? t('importExport.commit.busy') : t('importExport.commit.button', { n: f.number(preview.goodRows) })}
                  <kbd className="kbd" aria-hidden="true">
                    {KEYS.pay}
                  </kbd>
                </button>
              </div>
            </>
          ) : null}
        </section>
      ) : null}

      {result && state.file ? <ImportResultCard result={result} fileName={state.file.name} onAnother={another} /> : null}

      <PastImports version={pastVersion} />
    </div>
  );
}
