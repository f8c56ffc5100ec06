/**
 * Which BG/NBD fit the outlook figures come from (its day and how many members it learnt from), and
 * "Refit" (`retention.fit`), which says how long the fit took. Without a fit the outlook columns stay
 * empty and the button fits the first one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelFit } from '../../../src-main/retention/types.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFigures } from '../../components/figures.ts';
import { useFormat } from '../../components/format.ts';

interface ModelLineProps {
  model: ModelFit | null;
  /** After a new fit: the list's outlook figures change. */
  onFitted: () => void;
}

export function ModelLine({ model, onFitted }: ModelLineProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const fig = useFigures();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fitted, setFitted] = useState<ModelFit | null>(null);

  const fit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setFitted(await api.call('retention.fit', {}));
      onFitted();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const shown = fitted ?? model;
  return (
    <div className="model-line">
      <p className="model-text">
        {shown ? (
          <>
            <span>{t('regulars.model.using', { date: f.date(shown.asOfDate), members: f.number(shown.members) })}</span>
            {!shown.converged ? <span className="badge badge-warn">{t('regulars.model.notConverged')}</span> : null}
          </>
        ) : (
          <span className="muted">{t('regulars.model.none')}</span>
        )}
        {fitted ? (
          <span className="model-fitted is-gain" role="status">
            {t('regulars.model.fitted', { seconds: fig.oneDecimal(fitted.durationMs / 1000) })}
          </span>
        ) : null}
      </p>
      <button type="button" className="btn btn-small" onClick={() => void fit()} disabled={busy}>
        {busy ? t('regulars.model.fitting') : shown ? t('regulars.model.refit') : t('regulars.model.fit')}
      </button>
      {error ? <ErrorNotice error={error} title={t('regulars.model.failed')} /> : null}
    </div>
  );
}
