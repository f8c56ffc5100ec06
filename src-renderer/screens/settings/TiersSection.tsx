/**
 * Member tiers: discount, points per currency unit and order, the default tier (what new members
 * join) marked. ↑/↓ and Enter in the list edit a tier, F2 adds one. A save reloads the shop info so
 * tier badges and checkout prices follow at once.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useReloadAppInfo } from '../../app/app-info.ts';
import { useShortcut } from '../../app/shortcuts.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFormat } from '../../components/format.ts';
import { TierBadge } from '../members/TierBadge.tsx';
import { NEW_KEY } from './keys.ts';
import { NewButton, SectionHead } from './parts.tsx';
import { PickList } from './PickList.tsx';
import { TierEditor } from './TierEditor.tsx';
import { useTierBenefits } from './tier-text.ts';

const SORT_STEP = 10;

export function TiersSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const benefits = useTierBenefits();
  const reloadAppInfo = useReloadAppInfo();
  const listId = useId();
  const hintId = useId();
  const [tiers, setTiers] = useState<Tier[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [highlight, setHighlight] = useState(0);
  const [editing, setEditing] = useState<{ tier: Tier | null } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(async (showId?: string) => {
    setError(null);
    try {
      const list = await api.call('tiers.list', {});
      setTiers(list);
      if (showId) setHighlight(Math.max(0, list.findIndex((x) => x.id === showId)));
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useShortcut(NEW_KEY, () => setEditing({ tier: null }), !readOnly && editing === null);

  const onSaved = async (tier: Tier) => {
    setEditing(null);
    setSaved(tier.name);
    await load(tier.id);
    // Badges, member pages and checkout read tiers from the shop info.
    await reloadAppInfo().catch(setError);
  };

  const items = tiers ?? [];
  const nextSortOrder = Math.min(1000, items.reduce((max, x) => Math.max(max, x.sortOrder), 0) + SORT_STEP);

  return (
    <div className="settings-section is-list">
      <SectionHead
        id={headingId}
        title={t('settings.tiers.title')}
        intro={t('settings.tiers.intro')}
        action={readOnly ? undefined : <NewButton label={t('settings.tiers.new')} onClick={() => setEditing({ tier: null })} />}
      />
      <div className="settings-list-tools">
        <span className="list-status" role="status" aria-live="polite">
          {saved ? t('settings.tiers.savedNote', { name: saved }) : tiers ? t('settings.tiers.count', { count: items.length }) : t('common.loading')}
        </span>
        <span className="list-keys" id={hintId}>
          {readOnly ? t('settings.listKeysReadOnly') : t('settings.listKeys', { key: NEW_KEY })}
        </span>
      </div>

      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}

      {items.length > 0 ? (
        <PickList
          id={listId}
          label={t('settings.tiers.listLabel')}
          className="pick-tiers"
          focusable
          describedBy={hintId}
          items={items}
          keyOf={(x) => x.id}
          rowLabel={(x) => t(x.isDefault ? 'settings.tiers.rowLabelDefault' : 'settings.tiers.rowLabel', { name: x.name, benefits: benefits.line(x.discountBp, x.pointsPerUnit) })}
          columns={[
            { label: t('settings.tiers.col.name') },
            { label: t('settings.tiers.col.discount') },
            { label: t('settings.tiers.col.points') },
            { label: t('settings.tiers.col.sortOrder'), align: 'end' },
          ]}
          cells={(x) => [
            <span className="tier-cell">
              <TierBadge tierId={x.id} name={x.name} />
              {x.isDefault ? <span className="badge badge-on">{t('settings.tiers.default')}</span> : null}
            </span>,
            <span className={`discount-cell${x.discountBp === 0 ? ' muted' : ''}`}>{benefits.discount(x.discountBp)}</span>,
            benefits.points(x.pointsPerUnit),
            <span className="num">{f.number(x.sortOrder)}</span>,
          ]}
          highlight={highlight}
          setHighlight={setHighlight}
          onOpen={(x) => setEditing({ tier: x })}
        />
      ) : null}

      {tiers ? <p className="settings-footnote">{t('settings.tiers.defaultNote')}</p> : null}

      {editing ? (
        <TierEditor tier={editing.tier} nextSortOrder={nextSortOrder} readOnly={readOnly} onClose={() => setEditing(null)} onSaved={(x) => void onSaved(x)} />
      ) : null}
    </div>
  );
}
