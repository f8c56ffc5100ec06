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
import { useEditorForm, type FieldProblems } from './use-editor-form.ts';

type FieldName = 'pay' | 'bonus';

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
  const payRef = useRef<HTMLInputElement>(null);
  const bonusRef = useRef<HTMLInputElement>(null);
  const form = useEditorForm<FieldName>({ pay: payRef, bonus: bonusRef });

  const submit = async () => {
    const input = { id: rule?.id, minPrincipalMinor: pay ?? 0, bonusMinor: bonus ?? 0, active };
    const checked = bonusRuleUpsert.safeParse(input);
    const found: FieldProblems<FieldName> = {};
    const bad = (path: string) => !checked.success && checked.error.issues.some((i) => i.path[0] === path);
    if (pay === null || bad('minPrincipalMinor')) found.pay = () => i18n.t('settings.bonus.err.pay');
    if (bonus === null || bad('bonusMinor')) found.bonus = () => i18n.t('settings.bonus.err.bonus');
    await form.save(found, () => api.call('bonusRules.upsert', input), onSaved);
  };

  const title = readOnly ? t('settings.bonus.viewTitle') : rule ? t('settings.bonus.editTitle') : t('settings.bonus.newTitle');

  return (
    <EditorDialog
      title={title}
      readOnly={readOnly}
      form={form}
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
            form.clear('pay');
          }}
          error={form.error('pay')}
          aria-required="true"
        />
        <MoneyInput
          ref={bonusRef}
          label={t('settings.bonus.bonus')}
          hint={t('settings.bonus.bonusHint')}
          valueMinor={bonus}
          onChangeMinor={(minor) => {
            setBonus(minor);
            form.clear('bonus');
          }}
          error={form.error('bonus')}
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
