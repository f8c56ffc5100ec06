/**
 * Paying with points: on or off, and how many points make one currency unit ("100 积分抵 ¥1.00").
 * The example line is display only, in whole multiples of the rate; what a member may actually redeem
 * at the till is the ledger's answer at checkout.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src-main/ledger/settings-schema.ts';
import { TextField } from '../../components/Field.tsx';
import { useFormat } from '../../components/format.ts';
import { parseWholeNumber } from './number-text.ts';
import { CheckCard } from './parts.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { useSettingsDraft } from './use-settings-draft.ts';

const RATE = { min: 1, max: 100_000 } as const;
/** One currency unit, in minor units (what the rate is "per"). */
const UNIT_MINOR = 100;
/** The example shows this many units' worth of points. */
const EXAMPLE_UNITS = 10;

const pick = (s: Settings) => ({ enabled: s.pointsRedemption.enabled, perUnit: String(s.pointsRedemption.pointsPerUnit) });

export function PointsSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const ids = { enabled: `${uid}-enabled`, rate: `${uid}-rate` };
  const form = useSettingsDraft('points', pick);
  const { draft } = form;
  const [rateError, setRateError] = useState(false);
  const rateRef = useRef<HTMLInputElement>(null);
  const rate = parseWholeNumber(draft.perUnit, RATE.min, RATE.max);

  const submit = async () => {
    if (!rate.ok) {
      setRateError(true);
      rateRef.current?.focus();
      return;
    }
    await form.save({ pointsRedemption: { enabled: draft.enabled, pointsPerUnit: rate.value } });
  };

  const range = { min: f.number(RATE.min), max: f.number(RATE.max) };
  const rateErrorText = rateError ? t('settings.err.wholeNumber', range) : null;

  return (
    <SettingsForm
      headingId={headingId}
      title={t('settings.points.title')}
      intro={t('settings.points.intro')}
      form={form}
      readOnly={readOnly}
      fieldProblems={rateErrorText !== null}
      onSubmit={submit}
    >
      <section className="card settings-card">
        <CheckCard
          id={ids.enabled}
          label={t('settings.points.enabled')}
          hint={t('settings.points.enabledHint')}
          checked={draft.enabled}
          onChange={(enabled) => form.change({ enabled })}
        />
        <div className="points-rate">
          <TextField
            id={ids.rate}
            inputRef={rateRef}
            label={t('settings.points.perUnit', { unit: f.money(UNIT_MINOR) })}
            hint={t('settings.points.perUnitHint', range)}
            error={rateErrorText}
            inputClassName="num"
            inputMode="numeric"
            value={draft.perUnit}
            onValue={(perUnit) => {
              form.change({ perUnit });
              setRateError(false);
            }}
            maxLength={7}
            affix={t('settings.points.unit')}
          />
          <div className={`points-example${draft.enabled ? '' : ' is-off'}`} aria-live="polite">
            {rate.ok ? (
              <>
                <p className="points-example-rate">{t('settings.points.rate', { points: f.number(rate.value), amount: f.money(UNIT_MINOR) })}</p>
                <p className="points-example-line">
                  {t('settings.points.example', { points: f.number(rate.value * EXAMPLE_UNITS), amount: f.money(UNIT_MINOR * EXAMPLE_UNITS) })}
                </p>
              </>
            ) : (
              <p className="points-example-line">{t('settings.points.exampleEmpty')}</p>
            )}
            {draft.enabled ? null : <p className="points-example-off">{t('settings.points.offNote')}</p>}
          </div>
        </div>
      </section>
    </SettingsForm>
  );
}
