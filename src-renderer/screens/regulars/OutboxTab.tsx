/**
 * The SMS outbox (`sms.outbox`): every message by status (with the count of each), newest first, what
 * it said and where it stands — attempts, the provider's last error, its message id and price. Failed
 * ones can be ticked and sent again (`sms.retry`). The list refreshes itself every few seconds while
 * anything is still waiting to go.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SMS_STATUSES } from '../../../src-main/ledger/vocabulary.ts';
import { outboxReasonOf, type OutboxMessage, type SmsStatus } from '../../../src-main/sms/types.ts';
import { api } from '../../api.ts';
import { ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { Dash } from '../../components/Dash.tsx';
import { DateText } from '../../components/DateText.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatPhone, useFormat } from '../../components/format.ts';
import { EmptyState, QueryStatus } from '../../components/QueryStatus.tsx';
import { SmsStatusBadge } from '../../components/RetentionBadges.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { Pager } from './Pager.tsx';
import { formatProviderCost } from './provider-cost.ts';
import { SelectableTable, type Column } from './SelectableTable.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { useSelection } from './use-selection.ts';

const PAGE_SIZE = 50;
const REFRESH_MS = 3000;
type StatusFilter = SmsStatus | 'all';
const messageId = (m: OutboxMessage) => m.id;

export function OutboxTab() {
  const { t } = useTranslation();
  // The outbox's own reasons in the screen's language; a provider's error as the provider said it.
  const reasonText = (lastError: string) => {
    const own = outboxReasonOf(lastError);
    return own ? t(`regulars.outbox.reason.${own}`) : lastError;
  };
  const f = useFormat();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [offset, setOffset] = useState(0);
  const query = useApiQuery('sms.outbox', { ...(status === 'all' ? {} : { status }), offset, limit: PAGE_SIZE }, { refreshMs: (page) => (page.counts.pending + page.counts.sending > 0 ? REFRESH_MS : null) });
  const selection = useSelection<OutboxMessage>(messageId, status);
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<unknown>(null);
  const [requeued, setRequeued] = useState<number | null>(null);
  const page = query.data;
  const counts = page?.counts;
  const all = counts ? SMS_STATUSES.reduce((sum, s) => sum + counts[s], 0) : null;

  const retry = async () => {
    if (retrying || selection.count === 0) return;
    setRetrying(true);
    setRetryError(null);
    try {
      const done = await api.call('sms.retry', { messageIds: selection.ids });
      setRequeued(done.requeued);
      selection.clear();
      query.reload();
    } catch (e) {
      setRetryError(e);
    } finally {
      setRetrying(false);
    }
  };

  const columns: Column<OutboxMessage>[] = [
    {
      key: 'time',
      header: t('regulars.outbox.col.time'),
      className: 'nowrap',
      cell: (m) => (
        <>
          <DateText iso={m.createdAt} />
          {m.sentAt ? <span className="sub">{t('regulars.outbox.sentAt', { time: f.dateTime(m.sentAt) })}</span> : null}
        </>
      ),
    },
    {
      key: 'to',
      header: t('regulars.outbox.col.to'),
      className: 'nowrap',
      cell: (m) => (
        <>
          <span className="strong">{m.memberName ?? <Dash />}</span>
          <span className="sub num">{formatPhone(m.phone)}</span>
        </>
      ),
    },
    {
      key: 'text',
      header: t('regulars.outbox.col.text'),
      className: 'outbox-text',
      cell: (m) => (
        <>
          <span className="outbox-kind badge badge-quiet">{t(`regulars.outbox.kind.${m.kind}`)}</span>
          <span className="outbox-body">{m.fullText}</span>
        </>
      ),
    },
    { key: 'segments', header: t('regulars.outbox.col.segments'), end: true, cell: (m) => <span className="num">{m.billedSegments ?? m.segments}</span> },
    {
      key: 'status',
      header: t('regulars.outbox.col.status'),
      cell: (m) => (
        <>
          <SmsStatusBadge status={m.status} />
          <span className="sub">{t('regulars.outbox.attempts', { count: m.attempts })}</span>
          {m.status === 'pending' && Date.parse(m.nextAttemptAt) > Date.now() ? (
            <span className="sub">{t(m.attempts > 0 ? 'regulars.outbox.nextAttempt' : 'regulars.outbox.scheduled', { time: f.dateTime(m.nextAttemptAt) })}</span>
          ) : null}
        </>
      ),
    },
    { key: 'error', header: t('regulars.outbox.col.error'), className: 'outbox-error', cell: (m) => (m.lastError ? <span className="is-loss">{reasonText(m.lastError)}</span> : <Dash />) },
    {
      key: 'provider',
      header: t('regulars.outbox.col.provider'),
      className: 'outbox-provider',
      cell: (m) =>
        m.provider ? (
          <>
            <span>{m.provider}</span>
            {m.providerMessageId ? <span className="sub num provider-id" title={m.providerMessageId}>{m.providerMessageId}</span> : null}
          </>
        ) : (
          <Dash />
        ),
    },
    {
      key: 'cost',
      header: t('regulars.outbox.col.cost'),
      end: true,
      cell: (m) => (m.costMicros !== null && m.costCurrency ? <span className="num">{formatProviderCost(m.costMicros, m.costCurrency, f.locale)}</span> : <Dash />),
    },
  ];

  const options: Array<{ key: StatusFilter; label: ReactNode }> = [
    { key: 'all', label: <StatusLabel text={t('regulars.outbox.all')} count={all} /> },
    ...SMS_STATUSES.map((s) => ({ key: s, label: <StatusLabel text={t(`retention.smsStatus.${s}`)} count={counts ? counts[s] : null} /> })),
  ];

  return (
    <section className="card retention-list" aria-label={t('regulars.outbox.label')}>
      <div className="retention-list-head">
        <div className="list-summary">
          <ChoiceGroup
            label={t('regulars.outbox.filter')}
            hideLabel
            options={options}
            value={status}
            onChange={(s) => {
              setStatus(s);
              setOffset(0);
              setRequeued(null);
            }}
          />
          {counts && counts.pending + counts.sending > 0 ? (
            <span className="muted outbox-live" role="status">
              {t('regulars.outbox.live')}
            </span>
          ) : null}
        </div>
        <SelectionBar count={selection.count} countText={t('regulars.outbox.selected', { count: selection.count })} onClear={selection.clear} keysHint={t('regulars.outbox.keysHint')}>
          {requeued !== null ? (
            <span className="is-gain" role="status">
              {t('regulars.outbox.requeued', { count: requeued })}
            </span>
          ) : null}
          <button type="button" className="btn btn-primary" disabled={selection.count === 0 || retrying} onClick={() => void retry()}>
            {retrying ? t('regulars.outbox.retrying') : t('regulars.outbox.retry')}
          </button>
        </SelectionBar>
      </div>
      {retryError ? <ErrorNotice error={retryError} title={t('regulars.outbox.retryFailed')} /> : null}
      <QueryStatus query={query} />
      {page && page.rows.length === 0 ? (
        <EmptyState icon="inbox" title={status === 'all' ? t('regulars.outbox.empty') : t('regulars.outbox.emptyStatus', { status: t(`retention.smsStatus.${status}`) })} />
      ) : null}
      {page && page.rows.length > 0 ? (
        <>
          <SelectableTable
            label={t('regulars.outbox.label')}
            rows={page.rows}
            rowId={messageId}
            rowLabel={(m) => t('regulars.outbox.rowLabel', { name: m.memberName ?? formatPhone(m.phone), phone: formatPhone(m.phone) })}
            columns={columns}
            selection={selection}
            canSelect={(m) => m.status === 'failed'}
            selectPageLabel={t('regulars.outbox.selectFailed')}
            stale={query.stale}
            className="outbox-table"
          />
          <Pager offset={offset} limit={PAGE_SIZE} total={page.total} onOffset={setOffset} />
        </>
      ) : null}
    </section>
  );
}

function StatusLabel({ text, count }: { text: string; count: number | null }) {
  return (
    <span className="status-option">
      {text}
      {count !== null ? <span className="status-count num">{count}</span> : null}
    </span>
  );
}
