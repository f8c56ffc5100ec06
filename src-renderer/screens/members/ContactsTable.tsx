/** The member's contact history: each win-back SMS and logged call, newest first, with how it went. */
import { useTranslation } from 'react-i18next';
import type { ContactEntry } from '../../../src-main/retention/types.ts';
import { SMS_STATUSES } from '../../../src-main/ledger/vocabulary.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Dash, HistoryTable } from './HistoryTables.tsx';
import { useCareText } from './use-care-text.ts';
import type { OutlookState } from './use-member-outlook.ts';

type SmsStatus = (typeof SMS_STATUSES)[number];
const isSmsStatus = (status: string): status is SmsStatus => (SMS_STATUSES as readonly string[]).includes(status);

const STATUS_BADGE: Record<SmsStatus, string> = {
  pending: 'badge-quiet',
  sending: 'badge-quiet',
  sent: 'badge-ok',
  failed: 'badge-danger',
  cancelled: 'badge-warn',
};

export function ContactsTable({ contacts }: { contacts: ContactEntry[] }) {
  const ct = useCareText();
  return (
    <HistoryTable
      label={ct('contacts.label')}
      emptyText={ct('contacts.empty')}
      rows={contacts}
      limit={Number.POSITIVE_INFINITY}
      columns={[
        { header: ct('contacts.col.time'), className: 'nowrap', cell: (c) => <DateText iso={c.createdAt} /> },
        {
          header: ct('contacts.col.channel'),
          cell: (c) => (
            <>
              <span className={`badge ${c.channel === 'call' ? 'badge-call' : 'badge-quiet'}`}>{ct(`contacts.channel.${c.channel}`)}</span>
              {c.campaignName ? <span className="sub">{ct('contacts.campaign', { name: c.campaignName })}</span> : null}
            </>
          ),
        },
        { header: ct('contacts.col.outcome'), className: 'nowrap', cell: (c) => (c.outcome ? ct(`outcome.${c.outcome}`) : <Dash />) },
        { header: ct('contacts.col.feedback'), className: 'cell-text', cell: (c) => (c.feedback ? c.feedback : <Dash />) },
        {
          header: ct('contacts.col.sms'),
          className: 'nowrap',
          cell: (c) => (c.smsStatus === null ? <Dash /> : isSmsStatus(c.smsStatus) ? <span className={`badge ${STATUS_BADGE[c.smsStatus]}`}>{ct(`smsStatus.${c.smsStatus}`)}</span> : c.smsStatus),
        },
        { header: ct('contacts.col.staff'), cell: (c) => c.staffName ?? <Dash /> },
      ]}
    />
  );
}

/** The contacts tab: the history once the outlook has loaded, or why it has not. */
export function ContactsPanel({ state }: { state: OutlookState }) {
  const { t } = useTranslation();
  const ct = useCareText();
  if (state.outlook) return <ContactsTable contacts={state.outlook.contacts} />;
  if (state.error) {
    return (
      <div className="tab-notice">
        <ErrorNotice error={state.error} title={ct('contacts.loadFailed')} onRetry={() => void state.reload()} />
      </div>
    );
  }
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
