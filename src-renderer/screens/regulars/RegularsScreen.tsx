/**
 * The owner's retention screens (`#/regulars/<tab>[?segment=…]`): lapsed customers, segments,
 * birthdays, campaigns and the SMS outbox, one tab each. Every tab is an address of its own, so the
 * browser's back goes to the tab before; ←/→ on the tab row switch tabs.
 */
import { useTranslation } from 'react-i18next';
import { navigate, paths, REGULARS_TABS, type RegularsTab } from '../../app/router.ts';
import { Tabs } from '../../components/Tabs.tsx';
import { BirthdaysTab } from './BirthdaysTab.tsx';
import { CampaignsTab } from './CampaignsTab.tsx';
import { LapsedTab } from './LapsedTab.tsx';
import { OutboxTab } from './OutboxTab.tsx';
import { SegmentsTab } from './SegmentsTab.tsx';

function TabBody({ tab, segment }: { tab: RegularsTab; segment: string | null }) {
  switch (tab) {
    case 'lapsed':
      return <LapsedTab />;
    case 'segments':
      return <SegmentsTab segment={segment} />;
    case 'birthdays':
      return <BirthdaysTab />;
    case 'campaigns':
      return <CampaignsTab />;
    case 'outbox':
      return <OutboxTab />;
  }
}

export function RegularsScreen({ tab, segment }: { tab: RegularsTab; segment: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="screen regulars-screen">
      <header className="page-head">
        <div>
          <h1 className="page-title">{t('regulars.title')}</h1>
          <p className="page-sub">{t('regulars.subtitle')}</p>
        </div>
      </header>
      <Tabs label={t('regulars.tabs.label')} tabs={REGULARS_TABS.map((key) => ({ key, label: t(`regulars.tabs.${key}`) }))} selected={tab} onSelect={(key) => navigate(paths.regulars(key))}>
        <TabBody tab={tab} segment={segment} />
      </Tabs>
    </div>
  );
}
