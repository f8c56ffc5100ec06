/**
 * Member tiers: discount, points per currency unit and order, the default tier (what new members
 * join) marked. ↑/↓ and Enter in the list edit a tier, F2 adds one. A save reloads the shop info so
 * tier badges and checkout prices follow at once.
 */
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../src-main/ledger/types.ts';
import { api } from '../../api.ts';
import { useReloadAppInfo } from '../../app/app-info.ts';
import { useFormat } from '../../components/format.ts';
import { TierBadge } from '../members/TierBadge.tsx';
import { EditedListSection } from './EditedListSection.tsx';
import { TierEditor } from './TierEditor.tsx';
import { useTierBenefits } from './tier-text.ts';
import { useEditedList } from './use-edited-list.ts';

const SORT_STEP = 10;

export function TiersSection({ readOnly, headingId }: { readOnly: boolean; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const benefits = useTierBenefits();
  const reloadAppInfo = useReloadAppInfo();
  const list = useEditedList<Tier>({
    fetch: () => api.call('tiers.list', {}),
    readOnly,
    // Badges, member pages and checkout read tiers from the shop info.
    afterSave: () => reloadAppInfo(),
  });
  const { rows: tiers, items } = list;
  const nextSortOrder = Math.min(1000, items.reduce((max, x) => Math.max(max, x.sortOrder), 0) + SORT_STEP);

  return (
    <EditedListSection
      list={list}
      headingId={headingId}
      title={t('settings.tiers.title')}
      intro={t('settings.tiers.intro')}
      newLabel={t('settings.tiers.new')}
      readOnly={readOnly}
      status={list.saved ? t('settings.tiers.savedNote', { name: list.saved.name }) : tiers ? t('settings.tiers.count', { count: items.length }) : t('common.loading')}
      label={t('settings.tiers.listLabel')}
      className="pick-tiers"
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
    >
      {tiers ? <p className="settings-footnote">{t('settings.tiers.defaultNote')}</p> : null}

      {list.editing ? (
        <TierEditor tier={list.editing.row} nextSortOrder={nextSortOrder} readOnly={readOnly} onClose={list.close} onSaved={(x) => void list.onSaved(x)} />
      ) : null}
    </EditedListSection>
  );
}
