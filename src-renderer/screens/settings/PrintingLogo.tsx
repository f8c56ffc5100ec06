/**
 * The receipt logo: the one on file (`print.logo`), a file input for a PNG and a remove button. It is
 * kept apart from the printing settings (a PNG is too big for the settings every checkout reads), so
 * it is saved the moment it is chosen or removed (`print.setLogo`), not with the form's Save. A file
 * that is not a PNG or is over the limit is refused here, at the input, with the reason.
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { readLogoFile, type LogoRead } from './printing-logo.ts';

type Refusal = Extract<LogoRead, { ok: false }>;
type Outcome = 'saved' | 'removed' | null;

export function PrintingLogo() {
  const { t } = useTranslation();
  const uid = useId();
  const ids = { title: `${uid}-title`, file: `${uid}-file`, error: `${uid}-file-error` };
  const query = useApiQuery('print.logo', {});
  /** What the last save answered, newer than the first read. */
  const [saved, setSaved] = useState<{ logoPng: string | null } | null>(null);
  const logo = (saved ?? query.data)?.logoPng ?? null;
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const store = async (png: string | null) => {
    setSaving(true);
    setError(null);
    setOutcome(null);
    try {
      setSaved(await api.call('print.setLogo', { png }));
      setOutcome(png === null ? 'removed' : 'saved');
      // Remove is disabled once there is no logo: the focus goes to the file input instead of nowhere.
      if (png === null) fileRef.current?.focus();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file || saving) return;
    setOutcome(null);
    const read = await readLogoFile(file);
    // The same file chosen again after a refusal must fire a change again.
    input.value = '';
    if (!read.ok) {
      setRefusal(read);
      return;
    }
    setRefusal(null);
    await store(read.dataUrl);
  };

  const refusalText = refusal ? (refusal.reason === 'tooLarge' ? t('printingSettings.logo.tooLarge', { size: refusal.sizeKb }) : t(`printingSettings.logo.${refusal.reason}`)) : null;
  const statusText = saving ? t('printingSettings.logo.saving') : outcome ? t(`printingSettings.logo.${outcome}`) : '';

  return (
    <section className="card settings-card" aria-labelledby={ids.title}>
      <h3 className="settings-card-title" id={ids.title}>
        {t('printingSettings.logo.title')}
      </h3>
      <p className="field-hint">{t('printingSettings.logo.hint')}</p>
      <div className="printing-logo">
        <div className="printing-logo-frame">
          {logo ? <img className="printing-logo-image" src={logo} alt={t('printingSettings.logo.current')} /> : <span className="printing-logo-none">{t('printingSettings.logo.none')}</span>}
        </div>
        <div className="printing-logo-tools">
          <div className={`field${refusalText ? ' has-error' : ''}`}>
            {/* The browser's own file button speaks the browser's language, not the till's: it is hidden
                (still the focused control, Enter opens the picker) and its label is drawn as the button. */}
            <input
              id={ids.file}
              ref={fileRef}
              className="printing-logo-file visually-hidden"
              type="file"
              accept="image/png,.png"
              aria-invalid={refusalText ? true : undefined}
              aria-describedby={refusalText ? ids.error : undefined}
              onChange={(e) => void onFile(e)}
            />
            <label className="btn printing-logo-choose" htmlFor={ids.file}>
              <Icon name="plus" size={18} />
              {t('printingSettings.logo.choose')}
            </label>
            {refusalText ? (
              <p className="field-error" id={ids.error}>
                {refusalText}
              </p>
            ) : null}
          </div>
          <div className="printing-logo-row">
            <button type="button" className="btn" onClick={() => void store(null)} disabled={saving || logo === null}>
              <Icon name="trash" size={18} />
              {t('printingSettings.logo.remove')}
            </button>
            <span className={`printing-status${outcome ? ' is-ok' : ''}`} role="status">
              {statusText}
            </span>
          </div>
        </div>
      </div>
      {error ? <ErrorNotice error={error} title={t('printingSettings.logo.failedTitle')} /> : null}
    </section>
  );
}
