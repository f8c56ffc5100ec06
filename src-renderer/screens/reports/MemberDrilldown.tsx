/**
 * One member on the chosen dates (`reports.member`): their figures, every bill with how it was paid
 * (visits imported from an old system marked), and every stored-value and points movement with the
 * balances after it — the member statement's own view. Esc or the back button returns to the list.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberReportBill } from '../../../src-main/reports/types.ts';
import { DateText } from '../../components/DateText.tsx';
import { formatPhone, useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { EmptyState, QueryStatus } from '../../components/QueryStatus.tsx';
import { useApiQuery } from '../../components/use-api-query.ts';
import '../../components/receipt/receipt.css';
import { StatementView } from '../members/StatementView.tsx';
import { ReportFigures } from './ReportFigures.tsx';
import type { ReportQuery } from './report-query.ts';
import { useColumnLabel } from './column-label.ts';

function PaidBy({ bill }: { bill: MemberReportBill }) {
  const { t } = useTranslation();
  const f = useFormat();
  return <>{bill.payments.map((p) => `${t(`payment.${p.method}`)} ${f.money(p.amountMinor)}`).join(' · ')}</>;
}

export function MemberDrilldown({ query, memberId, onBack }: { query: ReportQuery | null; memberId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const c = useColumnLabel();
  const billsId = useId();
  const ledgerId = useId();
  const backRef = useRef<HTMLButtonElement>(null);
  const result = useApiQuery('reports.member', query ? { memberId, from: query.from, to: query.to } : null);
  const report = result.data;

  useEffect(() => backRef.current?.focus(), [memberId]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]')) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  return (
    <div className="report-body">
      <div className="report-member-head">
        <button ref={backRef} type="button" className="btn btn-small" onClick={onBack}>
          <Icon name="back" size={18} />
          {t('reports.member.back')}
          <span className="kbd">Esc</span>
        </button>
        {report ? (
          <div>
            <h2 className="report-member-name">{t('reports.member.title', { name: report.member.name })}</h2>
            <p className="muted num">{t('reports.member.line', { code: report.member.code, phone: formatPhone(report.member.phone, { mask: true }), tier: report.member.tierName })}</p>
          </div>
        ) : null}
      </div>
      {!report ? (
        <QueryStatus query={result} failedTitle={t('reports.loadFailed')} />
      ) : (
        <>
          <ReportFigures
            figures={[
              { label: t('reports.member.net'), value: <MoneyText minor={report.figures.netMinor} /> },
              { label: t('reports.member.bills'), value: <NumberText value={report.figures.salesCount} /> },
              { label: t('reports.member.visits'), value: <NumberText value={report.figures.visits} /> },
            ]}
          />
          <section className="report-table card" aria-labelledby={billsId}>
            <h2 className="report-table-title" id={billsId}>
              {t('reports.member.billsTitle')}
            </h2>
            {report.bills.length === 0 ? (
              <EmptyState icon="receipt" title={t('reports.member.noBills')} className="empty-compact" />
            ) : (
              <div className="table-wrap">
                <table className="table table-compact" aria-labelledby={billsId}>
                  <thead>
                    <tr>
                      <th scope="col">{t('receipt.statement.col.date')}</th>
                      <th scope="col">{c('billNo')}</th>
                      <th scope="col">{c('kind')}</th>
                      <th scope="col" className="align-end">
                        {c('amount')}
                      </th>
                      <th scope="col">{c('paidBy')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.bills.map((b) => (
                      <tr key={b.id}>
                        <td className="nowrap">
                          <DateText iso={b.createdAt} />
                        </td>
                        <th scope="row" className="report-row-head num">
                          {b.billNo}
                        </th>
                        <td>
                          {t(`receipt.statement.kind.${b.kind}`)}
                          {b.imported ? <span className="badge badge-quiet report-imported">{t('reports.member.imported')}</span> : null}
                        </td>
                        <td className="align-end">
                          <MoneyText minor={b.totalMinor} className="strong" />
                        </td>
                        <td className="cell-text">
                          <PaidBy bill={b} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="report-table card report-ledger" aria-labelledby={ledgerId}>
            <h2 className="report-table-title" id={ledgerId}>
              {t('reports.member.ledgerTitle')}
            </h2>
            <StatementView statement={report.ledger} />
          </section>
        </>
      )}
    </div>
  );
}
