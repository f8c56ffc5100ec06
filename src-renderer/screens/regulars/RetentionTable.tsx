/**
 * Members as the owner weighs whom to win back: who they are, when they last came and how often they
 * used to, what they spend (the value at risk), what they still hold with the shop (a reason to come
 * back), the model's outlook, and the last contact. The lapsed list and a segment's list are this one
 * table; rows are ticked for a message, and each has "log call" and "do not contact".
 */
import { useTranslation } from 'react-i18next';
import type { RetentionMember } from '../../../src-main/retention/types.ts';
import { paths } from '../../app/router.ts';
import { Dash } from '../../components/Dash.tsx';
import { DateText } from '../../components/DateText.tsx';
import { useFigures } from '../../components/figures.ts';
import { formatPhone, useFormat } from '../../components/format.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { DoNotContactBadge } from '../../components/RetentionBadges.tsx';
import { TierBadge } from '../members/TierBadge.tsx';
import { SelectableTable, type Column } from './SelectableTable.tsx';
import type { Selection } from './use-selection.ts';

interface RetentionTableProps {
  label: string;
  rows: readonly RetentionMember[];
  selection: Selection<RetentionMember>;
  stale: boolean;
  onOpen: (row: RetentionMember) => void;
  onLogCall: (row: RetentionMember) => void;
  onContactChoice: (row: RetentionMember) => void;
}

const memberId = (m: RetentionMember) => m.memberId;

export function RetentionTable({ label, rows, selection, stale, onOpen, onLogCall, onContactChoice }: RetentionTableProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const fig = useFigures();

  const columns: Column<RetentionMember>[] = [
    {
      key: 'member',
      header: t('regulars.col.member'),
      className: 'rm-member-cell',
      cell: (m, control) => (
        <div className="rm-member">
          <span className="rm-line">
            <a className="rm-name" href={`#${paths.member(m.memberId)}`} {...control}>
              {m.name}
            </a>
            {m.wonBackAt ? <span className="badge badge-good">{t('regulars.badge.wonBack')}</span> : null}
            {m.doNotContact ? <DoNotContactBadge /> : null}
            {!m.doNotContact && !m.smsMarketingConsent ? <span className="badge badge-warn">{t('regulars.badge.noConsent')}</span> : null}
          </span>
          <span className="rm-line">
            <span className="sub num">
              {m.code} · {formatPhone(m.phone, { mask: true })}
            </span>
            <TierBadge tierId={m.tierId} name={m.tierName} />
            {m.rfm ? <span className="badge badge-quiet">{t(`retention.segment.${m.rfm.segment}`)}</span> : null}
          </span>
        </div>
      ),
    },
    {
      key: 'lastVisit',
      header: t('regulars.col.lastVisit'),
      className: 'nowrap',
      cell: (m) =>
        m.lastVisitDate ? (
          <>
            <DateText iso={m.lastVisitDate} style="shortDate" />
            {m.daysAbsent !== null ? <span className="sub">{m.daysAbsent === 0 ? t('regulars.cell.today') : t('regulars.cell.daysAgo', { count: m.daysAbsent })}</span> : null}
          </>
        ) : (
          <span className="muted">{t('regulars.cell.neverVisited')}</span>
        ),
    },
    {
      key: 'visits',
      header: t('regulars.col.visits'),
      className: 'nowrap',
      cell: (m) => (
        <>
          <span className="num">{t('regulars.cell.visitDays', { count: m.visitDays })}</span>
          {m.usualIntervalDays !== null ? <span className="sub">{t('regulars.cell.everyDays', { count: Math.round(m.usualIntervalDays), days: fig.days(m.usualIntervalDays) })}</span> : null}
        </>
      ),
    },
    { key: 'total', header: t('regulars.col.totalSpent'), end: true, cell: (m) => <MoneyText minor={m.totalSpentMinor} /> },
    {
      key: 'monthly',
      header: t('regulars.col.monthlySpend'),
      end: true,
      cell: (m) => (
        <>
          <MoneyText minor={m.monthlySpendMinor} className="strong" />
          {m.expectedLossMinor !== null ? <span className="sub">{t('regulars.cell.expectedLoss', { amount: f.money(m.expectedLossMinor) })}</span> : null}
        </>
      ),
    },
    {
      key: 'held',
      header: t('regulars.col.held'),
      end: true,
      cell: (m) => {
        const balance = m.balancePrincipalMinor + m.balanceBonusMinor;
        return (
          <>
            <MoneyText minor={balance} className={balance === 0 ? 'is-zero' : 'strong'} />
            {m.balanceBonusMinor > 0 ? <span className="sub">{t('regulars.cell.bonusPart', { amount: f.money(m.balanceBonusMinor) })}</span> : null}
            <span className="sub">{t('regulars.cell.points', { points: f.number(m.points) })}</span>
          </>
        );
      },
    },
    {
      key: 'outlook',
      header: t('regulars.col.outlook'),
      end: true,
      cell: (m) =>
        m.probabilityAlive !== null ? (
          <>
            <span className="num strong">{fig.probability(m.probabilityAlive)}</span>
            {m.expectedVisits90 !== null ? <span className="sub">{t('regulars.cell.expected90', { visits: fig.oneDecimal(m.expectedVisits90) })}</span> : null}
          </>
        ) : (
          <Dash />
        ),
    },
    {
      key: 'contact',
      header: t('regulars.col.lastContact'),
      cell: (m) =>
        m.lastContact ? (
          <>
            <span className="nowrap">
              {t(`retention.channel.${m.lastContact.channel}`)}
              {m.lastContact.outcome ? ` · ${t(`retention.outcome.${m.lastContact.outcome}`)}` : ''}
            </span>
            <span className="sub">
              <DateText iso={m.lastContact.at} style="shortDate" />
              {m.contactCount > 1 ? ` · ${t('regulars.cell.contactCount', { count: m.contactCount })}` : ''}
            </span>
            {m.wonBackAt ? <span className="sub is-gain">{t('regulars.cell.wonBackOn', { date: f.shortDate(m.wonBackAt) })}</span> : null}
          </>
        ) : (
          <span className="muted nowrap">{t('regulars.cell.neverContacted')}</span>
        ),
    },
    {
      key: 'actions',
      header: t('regulars.col.actions'),
      className: 'rm-actions-cell',
      cell: (m, control) => (
        <div className="rm-actions">
          <button type="button" className="btn btn-small" {...control} onClick={() => onLogCall(m)} aria-label={t('regulars.action.logCallFor', { name: m.name })}>
            {t('regulars.action.logCall')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            {...control}
            onClick={() => onContactChoice(m)}
            aria-label={m.doNotContact ? t('regulars.action.allowContactFor', { name: m.name }) : t('regulars.action.doNotContactFor', { name: m.name })}
          >
            {m.doNotContact ? t('regulars.action.allowContact') : t('regulars.action.doNotContact')}
          </button>
        </div>
      ),
    },
  ];

  return (
    <SelectableTable
      label={label}
      rows={rows}
      rowId={memberId}
      rowLabel={(m) => t('regulars.select.row', { name: m.name, code: m.code })}
      columns={columns}
      selection={selection}
      onOpen={onOpen}
      selectPageLabel={t('regulars.select.page')}
      stale={stale}
      className="retention-table"
    />
  );
}

export { memberId as retentionMemberId };
