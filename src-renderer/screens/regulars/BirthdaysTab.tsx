/**
 * Birthdays coming up (`birthdays.upcoming`, the next 7 or 31 days): who, which day and in how many
 * days, the age they turn, whether they were greeted this year and can get a message. Tick members and
 * send the birthday greeting with its gift.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BirthdayRow } from '../../../src-main/retention/types.ts';
import { navigate, paths } from '../../app/router.ts';
import { ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { Dash } from '../../components/Dash.tsx';
import { formatPhone, useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { EmptyState, QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { GreetDialog } from './GreetDialog.tsx';
import { SelectableTable, type Column } from './SelectableTable.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { useSelection } from './use-selection.ts';

const RANGES = { week: 7, month: 31 } as const;
type Range = keyof typeof RANGES;
const birthdayId = (b: BirthdayRow) => b.memberId;

export function BirthdaysTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [range, setRange] = useState<Range>('week');
  const query = useApiQuery('birthdays.upcoming', { days: RANGES[range] });
  const selection = useSelection<BirthdayRow>(birthdayId, range);
  const [greeting, setGreeting] = useState(false);
  const rows = query.data;

  const columns: Column<BirthdayRow>[] = [
    {
      key: 'member',
      header: t('regulars.col.member'),
      cell: (b, control) => (
        <div className="rm-member">
          <a className="rm-name" href={`#${paths.member(b.memberId)}`} {...control}>
            {b.name}
          </a>
          <span className="sub num">
            {b.code} · {formatPhone(b.phone, { mask: true })} · {b.tierName}
          </span>
        </div>
      ),
    },
    { key: 'birthday', header: t('regulars.birthdays.col.birthday'), className: 'nowrap', cell: (b) => f.birthday(b.birthMonth, b.birthDay, null) },
    {
      key: 'when',
      header: t('regulars.birthdays.col.when'),
      className: 'nowrap',
      cell: (b) =>
        b.daysUntil === 0 ? (
          <span className="badge badge-good">{t('regulars.birthdays.today')}</span>
        ) : (
          <>
            <span>{t('regulars.birthdays.inDays', { count: b.daysUntil })}</span>
            <span className="sub">{f.shortDate(b.nextDate)}</span>
          </>
        ),
    },
    { key: 'turning', header: t('regulars.birthdays.col.turning'), end: true, cell: (b) => (b.turning !== null ? t('regulars.birthdays.age', { count: b.turning }) : <Dash />) },
    {
      key: 'greeted',
      header: t('regulars.birthdays.col.greeted'),
      cell: (b) => (b.greetedThisYear ? <span className="badge badge-good">{t('regulars.birthdays.greeted')}</span> : <span className="muted">{t('regulars.birthdays.notGreeted')}</span>),
    },
    {
      key: 'sms',
      header: t('regulars.birthdays.col.canMessage'),
      cell: (b) => (b.canMessage ? <span>{t('regulars.birthdays.canMessage')}</span> : <span className="badge badge-warn">{t('regulars.birthdays.cannotMessage')}</span>),
    },
  ];

  return (
    <section className="card retention-list" aria-label={t('regulars.birthdays.label')}>
      <div className="retention-list-head">
        <div className="list-summary">
          <ChoiceGroup
            label={t('regulars.birthdays.range')}
            hideLabel
            options={[
              { key: 'week', label: t('regulars.birthdays.week') },
              { key: 'month', label: t('regulars.birthdays.month') },
            ]}
            value={range}
            onChange={setRange}
          />
          {rows ? (
            <p className="list-summary-text" role="status">
              {t('regulars.birthdays.count', { count: rows.length })}
            </p>
          ) : null}
        </div>
        <SelectionBar count={selection.count} onClear={selection.clear} keysHint={t('regulars.select.keysHint')}>
          <button type="button" className="btn btn-primary" disabled={selection.count === 0} onClick={() => setGreeting(true)}>
            <Icon name="heart" size={18} />
            {t('regulars.birthdays.greet')}
          </button>
        </SelectionBar>
      </div>
      <QueryStatus query={query} />
      {rows && rows.length === 0 ? <EmptyState icon="heart" title={range === 'week' ? t('regulars.birthdays.emptyWeek') : t('regulars.birthdays.emptyMonth')} /> : null}
      {rows && rows.length > 0 ? (
        <SelectableTable
          label={t('regulars.birthdays.label')}
          rows={rows}
          rowId={birthdayId}
          rowLabel={(b) => t('regulars.select.row', { name: b.name, code: b.code })}
          columns={columns}
          selection={selection}
          onOpen={(b) => navigate(paths.member(b.memberId))}
          selectPageLabel={t('regulars.select.all')}
          stale={query.stale}
        />
      ) : null}
      {greeting ? (
        <GreetDialog
          members={selection.items}
          onClose={(greeted) => {
            setGreeting(false);
            if (greeted) {
              selection.clear();
              query.reload();
            }
          }}
        />
      ) : null}
    </section>
  );
}
