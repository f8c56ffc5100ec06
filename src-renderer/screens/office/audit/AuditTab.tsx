/**
 * Back office → Audit log (`#/office/audit`, the owner's): who did what and when, who approved it, the
 * subject, and what changed (before → after, money as money), newest first, 50 a page. Filters: the
 * person (who acted or approved), the kind of action, a range of days and the subject (a member's
 * name or number, a bill number).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_KINDS, type AuditKind } from '../../../../src-main/audit/kinds.ts';
import type { AuditRow } from '../../../../src-main/audit/types.ts';
import { Dash } from '../../../components/Dash.tsx';
import { DateText } from '../../../components/DateText.tsx';
import { Notice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { useFormat } from '../../../components/format.ts';
import { Icon } from '../../../components/Icon.tsx';
import { EmptyState, QueryStatus } from '../../../components/QueryStatus.tsx';
import { useApiQuery } from '../../../components/use-api-query.ts';
import { useSession } from '../../../stores/session.ts';
import { ChangeList } from './ChangeList.tsx';

const PAGE_SIZE = 50;

interface Filters {
  staffId: string;
  kind: AuditKind | '';
  fromDate: string;
  toDate: string;
  subject: string;
}

const NO_FILTERS: Filters = { staffId: '', kind: '', fromDate: '', toDate: '', subject: '' };

export function AuditTab() {
  const { t } = useTranslation();
  const me = useSession((s) => s.staff);
  if (me?.role !== 'owner') return <Notice kind="note" title={t('audit.ownerOnly')} text={t('staff.tab.ownerOnlyHint')} />;
  return <AuditLog />;
}

function AuditLog() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const people = useApiQuery('staff.details', {});
  const query = useApiQuery('audit.list', {
    ...(filters.staffId ? { staffId: filters.staffId } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(filters.fromDate) ? { fromDate: filters.fromDate } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(filters.toDate) ? { toDate: filters.toDate } : {}),
    ...(filters.subject.trim() ? { subject: filters.subject.trim() } : {}),
    offset,
    limit: PAGE_SIZE,
  });
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setOffset(0);
  };
  const ids = { staff: useId(), kind: useId(), from: useId(), to: useId(), subject: useId() };
  const page = query.data;

  return (
    <div className="audit-tab">
      <p className="muted">{t('audit.intro')}</p>
      <form className="filter-bar" role="search" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field id={ids.staff} label={t('audit.staff')} className="filter-select">
          <select id={ids.staff} className="select" value={filters.staffId} onChange={(e) => set('staffId', e.target.value)}>
            <option value="">{t('audit.allStaff')}</option>
            {(people.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {t('frame.staffOption', { name: p.name, role: t(`staff.role.${p.role}`) })}
              </option>
            ))}
          </select>
        </Field>
        <Field id={ids.kind} label={t('audit.kind')} className="filter-select audit-kind">
          <select id={ids.kind} className="select" value={filters.kind} onChange={(e) => set('kind', e.target.value as AuditKind | '')}>
            <option value="">{t('audit.allKinds')}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={ids.from} label={t('audit.from')} className="audit-date">
          <input id={ids.from} className="input num" type="date" value={filters.fromDate} onChange={(e) => set('fromDate', e.target.value)} />
        </Field>
        <Field id={ids.to} label={t('audit.to')} className="audit-date">
          <input id={ids.to} className="input num" type="date" value={filters.toDate} onChange={(e) => set('toDate', e.target.value)} />
        </Field>
        <Field id={ids.subject} label={t('audit.subject')} className="audit-subject">
          <input id={ids.subject} className="input" type="search" autoComplete="off" placeholder={t('audit.subjectPlaceholder')} value={filters.subject} maxLength={60} onChange={(e) => set('subject', e.target.value)} />
        </Field>
        <button type="button" className="btn btn-ghost filter-reset" onClick={() => (setFilters(NO_FILTERS), setOffset(0))} disabled={filters === NO_FILTERS}>
          {t('audit.reset')}
        </button>
      </form>

      <section className="card retention-list audit-list" aria-label={t('audit.label')}>
        <QueryStatus query={query} />
        {page && page.rows.length === 0 ? <EmptyState icon="inbox" title={t('audit.empty')} /> : null}
        {page && page.rows.length > 0 ? (
          <>
            <div className={`table-wrap${query.stale ? ' is-stale' : ''}`}>
              <table className="table audit-table" aria-label={t('audit.label')}>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.col.at')}</th>
                    <th scope="col">{t('audit.col.who')}</th>
                    <th scope="col">{t('audit.col.action')}</th>
                    <th scope="col">{t('audit.col.subject')}</th>
                    <th scope="col">{t('audit.col.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((row) => (
                    <AuditLine key={row.id} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
            <AuditPager offset={offset} total={page.total} onOffset={setOffset} />
          </>
        ) : null}
      </section>
    </div>
  );
}

function AuditLine({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  return (
    <tr className={`audit-row kind-${row.kind}`}>
      <td className="nowrap">
        <DateText iso={row.at} />
      </td>
      <td>
        <span className="strong">{row.staffName ?? t('audit.system')}</span>
        {row.approvedByName ? <span className="sub audit-approver">{t('audit.approvedBy', { name: row.approvedByName })}</span> : null}
      </td>
      <td>
        <span>{t(`audit.actions.${row.action}`, { defaultValue: row.action })}</span>
        <span className="sub">{t(`audit.kinds.${row.kind}`)}</span>
      </td>
      <td>{row.subjectLabel ? <span className="audit-subject-label">{row.subjectLabel}</span> : <Dash />}</td>
      <td>
        <ChangeList before={row.before} after={row.after} />
      </td>
    </tr>
  );
}

function AuditPager({ offset, total, onOffset }: { offset: number; total: number; onOffset: (offset: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <nav className="pager" aria-label={t('audit.pager')}>
      <span className="pager-range num">
        {total <= PAGE_SIZE
          ? t('audit.count', { count: total })
          : t('audit.range', { from: f.number(Math.min(offset + 1, total)), to: f.number(Math.min(offset + PAGE_SIZE, total)), total: f.number(total) })}
      </span>
      {total > PAGE_SIZE ? (
        <>
          <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}>
            <Icon name="back" size={16} />
            {t('audit.prev')}
          </button>
          <button type="button" className="btn btn-small" disabled={offset + PAGE_SIZE >= total} onClick={() => onOffset(offset + PAGE_SIZE)}>
            {t('audit.next')}
            <Icon name="back" size={16} className="icon-flip" />
          </button>
        </>
      ) : null}
    </nav>
  );
}
