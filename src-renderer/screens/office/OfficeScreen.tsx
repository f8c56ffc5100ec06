/**
 * The owner's back office (`#/office/<tab>`): staff, the audit log, import, export and backups, one tab
 * each, every tab an address of its own.
 */
import { useTranslation } from 'react-i18next';
import { navigate, OFFICE_TABS, paths, type OfficeTab } from '../../app/router.ts';
import { Tabs } from '../../components/Tabs.tsx';
import { AuditTab } from './audit/AuditTab.tsx';
import { BackupsTab } from './backups/BackupsTab.tsx';
import { ExportTab } from './import/ExportTab.tsx';
import { ImportTab } from './import/ImportTab.tsx';
import { StaffTab } from './staff/StaffTab.tsx';

function TabBody({ tab }: { tab: OfficeTab }) {
  switch (tab) {
    case 'staff':
      return <StaffTab />;
    case 'audit':
      return <AuditTab />;
    case 'import':
      return <ImportTab />;
    case 'export':
      return <ExportTab />;
    case 'backups':
      return <BackupsTab />;
  }
}

export function OfficeScreen({ tab }: { tab: OfficeTab }) {
  const { t } = useTranslation();
  return (
    <div className="screen office-screen">
      <header className="page-head">
        <div>
          <h1 className="page-title">{t('office.title')}</h1>
          <p className="page-sub">{t('office.subtitle')}</p>
        </div>
      </header>
      <Tabs label={t('office.tabs.label')} tabs={OFFICE_TABS.map((key) => ({ key, label: t(`office.tabs.${key}`) }))} selected={tab} onSelect={(key) => navigate(paths.office(key))}>
        <TabBody tab={tab} />
      </Tabs>
    </div>
  );
}
