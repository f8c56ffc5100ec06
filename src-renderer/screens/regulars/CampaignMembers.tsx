/** The members one campaign contacted (`campaigns.members`), in the lapsed list's table: who came back shows "won back". */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignStats } from '../../../src-main/retention/types.ts';
import { Icon } from '../../components/Icon.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { PAGE_SIZE, RetentionList } from './RetentionList.tsx';

export function CampaignMembers({ campaign, onBack }: { campaign: CampaignStats; onBack: () => void }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const query = useApiQuery('campaigns.members', { campaignId: campaign.id, offset, limit: PAGE_SIZE });
  const name = campaign.name || t(`regulars.campaigns.kind.${campaign.kind}`);
  return (
    <div className="segment-members-view">
      <div className="segment-members-head">
        <button type="button" className="btn btn-small btn-ghost" onClick={onBack} autoFocus>
          <Icon name="back" size={16} />
          {t('regulars.campaigns.back')}
        </button>
        <h2 className="segment-members-title">{name}</h2>
        <p className="muted">{t('regulars.campaigns.membersLine', { contacted: campaign.contacted, wonBack: campaign.wonBack })}</p>
      </div>
      <RetentionList
        label={t('regulars.campaigns.membersLabel', { name })}
        query={query}
        offset={offset}
        onOffset={setOffset}
        selectionKey={campaign.id}
        campaignId={campaign.id}
        emptyTitle={t('regulars.campaigns.noMembers')}
      />
    </div>
  );
}
