/**
 * Top-up bonus rules ("充 500 送 50"): the list by threshold, stopped rules muted; ↑/↓ and Enter edit
 * a rule (its editor also stops or restarts it), F2 adds one. Which rule applies to a top-up is the
 * ledger's business (topups.quote); this screen only lists and edits them.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopupBonusRule } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useShortcut } from '../../app/shortcuts.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { BonusRuleEditor } from './BonusRuleEditor.tsx';
import { NEW_KEY } from './keys.ts';
import { NewButton, SectionHead } from './parts.tsx';
import { PickList } from './PickList.tsx';

export function BonusSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const listId = useId();
  const hintId = useId();
  const [rules, setRules] = useState<TopupBonusRule[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [highlight, setHighlight] = useState(0);
  const [editing, setEditing] = useState<{ rule: TopupBonusRule | null } | null>(null);
  const [saved, setSaved] = useState(false);

  const load = useCallback(async (showId?: string) => {
    setError(null);
    try {
      const list = await api.call('bonusRules.list', {});
      setRules(list);
      if (showId) setHighlight(Math.max(0, list.findIndex((r) => r.id === showId)));
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useShortcut(NEW_KEY, () => setEditing({ rule: null }), !readOnly && editing === null);

  const onSaved = (rule: TopupBonusRule) => {
    setEditing(null);
    setSaved(true);
    void load(rule.id);
  };

  const items = rules ?? [];
  const ruleText = (r: TopupBonusRule) => t('settings.bonus.rule', { pay: f.money(r.minPrincipalMinor), bonus: f.money(r.bonusMinor) });

  return (
    <div className="settings-section is-list">
      <SectionHead
        id={headingId}
        title={t('settings.bonus.title')}
        intro={t('settings.bonus.intro')}
        action={readOnly ? undefined : <NewButton label={t('settings.bonus.new')} onClick={() => setEditing({ rule: null })} />}
      />
      <div className="settings-list-tools">
        <span className="list-status" role="status" aria-live="polite">
          {saved ? t('settings.bonus.savedNote') : rules ? t('settings.bonus.count', { count: items.filter((r) => r.active).length }) : t('common.loading')}
        </span>
        <span className="list-keys" id={hintId}>
          {readOnly ? t('settings.listKeysReadOnly') : t('settings.listKeys', { key: NEW_KEY })}
        </span>
      </div>

      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}

      {items.length > 0 ? (
        <PickList
          id={listId}
          label={t('settings.bonus.listLabel')}
          className="pick-bonus"
          focusable
          describedBy={hintId}
          items={items}
          keyOf={(r) => r.id}
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
          highlight={highlight}
          setHighlight={setHighlight}
          onOpen={(r) => setEditing({ rule: r })}
        />
      ) : null}

      {rules && items.length === 0 && !error ? (
        <div className="empty card">
          <Icon name="wallet" size={36} className="empty-icon" />
          <p className="empty-title">{t('settings.bonus.empty')}</p>
          <p className="empty-hint">{readOnly ? '' : t('settings.bonus.emptyHint', { key: NEW_KEY })}</p>
        </div>
      ) : null}

      {rules ? <p className="settings-footnote">{t('settings.bonus.footnote')}</p> : null}

      {editing ? <BonusRuleEditor rule={editing.rule} readOnly={readOnly} onClose={() => setEditing(null)} onSaved={onSaved} /> : null}
    </div>
  );
}
