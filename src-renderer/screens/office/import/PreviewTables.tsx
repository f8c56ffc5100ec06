/**
 * The preview's two tables: the first rows as they would be written (phones in the till's form, money
 * in the shop's currency; a rejected row shows its cells as in the file, the wrong ones marked), and
 * every rejected row with its reasons.
 */
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../../src-main/imports/fields.ts';
import type { ImportPreview, ImportRow } from '../../../../src-main/imports/types.ts';
import { formatPhone, useFormat } from '../../../components/format.ts';
import { Icon } from '../../../components/Icon.tsx';
import { problemsText } from './problem-text.ts';
import type { importExportText } from './text.ts';

type ColumnHead = keyof typeof importExportText.zhCN.preview.col;
type Column = { field: ImportField; head: string; num?: boolean; show: (row: ImportRow) => string | null };

function useColumns(kind: ImportPreview['kind']): Column[] {
  const { t } = useTranslation();
  const f = useFormat();
  const head = (key: ColumnHead) => t(`importExport.preview.col.${key}`);
  if (kind === 'members') {
    return [
      { field: 'name', head: head('name'), show: (r) => r.member?.name ?? null },
      { field: 'phone', head: head('phone'), show: (r) => (r.member ? formatPhone(r.member.phone) : null) },
      { field: 'code', head: head('code'), show: (r) => (r.member ? (r.member.code ?? '—') : null) },
      { field: 'balance', head: head('balance'), num: true, show: (r) => (r.member ? f.money(r.member.balancePrincipalMinor) : null) },
      { field: 'bonus', head: head('bonus'), num: true, show: (r) => (r.member ? f.money(r.member.balanceBonusMinor) : null) },
      { field: 'points', head: head('points'), num: true, show: (r) => (r.member ? f.number(r.member.points) : null) },
      { field: 'tier', head: head('tier'), show: (r) => r.member?.tierName ?? null },
    ];
  }
  return [
    { field: 'phone', head: head('member'), show: (r) => (r.visit ? `${r.visit.memberName} · ${r.visit.memberCode}` : null) },
    { field: 'date', head: head('date'), show: (r) => (r.visit ? `${r.visit.date}${r.visit.time ? ` ${r.visit.time}` : ''}` : null) },
    { field: 'amount', head: head('amount'), num: true, show: (r) => (r.visit ? f.money(r.visit.amountMinor) : null) },
  ];
}

export function SampleTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const columns = useColumns(preview.kind);
  const raw = (row: ImportRow, field: ImportField) => {
    const column = preview.mapping[field];
    // A visit's member may be named by phone or by code.
    const fallback = field === 'phone' && preview.kind === 'visits' ? preview.mapping.code : undefined;
    const at = column ?? fallback;
    return at === undefined ? '' : (row.cells[at] ?? '');
  };
  return (
    <div className="table-wrap">
      <table className="table table-compact import-sample">
        <caption className="visually-hidden">{t('importExport.preview.sampleTitle', { n: preview.sample.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className="align-end">
              {t('importExport.preview.col.line')}
            </th>
            <th scope="col">{t('importExport.preview.col.status')}</th>
            {columns.map((c) => (
              <th key={c.field} scope="col" className={c.num ? 'align-end' : undefined}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row) => {
            const good = row.problems.length === 0 && (row.member || row.visit);
            const wrong = new Set(row.problems.map((p) => p.field));
            return (
              <tr key={row.line} className={good ? undefined : 'is-rejected'}>
                <td className="align-end num muted">{row.line}</td>
                <td>
                  {good ? (
                    <span className="badge badge-good">{t('importExport.preview.ok')}</span>
                  ) : (
                    <span className="badge badge-danger" title={problemsText(t, row.problems)}>
                      <Icon name="alert" size={14} />
                      {t('importExport.preview.bad')}
                    </span>
                  )}
                </td>
                {columns.map((c) => {
                  const shown = c.show(row);
                  const flagged = wrong.has(c.field) || (c.field === 'phone' && wrong.has('code'));
                  return (
                    <td key={c.field} className={`${c.num ? 'align-end num' : ''}${flagged ? ' import-cell-problem' : ''}`}>
                      {shown ?? raw(row, c.field)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function RejectedTable({ rows }: { rows: readonly ImportRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap import-rejected-wrap">
      <table className="table table-compact import-rejected">
        <caption className="visually-hidden">{t('importExport.preview.rejectedTitle')}</caption>
        <thead>
          <tr>
            <th scope="col" className="align-end">
              {t('importExport.preview.col.line')}
            </th>
            <th scope="col">{t('importExport.preview.col.reasons')}</th>
            <th scope="col">{t('importExport.preview.col.cells')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td className="align-end num muted">{row.line}</td>
              <td className="is-loss">{problemsText(t, row.problems)}</td>
              <td className="import-cells">{row.cells.filter((c) => c !== '').join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
