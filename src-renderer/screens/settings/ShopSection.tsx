/**
 * The shop: its name, currency, how a stored-value payment draws on principal and bonus, whether the
 * stored-value part of a bill earns points, and what a refund does with points and bonus, each choice
 * explained in plain words. Ctrl+S saves; only changed settings are sent.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES, settingsPatchSchema, type RefundPolicy, type Settings, type SettingsPatch } from '../../../src-main/ledger/settings-schema.ts';
import { Field, TextField } from '../../components/Field.tsx';
import { i18n } from '../../i18n/index.ts';
import { CheckCard } from './parts.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { useSettingsDraft } from './use-settings-draft.ts';

type ShopDraft = Pick<Settings, 'shopName' | 'currency' | 'walletSpendOrder' | 'storedValueEarnsPoints' | 'refundPolicy'>;

const pick = (s: Settings): ShopDraft => ({
  shopName: s.shopName,
  currency: s.currency,
  walletSpendOrder: s.walletSpendOrder,
  storedValueEarnsPoints: s.storedValueEarnsPoints,
  refundPolicy: { ...s.refundPolicy },
});

const SPEND_ORDERS = ['proportional', 'principal_first', 'bonus_first'] as const;
const MAX_NAME = 60;

/** The three refund questions and their two answers, in the order the owner reads them. */
const REFUND_CHOICES = {
  earnedPoints: ['reverse', 'keep'],
  redeemedPoints: ['restore', 'forfeit'],
  bonus: ['return', 'forfeit'],
} as const satisfies { [K in keyof RefundPolicy]: readonly RefundPolicy[K][] };

export function ShopSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const ids = { name: `${uid}-name`, currency: `${uid}-currency`, earns: `${uid}-earns` };
  const form = useSettingsDraft('shop', pick);
  const { draft } = form;
  const [nameError, setNameError] = useState<(() => string) | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const currencyNames = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
    return (code: string) => names.of(code) ?? code;
  }, [i18n.language]);

  const submit = async () => {
    const patch: SettingsPatch = {};
    const changed = <K extends keyof ShopDraft>(key: K) => JSON.stringify(draft[key]) !== JSON.stringify(form.saved[key]);
    if (changed('shopName')) patch.shopName = draft.shopName;
    if (changed('currency')) patch.currency = draft.currency;
    if (changed('walletSpendOrder')) patch.walletSpendOrder = draft.walletSpendOrder;
    if (changed('storedValueEarnsPoints')) patch.storedValueEarnsPoints = draft.storedValueEarnsPoints;
    if (changed('refundPolicy')) patch.refundPolicy = draft.refundPolicy;
    const checked = settingsPatchSchema.safeParse(patch);
    if (!checked.success) {
      const empty = draft.shopName.trim() === '';
      setNameError(() => () => (empty ? i18n.t('settings.shop.err.nameRequired') : i18n.t('settings.err.tooLong', { max: MAX_NAME })));
      nameRef.current?.focus();
      return;
    }
    await form.save(checked.data);
  };

  const nameErrorText = nameError?.() ?? null;

  return (
    <SettingsForm
      headingId={headingId}
      title={t('settings.shop.title')}
      intro={t('settings.shop.intro')}
      form={form}
      readOnly={readOnly}
      fieldProblems={nameErrorText !== null}
      onSubmit={submit}
    >
      <section className="card settings-card" aria-labelledby={`${uid}-basics`}>
        <h3 className="settings-card-title" id={`${uid}-basics`}>
          {t('settings.shop.basics')}
        </h3>
        <div className="form-grid">
          <TextField
            id={ids.name}
            inputRef={nameRef}
            label={t('settings.shop.name')}
            hint={t('settings.shop.nameHint')}
            error={nameErrorText}
            value={draft.shopName}
            onValue={(shopName) => {
              form.change({ shopName });
              setNameError(null);
            }}
            aria-required="true"
            maxLength={MAX_NAME}
          />
          <Field id={ids.currency} label={t('settings.shop.currency')} hint={t('settings.shop.currencyHint')}>
            <select
              id={ids.currency}
              className="select"
              value={draft.currency}
              onChange={(e) => form.change({ currency: e.target.value as Settings['currency'] })}
              aria-describedby={`${ids.currency}-hint`}
            >
              {CURRENCIES.map((code) => (
                <option key={code} value={code}>
                  {t('settings.shop.currencyOption', { name: currencyNames(code), code })}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </section>

      <section className="card settings-card" aria-labelledby={`${uid}-wallet`}>
        <h3 className="settings-card-title" id={`${uid}-wallet`}>
          {t('settings.shop.wallet')}
        </h3>
        <fieldset className="fieldset field">
          <legend className="field-label">{t('settings.shop.spendOrder')}</legend>
          <p className="field-hint">{t('settings.shop.spendOrderHint')}</p>
          <div className="choice-cards">
            {SPEND_ORDERS.map((order) => (
              <label key={order} className="check choice-card">
                <input
                  type="radio"
                  name={`${uid}-spend`}
                  value={order}
                  checked={draft.walletSpendOrder === order}
                  onChange={() => form.change({ walletSpendOrder: order })}
                  aria-labelledby={`${uid}-spend-${order}-label`}
                  aria-describedby={`${uid}-spend-${order}-hint`}
                />
                <span className="check-text">
                  <span className="check-label" id={`${uid}-spend-${order}-label`}>
                    {t(`settings.shop.spend.${order}`)}
                  </span>
                  <span className="check-hint" id={`${uid}-spend-${order}-hint`}>
                    {t(`settings.shop.spend.${order}Hint`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="settings-card-row">
          <CheckCard
            id={ids.earns}
            label={t('settings.shop.earnsPoints')}
            hint={t('settings.shop.earnsPointsHint')}
            checked={draft.storedValueEarnsPoints}
            onChange={(checked) => form.change({ storedValueEarnsPoints: checked })}
          />
        </div>
      </section>

      <section className="card settings-card" aria-labelledby={`${uid}-refund`}>
        <h3 className="settings-card-title" id={`${uid}-refund`}>
          {t('settings.shop.refund.title')}
        </h3>
        <p className="field-hint">{t('settings.shop.refund.intro')}</p>
        <div className="refund-rules">
          {(Object.keys(REFUND_CHOICES) as Array<keyof RefundPolicy>).map((question) => {
            const current = draft.refundPolicy[question];
            return (
              <fieldset key={question} className="fieldset refund-rule">
                <legend className="refund-question">{t(`settings.shop.refund.${question}.label`)}</legend>
                <div className="segmented">
                  {REFUND_CHOICES[question].map((answer) => (
                    <label key={answer} className={`segment${current === answer ? ' is-checked' : ''}`}>
                      <input
                        type="radio"
                        name={`${uid}-${question}`}
                        value={answer}
                        checked={current === answer}
                        onChange={() => form.change({ refundPolicy: { ...draft.refundPolicy, [question]: answer } })}
                      />
                      <span>{t(`settings.shop.refund.${question}.${answer}` as 'settings.shop.refund.bonus.return')}</span>
                    </label>
                  ))}
                </div>
                <p className="refund-explain">{t(`settings.shop.refund.${question}.${current}Hint` as 'settings.shop.refund.bonus.returnHint')}</p>
              </fieldset>
            );
          })}
        </div>
      </section>
    </SettingsForm>
  );
}
