/**
 * A member's statement as the API answered it: who and which days, the stored value and points at
 * the start and at the end, the period's totals, and every bill, refund, top-up and adjustment with
 * the balances after it. Drawn in the dialog and, the same, on the printed page.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Statement, StatementEntry } from '../../../src-main/receipts/types.ts';
import { Dash } from '../../components/Dash.tsx';
import { DateText } from '../../components/DateText.tsx';
import { useFormat } from '../../components/format.ts';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { Figure } from './Figure.tsx';

function EntryRow({ entry }: { entry: StatementEntry }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td className="nowrap">
        <DateText iso={entry.createdAt} />
      </td>
      <td className="cell-text">
        {t(`receipt.statement.kind.${entry.kind}`)}
        {entry.description ? <span className="statement-description"> · {entry.description}</span> : null}
      </td>
      <td className="num">{entry.reference || <Dash />}</td>
      <td className="align-end">{entry.kind === 'adjust' ? <Dash /> : <MoneyText minor={entry.amountMinor} />}</td>
      <td className="align-end">{entry.storedValueDeltaMinor !== 0 ? <MoneyText minor={entry.storedValueDeltaMinor} signed /> : <Dash />}</td>
      <td className="align-end">
        <MoneyText minor={entry.balanceAfterMinor} className="strong" />
      </td>
      <td className="align-end">{entry.pointsDelta !== 0 ? <NumberText value={entry.pointsDelta} signed /> : <Dash />}</td>
      <td className="align-end">
        <NumberText value={entry.pointsAfter} className="strong" />
      </td>
    </tr>
  );
}

/** `withWho`: also who and which days (the printed page; the dialog shows them in its head and fields). */
export function StatementView({ statement, withWho = false }: { statement: Statement; withWho?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const balancesId = useId();
  const totalsId = useId();
  const entriesId = useId();
  const { member, opening, closing, totals } = statement;
  const col = (key: keyof typeof COLUMNS) => t(`receipt.statement.col.${key}`);

  return (
    <div className="statement">
      {withWho ? (
        <dl className="statement-who">
          <div>
            <dt>{t('receipt.statement.member')}</dt>
            <dd>{t('receipt.statement.memberLine', { name: member.name, code: member.code, phone: member.phoneMasked })}</dd>
          </div>
          <div>
            <dt>{t('receipt.statement.period')}</dt>
            <dd className="num">{t('receipt.statement.periodRange', { from: f.date(statement.from), to: f.date(statement.to) })}</dd>
          </div>
        </dl>
      ) : null}

      <section className="statement-section" aria-labelledby={balancesId}>
        <h3 className="section-title" id={balancesId}>
          {t('receipt.statement.balances')}
        </h3>
        <div className="statement-figures">
          <Figure label={t('receipt.statement.openingBalance')}>
            <MoneyText minor={opening.balanceMinor} />
          </Figure>
          <Figure label={t('receipt.statement.closingBalance')} main>
            <MoneyText minor={closing.balanceMinor} />
          </Figure>
          <Figure label={t('receipt.statement.openingPoints')}>
            <NumberText value={opening.points} />
          </Figure>
          <Figure label={t('receipt.statement.closingPoints')} main>
            <NumberText value={closing.points} />
          </Figure>
        </div>
      </section>

      <section className="statement-section" aria-labelledby={totalsId}>
        <h3 className="section-title" id={totalsId}>
          {t('receipt.statement.totals')}
        </h3>
        <div className="statement-figures">
          <Figure label={t('receipt.statement.toppedUp')}>
            <MoneyText minor={totals.toppedUpMinor} />
          </Figure>
          <Figure label={t('receipt.statement.spent')}>
            <MoneyText minor={totals.spentFromBalanceMinor} />
          </Figure>
          <Figure label={t('receipt.statement.billsNet')}>
            <MoneyText minor={totals.billsNetMinor} />
          </Figure>
          <Figure label={t('receipt.statement.pointsEarned')}>
            <NumberText value={totals.pointsEarned} />
          </Figure>
          <Figure label={t('receipt.statement.pointsUsed')}>
            <NumberText value={totals.pointsUsed} />
          </Figure>
        </div>
      </section>

      <section className="statement-section" aria-labelledby={entriesId}>
        <h3 className="section-title" id={entriesId}>
          {t('receipt.statement.entries')}
        </h3>
        {statement.entries.length === 0 ? (
          <p className="muted statement-empty">{t('receipt.statement.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-compact statement-table" aria-labelledby={entriesId}>
              <thead>
                <tr>
                  {(Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>).map((key) => (
                    <th key={key} scope="col" className={COLUMNS[key] ? 'align-end' : undefined}>
                      {col(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {statement.entries.map((entry, i) => (
                  <EntryRow key={`${entry.createdAt}-${entry.kind}-${entry.reference}-${i}`} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** The table's columns in order; true for figures (aligned right). */
const COLUMNS = {
  date: false,
  kind: false,
  reference: false,
  amount: true,
  storedValueDelta: true,
  balanceAfter: true,
  pointsDelta: true,
  pointsAfter: true,
} as const;
