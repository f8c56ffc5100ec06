/** The four history lists of a member page: bills, top-ups, stored-value entries, points entries. */
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillSummary, PointsEntry, Topup, WalletEntry } from '../../../src-main/ledger/types.ts';
import { DateText } from '../../components/DateText.tsx';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';

function Empty({ text }: { text: string }) {
  return (
    <div className="empty empty-compact">
      <Icon name="inbox" size={32} className="empty-icon" />
      <p className="empty-title">{text}</p>
    </div>
  );
}

function Truncated({ count, limit }: { count: number; limit: number }) {
  const { t } = useTranslation();
  return count >= limit ? <p className="table-note">{t('history.truncated', { count: limit })}</p> : null;
}

function TableShell({ label, head, children }: { label: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
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
  if (bills.length === 0) return <Empty text={t('history.noBills')} />;
  return (
    <>
      <TableShell
        label={t('history.bills')}
        head={
          <tr>
            <th scope="col">{t('history.col.billNo')}</th>
            <th scope="col">{t('history.col.time')}</th>
            <th scope="col">{t('history.col.kind')}</th>
            <th scope="col">{t('history.col.staff')}</th>
            <th scope="col" className="align-end">
              {t('history.col.total')}
            </th>
            <th scope="col" className="align-end">
              {t('history.col.pointsEarned')}
            </th>
          </tr>
        }
      >
        {bills.map((b) => (
          <tr key={b.id} className="is-clickable" onClick={() => onOpen(b.id)}>
            <td>
              <BillButton billNo={b.billNo} onOpen={() => onOpen(b.id)} />
            </td>
            <td className="nowrap">
              <DateText iso={b.createdAt} />
            </td>
            <td>
              <span className={`badge ${b.kind === 'refund' ? 'badge-warn' : 'badge-quiet'}`}>{t(`history.billKind.${b.kind}`)}</span>
            </td>
            <td>{b.staffName}</td>
            <td className="align-end">
              <MoneyText minor={b.totalMinor} />
            </td>
            <td className="align-end">
              <NumberText value={b.pointsEarned} signed />
            </td>
          </tr>
        ))}
      </TableShell>
      <Truncated count={bills.length} limit={limit} />
    </>
  );
}

export function TopupsTable({ topups, limit }: { topups: Topup[]; limit: number }) {
  const { t } = useTranslation();
  if (topups.length === 0) return <Empty text={t('history.noTopups')} />;
  return (
    <>
      <TableShell
        label={t('history.topups')}
        head={
          <tr>
            <th scope="col">{t('history.col.time')}</th>
            <th scope="col">{t('history.col.kind')}</th>
            <th scope="col">{t('history.col.method')}</th>
            <th scope="col" className="align-end">
              {t('history.col.principal')}
            </th>
            <th scope="col" className="align-end">
              {t('history.col.bonus')}
            </th>
            <th scope="col" className="align-end">
              {t('history.col.refunded')}
            </th>
            <th scope="col">{t('history.col.staff')}</th>
            <th scope="col">{t('history.col.note')}</th>
          </tr>
        }
      >
        {topups.map((tp) => (
          <tr key={tp.id}>
            <td className="nowrap">
              <DateText iso={tp.createdAt} />
            </td>
            <td>
              <span className={`badge ${tp.kind === 'refund' ? 'badge-warn' : 'badge-quiet'}`}>{t(`history.topupKind.${tp.kind}`)}</span>
            </td>
            <td className="nowrap">{t(`payment.${tp.method}`)}</td>
            <td className="align-end">
              <MoneyText minor={tp.principalMinor} />
            </td>
            <td className="align-end">
              <MoneyText minor={tp.bonusMinor} className={tp.bonusMinor === 0 ? 'is-zero' : ''} />
            </td>
            <td className="align-end">
              {tp.kind === 'topup' && tp.refundedPrincipalMinor > 0 ? <MoneyText minor={tp.refundedPrincipalMinor} /> : <span className="muted">{t('common.empty')}</span>}
            </td>
            <td>{tp.staffName}</td>
            <td className="cell-text">{tp.note}</td>
          </tr>
        ))}
      </TableShell>
      <Truncated count={topups.length} limit={limit} />
    </>
  );
}

function useBillNumbers(bills: BillSummary[]): Map<string, string> {
  return useMemo(() => new Map(bills.map((b) => [b.id, b.billNo])), [bills]);
}

/** The reason typed by staff, and the bill that caused the entry (openable). */
function ReasonCell({ reason, billId, billNos, onOpenBill, topupId }: { reason: string; billId: string | null; billNos: Map<string, string>; onOpenBill: (id: string) => void; topupId?: string | null }) {
  const { t } = useTranslation();
  const billNo = billId ? billNos.get(billId) : undefined;
  return (
    <td className="cell-text">
      {billId ? (
        <button type="button" className="link-button" onClick={() => onOpenBill(billId)}>
          {billNo ? t('history.billRef', { billNo }) : t('history.billLink')}
        </button>
      ) : null}
      {!billId && topupId && !reason ? <span className="muted">{t('history.topupRef')}</span> : null}
      {reason ? <span className="reason">{reason}</span> : null}
    </td>
  );
}

export function WalletTable({ entries, bills, limit, onOpenBill }: { entries: WalletEntry[]; bills: BillSummary[]; limit: number; onOpenBill: (billId: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const billNos = useBillNumbers(bills);
  if (entries.length === 0) return <Empty text={t('history.noWallet')} />;
  return (
    <>
      <TableShell
        label={t('history.wallet')}
        head={
          <tr>
            <th scope="col">{t('history.col.time')}</th>
            <th scope="col">{t('history.col.kind')}</th>
            <th scope="col" className="align-end">
              {t('history.col.principalDelta')}
            </th>
            <th scope="col" className="align-end">
              {t('history.col.bonusDelta')}
            </th>
            <th scope="col" className="align-end">
              {t('history.col.balanceAfter')}
            </th>
            <th scope="col">{t('history.col.reason')}</th>
            <th scope="col">{t('history.col.staff')}</th>
          </tr>
        }
      >
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="nowrap">
              <DateText iso={e.createdAt} />
            </td>
            <td className="nowrap">{t(`history.walletKind.${e.kind}`)}</td>
            <td className="align-end">
              {e.principalDeltaMinor !== 0 ? <MoneyText minor={e.principalDeltaMinor} signed /> : <span className="muted">{t('common.empty')}</span>}
            </td>
            <td className="align-end">
              {e.bonusDeltaMinor !== 0 ? <MoneyText minor={e.bonusDeltaMinor} signed /> : <span className="muted">{t('common.empty')}</span>}
            </td>
            <td className="align-end">
              <MoneyText minor={e.principalAfterMinor + e.bonusAfterMinor} className="strong" />
              <span className="sub">{t('history.principalAfter', { amount: f.money(e.principalAfterMinor) })}</span>
              <span className="sub">{t('history.bonusAfter', { amount: f.money(e.bonusAfterMinor) })}</span>
            </td>
            <ReasonCell reason={e.reason} billId={e.billId} topupId={e.topupId} billNos={billNos} onOpenBill={onOpenBill} />
            <td>{e.staffName}</td>
          </tr>
        ))}
      </TableShell>
      <Truncated count={entries.length} limit={limit} />
    </>
  );
}

export function PointsTable({ entries, bills, limit, onOpenBill }: { entries: PointsEntry[]; bills: BillSummary[]; limit: number; onOpenBill: (billId: string) => void }) {
  const { t } = useTranslation();
  const billNos = useBillNumbers(bills);
  if (entries.length === 0) return <Empty text={t('history.noPoints')} />;
  return (
    <>
      <TableShell
        label={t('history.points')}
        head={
          <tr>
            <th scope="col">{t('history.col.time')}</th>
            <th scope="col">{t('history.col.kind')}</th>
            <th scope="col" className="align-end">
              {t('history.col.delta')}
            </th>
            <th scope="col" className="align-end">
              {t('history.col.pointsAfter')}
            </th>
            <th scope="col">{t('history.col.reason')}</th>
            <th scope="col">{t('history.col.staff')}</th>
          </tr>
        }
      >
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="nowrap">
              <DateText iso={e.createdAt} />
            </td>
            <td className="nowrap">{t(`history.pointsKind.${e.kind}`)}</td>
            <td className="align-end">
              <NumberText value={e.delta} signed />
            </td>
            <td className="align-end">
              <NumberText value={e.balanceAfter} className="strong" />
            </td>
            <ReasonCell reason={e.reason} billId={e.billId} billNos={billNos} onOpenBill={onOpenBill} />
            <td>{e.staffName}</td>
          </tr>
        ))}
      </TableShell>
      <Truncated count={entries.length} limit={limit} />
    </>
  );
}
