/** The refund limit (Settings `staffRules`): above it, a refund needs the owner's PIN. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.ts';
import { useAppInfo, useReloadAppInfo } from '../../../app/app-info.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useFormat } from '../../../components/format.ts';
import { MoneyInput } from '../../../components/MoneyInput.tsx';

export function RefundLimit() {
  const { t } = useTranslation();
  const f = useFormat();
  const info = useAppInfo();
  const reloadAppInfo = useReloadAppInfo();
  const headingId = useId();
  const saved = info.settings.staffRules.refundLimitMinor;
  const [limit, setLimit] = useState<number | null>(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);

  const save = async () => {
    if (busy || limit === null) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const settings = await api.call('settings.update', { staffRules: { refundLimitMinor: limit } });
      setDone(settings.staffRules.refundLimitMinor);
      await reloadAppInfo();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card staff-card" aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        {t('staff.tab.limitTitle')}
      </h2>
      <p className="muted">{t('staff.tab.limitIntro')}</p>
      <form
        className="refund-limit"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <MoneyInput label={t('staff.tab.limitLabel')} valueMinor={limit} onChangeMinor={setLimit} className="refund-limit-input" />
        <button type="submit" className="btn btn-primary" disabled={busy || limit === null || limit === saved}>
          {t('staff.tab.limitSave')}
        </button>
        {done !== null ? (
          <span className="is-gain" role="status">
            {t('staff.tab.limitSaved', { amount: f.money(done) })}
          </span>
        ) : null}
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
