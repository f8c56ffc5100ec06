/**
 * A page of members to win back with everything done to them from here: tick rows (across pages) and
 * message them, log a call, mark "do not contact", open a member. The lapsed list and a segment's
 * list both are this one component over their own query.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberPage, RetentionMember } from '../../../src-main/retention/types.ts';
import { navigate, paths } from '../../app/router.ts';
import { Icon } from '../../components/Icon.tsx';
import { LogCallDialog } from '../../components/LogCallDialog.tsx';
import { EmptyState, QueryStatus } from '../../components/QueryStatus.tsx';
import type { ApiQuery } from '../../components/use-api-query.ts';
import { ContactChoiceDialog } from './ContactChoiceDialog.tsx';
import { Pager } from './Pager.tsx';
import { retentionMemberId, RetentionTable } from './RetentionTable.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { SendSmsDialog } from './SendSmsDialog.tsx';
import { useSelection } from './use-selection.ts';

export const PAGE_SIZE = 50;

interface RetentionListProps {
  label: string;
  query: ApiQuery<MemberPage>;
  offset: number;
  onOffset: (offset: number) => void;
  /** A new key (other filters, another segment) empties the selection. */
  selectionKey: string;
  emptyTitle: string;
  emptyHint?: string;
  /** A line above the table (e.g. the total value at risk). */
  summary?: ReactNode;
  /** The campaign whose members these are: a call logged here follows it up. */
  campaignId?: string;
}

type Open = { kind: 'send' } | { kind: 'call'; member: RetentionMember } | { kind: 'contact'; member: RetentionMember } | null;

export function RetentionList({ label, query, offset, onOffset, selectionKey, emptyTitle, emptyHint, summary, campaignId }: RetentionListProps) {
  const { t } = useTranslation();
  const selection = useSelection<RetentionMember>(retentionMemberId, selectionKey);
  const [open, setOpen] = useState<Open>(null);
  const page = query.data;

  const closed = (changed: boolean) => {
    setOpen(null);
    if (changed) query.reload();
  };

  return (
    <section className="card retention-list" aria-label={label}>
      <div className="retention-list-head">
        {summary}
        <SelectionBar count={selection.count} onClear={selection.clear} keysHint={t('regulars.select.keysHint')}>
          <button type="button" className="btn btn-primary" disabled={selection.count === 0} onClick={() => setOpen({ kind: 'send' })}>
            <Icon name="inbox" size={18} />
            {t('regulars.action.sendSms')}
          </button>
        </SelectionBar>
      </div>
      <QueryStatus query={query} />
      {page && page.rows.length === 0 ? <EmptyState icon="heart" title={emptyTitle} hint={emptyHint} /> : null}
      {page && page.rows.length > 0 ? (
        <>
          <RetentionTable
            label={label}
            rows={page.rows}
            selection={selection}
            stale={query.stale}
            onOpen={(m) => navigate(paths.member(m.memberId))}
            onLogCall={(member) => setOpen({ kind: 'call', member })}
            onContactChoice={(member) => setOpen({ kind: 'contact', member })}
          />
          <Pager offset={offset} limit={PAGE_SIZE} total={page.total} onOffset={onOffset} />
        </>
      ) : null}

      {open?.kind === 'send' ? (
        <SendSmsDialog
          recipients={selection.items}
          onClose={(sent) => {
            if (sent) selection.clear();
            closed(sent);
          }}
        />
      ) : null}
      {open?.kind === 'call' ? <LogCallDialog member={open.member} campaignId={campaignId} onClose={(logged) => closed(logged !== null)} /> : null}
      {open?.kind === 'contact' ? <ContactChoiceDialog member={open.member} onClose={closed} /> : null}
    </section>
  );
}
