/**
 * The owner's reports (`#/reports/<tab>?from=…&to=…[&group=…][&asOf=…][&member=…]`): sales, top-ups,
 * what is owed to members, customers and the top members with their drill-down, one tab each. The
 * dates and grouping live in the address (bookmarkable; the browser's back returns to the dates
 * before), above every tab sit the date range and the export buttons. ←/→ on the tab row switch tabs.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDate } from '../../../src-main/ledger/time.ts';
import { navigate, paths, REPORTS_TABS, type ReportsTab } from '../../app/router.ts';
import { Tabs } from '../../components/Tabs.tsx';
import { CustomersTab } from './CustomersTab.tsx';
import { ExportButtons, type ExportRequest } from './ExportButtons.tsx';
import { LiabilityTab } from './LiabilityTab.tsx';
import { MemberDrilldown } from './MemberDrilldown.tsx';
import { AsOfBar, RangeBar } from './RangeBar.tsx';
import { naturalGroupBy, rangeProblem, readReportQuery, reportQueryParams, type ReportQuery } from './report-query.ts';
import { SalesTab } from './SalesTab.tsx';
import { TopMembersTab } from './TopMembersTab.tsx';
import { TopupsTab } from './TopupsTab.tsx';
import './reports.css';

/** What the export button of a tab saves: exactly the report on screen. */
function exportRequest(tab: ReportsTab, q: ReportQuery, valid: boolean): ExportRequest | null {
  const range = { from: q.from, to: q.to };
  if (tab === 'liability') return { report: 'liability', ...(q.asOf ? { asOf: q.asOf } : {}) };
  if (!valid) return null;
  switch (tab) {
    case 'sales':
      return { report: 'sales', ...range, groupBy: q.groupBy };
    case 'topups':
      return { report: 'topups', ...range, groupBy: q.groupBy };
    case 'members':
      return { report: 'customers', ...range, groupBy: q.groupBy };
    case 'top':
      return q.memberId ? { report: 'member', memberId: q.memberId, ...range } : { report: 'topMembers', ...range, limit: 50 };
  }
}

export function ReportsScreen({ tab, query }: { tab: ReportsTab; query: Record<string, string> }) {
  const { t } = useTranslation();
  const [today] = useState(() => new Date());
  const q = readReportQuery(query, today);
  const valid = rangeProblem(q) === null;
  const shown = valid ? q : null;

  const go = useCallback(
    (next: Partial<ReportQuery>, options: { tab?: ReportsTab; replace?: boolean } = {}) =>
      navigate(paths.reports(options.tab ?? tab, reportQueryParams({ ...q, ...next })), { replace: options.replace ?? false }),
    [q, tab],
  );
  const closeMember = useCallback(() => go({ memberId: null }), [go]);

  const body = (() => {
    switch (tab) {
      case 'sales':
        return <SalesTab query={shown} />;
      case 'topups':
        return <TopupsTab query={shown} />;
      case 'liability':
        return <LiabilityTab asOf={q.asOf} />;
      case 'members':
        return <CustomersTab query={shown} />;
      case 'top':
        return q.memberId ? <MemberDrilldown query={shown} memberId={q.memberId} onBack={closeMember} /> : <TopMembersTab query={shown} onOpen={(memberId) => go({ memberId })} />;
    }
  })();

  return (
    <div className="screen reports-screen" data-tab={tab}>
      <header className="page-head">
        <div>
          <h1 className="page-title">{t('reports.title')}</h1>
          <p className="page-sub">{t('reports.subtitle')}</p>
        </div>
      </header>
      <Tabs
        label={t('reports.tabs.label')}
        tabs={REPORTS_TABS.map((key) => ({ key, label: t(`reports.tabs.${key}`) }))}
        selected={tab}
        onSelect={(key) => go({ memberId: null }, { tab: key })}
      >
        <div className="report-toolbar">
          {tab === 'liability' ? (
            <AsOfBar asOf={q.asOf ?? businessDate(today)} today={businessDate(today)} onAsOf={(asOf) => go({ asOf }, { replace: asOf !== null })} />
          ) : (
            <RangeBar
              range={q}
              groupBy={q.groupBy}
              today={today}
              // A grouping the owner chose stays; otherwise the new range gets its own natural one.
              onRange={(range, typed) => go({ ...range, groupBy: query['group'] ? q.groupBy : naturalGroupBy(range) }, { replace: typed })}
              onGroupBy={tab === 'top' ? null : (groupBy) => go({ groupBy }, { replace: true })}
            />
          )}
          <ExportButtons request={exportRequest(tab, q, valid)} />
        </div>
        {body}
      </Tabs>
    </div>
  );
}
