/** The member's contact history: each win-back SMS and logged call, newest first, with how it went. */
import { useTranslation } from 'react-i18next';
import { SMS_STATUSES } from '../../../src-main/ledger/vocabulary.ts';
import type { ContactEntry, MemberOutlook } from '../../../src-main/retention/types.ts';
import type { SmsStatus } from '../../../src-main/sms/types.ts';
import { Dash } from '../../components/Dash.tsx';
import { DateText } from '../../components/DateText.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { SmsStatusBadge } from '../../components/RetentionBadges.tsx';
import type { ApiQuery } from '../../components/use-api-query.ts';
import { HistoryTable } from './HistoryTables.tsx';

const isSmsStatus = (status: string): status is SmsStatus => (SMS_STATUSES as readonly string[]).includes(status);

export function ContactsTable({ contacts }: { contacts: ContactEntry[] }) {
  const { t } = useTranslation();
  return (
    <HistoryTable
      label={t('memberCare.contacts.label')}
      emptyText={t('memberCare.contacts.empty')}
      rows={contacts}
      limit={Number.POSITIVE_INFINITY}
      columns={[
        { header: t('memberCare.contacts.col.time'), className: 'nowrap', cell: (c) => <DateText iso={c.createdAt} /> },
        {
          header: t('memberCare.contacts.col.channel'),
          cell: (c) => (
            <>
              <span className={`badge ${c.channel === 'call' ? 'badge-call' : 'badge-quiet'}`}>{t(`retention.channel.${c.channel}`)}</span>
              {c.campaignName ? <span className="sub">{t('memberCare.contacts.campaign', { name: c.campaignName })}</span> : null}
            </>
          ),
        },
        { header: t('memberCare.contacts.col.outcome'), className: 'nowrap', cell: (c) => (c.outcome ? t(`retention.outcome.${c.outcome}`) : <Dash />) },
        { header: t('memberCare.contacts.col.feedback'), className: 'cell-text', cell: (c) => (c.feedback ? c.feedback : <Dash />) },
        {
          header: t('memberCare.contacts.col.sms'),
          className: 'nowrap',
          cell: (c) => (c.smsStatus === null ? <Dash /> : isSmsStatus(c.smsStatus) ? <SmsStatusBadge status={c.smsStatus} /> : c.smsStatus),
        },
        { header: t('memberCare.contacts.col.staff'), cell: (c) => c.staffName ?? <Dash /> },
      ]}
    />
  );
}

/** The contacts tab: the history once the outlook has loaded, or why it has not. */
export function ContactsPanel({ outlook }: { outlook: ApiQuery<MemberOutlook> }) {
  const { t } = useTranslation();
  if (outlook.data) return <ContactsTable contacts={outlook.data.contacts} />;
  return (
    <div className="tab-notice">
      <QueryStatus query={outlook} failedTitle={t('memberCare.contacts.loadFailed')} />
    </div>
  );
}
