/**
 * How the customer pays for the top-up, as one row of radio buttons (← → switch, as radios do).
 * Enter on it confirms, like Enter in the amount field.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExternalMethod } from '../../../src-main/ledger/types.ts';

export const TOPUP_METHODS: readonly ExternalMethod[] = ['cash', 'card', 'wechat', 'alipay'];

interface PaymentMethodsProps {
  value: ExternalMethod;
  onChange: (method: ExternalMethod) => void;
  onConfirm: () => void;
}

export function PaymentMethods({ value, onChange, onConfirm }: PaymentMethodsProps) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="fieldset topup-methods">
      <legend className="topup-label">
        <span>{t('topup.methodSection')}</span>
        <span className="topup-keys" aria-hidden="true">
          {t('topup.methodKeysHint')}
        </span>
      </legend>
      <div className="segmented topup-segmented">
        {TOPUP_METHODS.map((m) => (
          <label key={m} className={`segment${value === m ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={name}
              value={m}
              checked={value === m}
              onChange={() => onChange(m)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  onConfirm();
                }
              }}
            />
            <span>{t(`payment.${m}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const METHOD_KEY = 'regulars.topupMethod';

/** The method of the last top-up on this till: most customers pay the same way, so it comes first. */
export function rememberedMethod(): ExternalMethod {
  try {
    const saved = localStorage.getItem(METHOD_KEY);
    return TOPUP_METHODS.find((m) => m === saved) ?? 'wechat';
  } catch {
    return 'wechat';
  }
}

export function rememberMethod(method: ExternalMethod): void {
  try {
    localStorage.setItem(METHOD_KEY, method);
  } catch {
    // Only a convenience for the next top-up.
  }
}
