/**
 * The shifts of the last days on every till (a manager's view, `shifts.list`): who, when, expected
 * against counted, and over/short coloured. Each row opens its Z report (Tab to it, Enter).
 */
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shift } from '../../../src-main/shifts/types.ts';
import { DateText } from '../../components/DateText.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { EmptyState, QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import { useFormat } from '../../components/format.ts';
import { shiftDay, todayBusinessDate } from '../bills/dates.ts';
import { OverShort } from './OverShort.tsx';

export const PAST_DAYS = 14;

export function PastShifts({ reloadKey, onOpen }: { reloadKey: number; onOpen: (shift: Shift) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = useId();
  const to = todayBusinessDate();
  const query = useApiQuery('shifts.list', { from: shiftDay(to, -(PAST_DAYS - 1)), to, limit: 100 });
  const { reload } = query;
  // A shift was opened or closed on this screen: ask again.
  useEffect(() => {
    if (reloadKey > 0) reload();
  }, [reloadKey, reload]);
  return (
    <section className="card shift-past" aria-labelledby={titleId}>
      <h2 className="shift-past-title" id={titleId}>
        {t('shift.past.title')}
      </h2>
      <QueryStatus query={query} />
      {query.data && query.data.length === 0 ? <EmptyState icon="inbox" title={t('shift.past.empty', { days: PAST_DAYS })} className="empty-compact" /> : null}
      {query.data && query.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t('shift.past.cashier')}</th>
                <th scope="col">{t('shift.past.opened')}</th>
                <th scope="col">{t('shift.past.closed')}</th>
                <th scope="col" className="align-end">
                  {t('shift.past.expected')}
                </th>
                <th scope="col" className="align-end">
                  {t('shift.past.counted')}
                </th>
                <th scope="col" className="align-end">
                  {t('shift.past.overShort')}
                </th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((shift) => (
                <tr key={shift.id} className="is-clickable" onClick={() => onOpen(shift)}>
                  <td>
                    <button type="button" className="link-button" onClick={() => onOpen(shift)} aria-label={t('shift.past.view', { name: shift.staffName, time: f.dateTime(shift.openedAt) })}>
                      {shift.staffName}
                    </button>
                  </td>
                  <td>
                    <DateText iso={shift.openedAt} />
                  </td>
                  <td>{shift.close ? <DateText iso={shift.close.closedAt} /> : <span className="muted">{t('shift.past.stillOpen')}</span>}</td>
                  <td className="align-end">{shift.close ? <MoneyText minor={shift.close.expectedMinor} /> : '—'}</td>
                  <td className="align-end">{shift.close ? <MoneyText minor={shift.close.countedMinor} /> : '—'}</td>
                  <td className="align-end">{shift.close ? <OverShort minor={shift.close.overShortMinor} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
