/** The history lists of a member page: bills, top-ups, stored-value entries, points entries (contacts: ContactsTable). */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillSummary, PointsEntry, Topup, WalletEntry } from '../../../src-main/ledger/types.ts';
import { Dash } from '../../components/Dash.tsx';
import { DateText } from '../../components/DateText.tsx';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { ReceiptActions } from '../../components/receipt/ReceiptActions.tsx';

function Empty({ text }: { text: string }) {
  return (
    <div className="empty empty-compact">
      <Icon name="inbox" size={32} className="empty-icon" />
      <p className="empty-title">{text}</p>
    </div>
  );
}

/**
 * The member page shows the latest entries first (a regular of five years has thousands, and the page
 * must open at once); it passes here how to ask for more, until the most it will show.
 */
export const ShowMoreHistory = createContext<(() => void) | null>(null);

function Truncated({ count, limit }: { count: number; limit: number }) {
  const { t } = useTranslation();
  const showMore = useContext(ShowMoreHistory);
  if (count < limit) return null;
  return (
    <p className="table-note">
      {t('history.truncated', { count: limit })}
      {showMore ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={showMore}>
          {t('history.showMore')}
        </button>
      ) : null}
    </p>
  );
}

interface Column<T> {
  header: string;
  /** Figures line up on the right. */
  end?: boolean;
  /** Class of the body cell (e.g. `nowrap`, `cell-text`). */
  className?: string;
  cell: (row: T) => ReactNode;
}

/**
 * One history list as a table: its columns say what each cell shows, so the lists differ only in
 * their columns. Empty and truncated lists say so.
 */
export function HistoryTable<T extends { id: string }>(props: { label: string; emptyText: string; rows: T[]; limit: number; columns: Column<T>[]; onRowClick?: (row: T) => void }) {
  const { label, emptyText, rows, limit, columns, onRowClick } = props;
  if (rows.length === 0) return <Empty text={emptyText} />;
  const cellClass = (c: Column<T>) => [c.end ? 'align-end' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <div className="table-wrap">
        <table className="table" aria-label={label}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={c.end ? 'align-end' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={onRowClick ? 'is-clickable' : undefined} onClick={onRowClick ? () => onRowClick(row) : undefined}>
                {columns.map((c) => (
                  <td key={c.header} className={cellClass(c)}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Truncated count={rows.length} limit={limit} />
    </>
  );
}

/** A bill number that opens the bill (Enter or click). */
function BillButton({ billNo, onOpen }: { billNo: string; onOpen: () => void }) {
  return (
    <button
      type="button"
      className="link-button num"
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
    >
      {billNo}
    </button>
  );
}

export function BillsTable({ bills, limit, onOpen }: { bills: BillSummary[]; limit: number; onOpen: (billId: string) => void }) {
  const { t } = useTranslation();
  return (
    <HistoryTable
      label={t('history.bills')}
      emptyText={t('history.noBills')}
      rows={bills}
      limit={limit}
      onRowClick={(b) => onOpen(b.id)}
      columns={[
        { header: t('history.col.billNo'), cell: (b) => <BillButton billNo={b.billNo} onOpen={() => onOpen(b.id)} /> },
        { header: t('history.col.time'), className: 'nowrap', cell: (b) => <DateText iso={b.createdAt} /> },
        { header: t('history.col.kind'), cell: (b) => <span className={`badge ${b.kind === 'refund' ? 'badge-warn' : 'badge-quiet'}`}>{t(`history.billKind.${b.kind}`)}</span> },
        { header: t('history.col.staff'), cell: (b) => b.staffName },
        { header: t('history.col.total'), end: true, cell: (b) => <MoneyText minor={b.totalMinor} /> },
        { header: t('history.col.pointsEarned'), end: true, cell: (b) => <NumberText value={b.pointsEarned} signed /> },
      ]}
    />
  );
}

export function TopupsTable({ topups, limit }: { topups: Topup[]; limit: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <HistoryTable
      label={t('history.topups')}
      emptyText={t('history.noTopups')}
      rows={topups}
      limit={limit}
      columns={[
        { header: t('history.col.time'), className: 'nowrap', cell: (tp) => <DateText iso={tp.createdAt} /> },
        { header: t('history.col.kind'), cell: (tp) => <span className={`badge ${tp.kind === 'refund' ? 'badge-warn' : 'badge-quiet'}`}>{t(`history.topupKind.${tp.kind}`)}</span> },
        { header: t('history.col.method'), className: 'nowrap', cell: (tp) => t(`payment.${tp.method}`) },
        { header: t('history.col.principal'), end: true, cell: (tp) => <MoneyText minor={tp.principalMinor} /> },
        { header: t('history.col.bonus'), end: true, cell: (tp) => <MoneyText minor={tp.bonusMinor} className={tp.bonusMinor === 0 ? 'is-zero' : ''} /> },
        {
          header: t('history.col.refunded'),
          end: true,
          cell: (tp) => (tp.kind === 'topup' && tp.refundedPrincipalMinor > 0 ? <MoneyText minor={tp.refundedPrincipalMinor} /> : <Dash />),
        },
        { header: t('history.col.staff'), cell: (tp) => tp.staffName },
        { header: t('history.col.note'), className: 'cell-text', cell: (tp) => tp.note },
        {
          header: t('receipt.history.column'),
          className: 'cell-receipt',
          cell: (tp) => {
            const time = f.dateTime(tp.createdAt);
            return <ReceiptActions receipt={{ topupId: tp.id }} reprintLabel={t('receipt.history.reprintTopup', { time })} pdfLabel={t('receipt.history.pdfTopup', { time })} />;
          },
        },
      ]}
    />
  );
}

function useBillNumbers(bills: BillSummary[]): Map<string, string> {
  return useMemo(() => new Map(bills.map((b) => [b.id, b.billNo])), [bills]);
}

/** The reason typed by staff, and the bill that caused the entry (openable). */
function Reason({ reason, billId, billNos, onOpenBill, topupId }: { reason: string; billId: string | null; billNos: Map<string, string>; onOpenBill: (id: string) => void; topupId?: string | null }) {
  const { t } = useTranslation();
  const billNo = billId ? billNos.get(billId) : undefined;
  return (
    <>
      {billId ? (
        <button type="button" className="link-button" onClick={() => onOpenBill(billId)}>
          {billNo ? t('history.billRef', { billNo }) : t('history.billLink')}
        </button>
      ) : null}
      {!billId && topupId && !reason ? <span className="muted">{t('history.topupRef')}</span> : null}
      {reason ? <span className="reason">{reason}</span> : null}
    </>
  );
}

export function WalletTable({ entries, bills, limit, onOpenBill }: { entries: WalletEntry[]; bills: BillSummary[]; limit: number; onOpenBill: (billId: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const billNos = useBillNumbers(bills);
  const delta = (minor: number) => (minor !== 0 ? <MoneyText minor={minor} signed /> : <Dash />);
  return (
    <HistoryTable
      label={t('history.wallet')}
      emptyText={t('history.noWallet')}
      rows={entries}
      limit={limit}
      columns={[
        { header: t('history.col.time'), className: 'nowrap', cell: (e) => <DateText iso={e.createdAt} /> },
        { header: t('history.col.kind'), className: 'nowrap', cell: (e) => t(`history.walletKind.${e.kind}`) },
        { header: t('history.col.principalDelta'), end: true, cell: (e) => delta(e.principalDeltaMinor) },
        { header: t('history.col.bonusDelta'), end: true, cell: (e) => delta(e.bonusDeltaMinor) },
        {
          header: t('history.col.balanceAfter'),
          end: true,
          cell: (e) => (
            <>
              <MoneyText minor={e.principalAfterMinor + e.bonusAfterMinor} className="strong" />
              <span className="sub">{t('history.principalAfter', { amount: f.money(e.principalAfterMinor) })}</span>
              <span className="sub">{t('history.bonusAfter', { amount: f.money(e.bonusAfterMinor) })}</span>
            </>
          ),
        },
        { header: t('history.col.reason'), className: 'cell-text', cell: (e) => <Reason reason={e.reason} billId={e.billId} topupId={e.topupId} billNos={billNos} onOpenBill={onOpenBill} /> },
        { header: t('history.col.staff'), cell: (e) => e.staffName },
      ]}
    />
  );
}

export function PointsTable({ entries, bills, limit, onOpenBill }: { entries: PointsEntry[]; bills: BillSummary[]; limit: number; onOpenBill: (billId: string) => void }) {
  const { t } = useTranslation();
  const billNos = useBillNumbers(bills);
  return (
    <HistoryTable
      label={t('history.points')}
      emptyText={t('history.noPoints')}
      rows={entries}
      limit={limit}
      columns={[
        { header: t('history.col.time'), className: 'nowrap', cell: (e) => <DateText iso={e.createdAt} /> },
        { header: t('history.col.kind'), className: 'nowrap', cell: (e) => t(`history.pointsKind.${e.kind}`) },
        { header: t('history.col.delta'), end: true, cell: (e) => <NumberText value={e.delta} signed /> },
        { header: t('history.col.pointsAfter'), end: true, cell: (e) => <NumberText value={e.balanceAfter} className="strong" /> },
        { header: t('history.col.reason'), className: 'cell-text', cell: (e) => <Reason reason={e.reason} billId={e.billId} billNos={billNos} onOpenBill={onOpenBill} /> },
        { header: t('history.col.staff'), cell: (e) => e.staffName },
      ]}
    />
  );
}
