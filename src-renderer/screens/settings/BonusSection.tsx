/**
 * Top-up bonus rules ("充 500 送 50"): the list by threshold, stopped rules muted; ↑/↓ and Enter edit
 * a rule (its editor also stops or restarts it), F2 adds one. Which rule applies to a top-up is the
 * ledger's business (topups.quote); this screen only lists and edits them.
 */
import { useTranslation } from 'react-i18next';
import type { TopupBonusRule } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { BonusRuleEditor } from './BonusRuleEditor.tsx';
import { EditedListSection } from './EditedListSection.tsx';
import { NEW_KEY } from './keys.ts';
import { useEditedList } from './use-edited-list.ts';

export function BonusSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useEditedList<TopupBonusRule>({ fetch: () => api.call('bonusRules.list', {}), readOnly });
  const { rows: rules, items } = list;

  const ruleText = (r: TopupBonusRule) => t('settings.bonus.rule', { pay: f.money(r.minPrincipalMinor), bonus: f.money(r.bonusMinor) });

  return (
    <EditedListSection
      list={list}
      headingId={headingId}
      title={t('settings.bonus.title')}
      intro={t('settings.bonus.intro')}
      newLabel={t('settings.bonus.new')}
      readOnly={readOnly}
      status={list.saved ? t('settings.bonus.savedNote') : rules ? t('settings.bonus.count', { count: items.filter((r) => r.active).length }) : t('common.loading')}
      label={t('settings.bonus.listLabel')}
      className="pick-bonus"
      rowLabel={(r) => (r.active ? ruleText(r) : t('settings.bonus.rowLabelInactive', { rule: ruleText(r) }))}
      rowClass={(r) => (r.active ? '' : 'is-inactive')}
      columns={[
        { label: t('settings.bonus.col.rule') },
        { label: t('settings.bonus.col.pay'), align: 'end' },
        { label: t('settings.bonus.col.bonus'), align: 'end' },
        { label: t('settings.bonus.col.status'), align: 'end' },
      ]}
      cells={(r) => [
        <span className="pick-name">{ruleText(r)}</span>,
        <MoneyText minor={r.minPrincipalMinor} />,
        <MoneyText minor={r.bonusMinor} className="strong is-gain" />,
        <span className={`badge ${r.active ? 'badge-on' : 'badge-quiet'}`}>{r.active ? t('settings.bonus.active') : t('settings.bonus.inactive')}</span>,
      ]}
    >
      {rules && items.length === 0 && !list.error ? (
        <div className="empty card">
          <Icon name="wallet" size={36} className="empty-icon" />
          <p className="empty-title">{t('settings.bonus.empty')}</p>
          <p className="empty-hint">{readOnly ? '' : t('settings.bonus.emptyHint', { key: NEW_KEY })}</p>
        </div>
      ) : null}

      {rules ? <p className="settings-footnote">{t('settings.bonus.footnote')}</p> : null}

      {list.editing ? <BonusRuleEditor rule={list.editing.row} readOnly={readOnly} onClose={list.close} onSaved={(r) => void list.onSaved(r)} /> : null}
    </EditedListSection>
  );
}
