/**
 * New / edit top-up bonus rule: "pay at least X, get Y", and whether it is in use. A preview line
 * says the rule the way a shop writes it on the counter ("充 ¥500.00 送 ¥50.00").
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bonusRuleUpsert } from '../../../src-main/ledger/commands.ts';
import type { TopupBonusRule } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { i18n } from '../../i18n/index.ts';
import { EditorDialog } from './EditorDialog.tsx';
import { CheckCard } from './parts.tsx';

type FieldName = 'pay' | 'bonus';
type Errors = Partial<Record<FieldName, () => string>>;

interface BonusRuleEditorProps {
  rule: TopupBonusRule | null;
  readOnly: boolean;
  onClose: () => void;
  onSaved: (rule: TopupBonusRule) => void;
}

export function BonusRuleEditor({ rule, readOnly, onClose, onSaved }: BonusRuleEditorProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const activeId = useId();
  const [pay, setPay] = useState<number | null>(rule?.minPrincipalMinor ?? null);
  const [bonus, setBonus] = useState<number | null>(rule?.bonusMinor ?? null);
  const [active, setActive] = useState(rule?.active ?? true);
  const [errors, setErrors] = useState<Errors>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const payRef = useRef<HTMLInputElement>(null);
  const bonusRef = useRef<HTMLInputElement>(null);

  const submit = async () => {
    setApiError(null);
    const input = { id: rule?.id, minPrincipalMinor: pay ?? 0, bonusMinor: bonus ?? 0, active };
    const checked = bonusRuleUpsert.safeParse(input);
    const found: Errors = {};
    const bad = (path: string) => !checked.success && checked.error.issues.some((i) => i.path[0] === path);
    if (pay === null || bad('minPrincipalMinor')) found.pay = () => i18n.t('settings.bonus.err.pay');
    if (bonus === null || bad('bonusMinor')) found.bonus = () => i18n.t('settings.bonus.err.bonus');
    setErrors(found);
    if (found.pay || found.bonus) {
      (found.pay ? payRef : bonusRef).current?.focus();
      return;
    }
    setSaving(true);
    try {
      onSaved(await api.call('bonusRules.upsert', input));
    } catch (error) {
      setSaving(false);
      setApiError(error);
    }
  };

  const title = readOnly ? t('settings.bonus.viewTitle') : rule ? t('settings.bonus.editTitle') : t('settings.bonus.newTitle');

  return (
    <EditorDialog
      title={title}
      readOnly={readOnly}
      saving={saving}
      error={apiError}
      fieldProblems={Boolean(errors.pay || errors.bonus)}
      initialFocus={payRef}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="form-grid settings-form-grid">
        <MoneyInput
          ref={payRef}
          label={t('settings.bonus.pay')}
          hint={t('settings.bonus.payHint')}
          valueMinor={pay}
          onChangeMinor={(minor) => {
            setPay(minor);
            if (errors.pay) setErrors((prev) => ({ ...prev, pay: undefined }));
          }}
          error={errors.pay?.() ?? null}
          aria-required="true"
        />
        <MoneyInput
          ref={bonusRef}
          label={t('settings.bonus.bonus')}
          hint={t('settings.bonus.bonusHint')}
          valueMinor={bonus}
          onChangeMinor={(minor) => {
            setBonus(minor);
            if (errors.bonus) setErrors((prev) => ({ ...prev, bonus: undefined }));
          }}
          error={errors.bonus?.() ?? null}
          aria-required="true"
        />
        <p className="settings-preview field-wide" aria-live="polite">
          {pay !== null && pay > 0 && bonus !== null ? t('settings.bonus.rule', { pay: f.money(pay), bonus: f.money(bonus) }) : t('settings.bonus.previewEmpty')}
        </p>
        <div className="field field-wide">
          <CheckCard id={activeId} label={t('settings.bonus.activeLabel')} hint={t('settings.bonus.activeHint')} checked={active} onChange={setActive} />
        </div>
      </div>
    </EditorDialog>
  );
}
