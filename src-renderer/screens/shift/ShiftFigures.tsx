/**
 * What a shift took besides cash: the cashier's bills, each payment method (sales and refunds apart,
 * top-up money beside them; stored value, points and forfeited bonus marked as not cash), top-ups and
 * points. The same figures the printed Z report carries.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftTotals } from '../../../src-main/shifts/types.ts';
import { useFormat } from '../../components/format.ts';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';

/** Money going out, as a refund bill shows it; `0 - x` so nothing reads "-¥0.00". */
const out = (minor: number) => 0 - minor;

export function ShiftFigures({ totals }: { totals: ShiftTotals }) {
  const { t } = useTranslation();
  const f = useFormat();
  const methodsId = useId();
  const { bills, topups } = totals;
  return (
    <div className="shift-figures">
      <section className="shift-section" aria-label={t('shift.report.bills')}>
        <h3 className="shift-section-title">{t('shift.report.bills')}</h3>
        <dl className="shift-facts">
          <div>
            <dt>{t('shift.report.sales')}</dt>
            <dd>
              <MoneyText minor={bills.salesMinor} />
              <span className="sub">{t('shift.report.salesCount', { count: bills.salesCount, n: f.number(bills.salesCount) })}</span>
            </dd>
          </div>
          <div>
            <dt>{t('shift.report.refunds')}</dt>
            <dd>
              <MoneyText minor={out(bills.refundsMinor)} className={bills.refundsMinor !== 0 ? 'is-loss' : undefined} />
              <span className="sub">{t('shift.report.salesCount', { count: bills.refundsCount, n: f.number(bills.refundsCount) })}</span>
            </dd>
          </div>
          <div className="shift-fact-main">
            <dt>{t('shift.report.net')}</dt>
            <dd>
              <MoneyText minor={bills.netMinor} />
            </dd>
          </div>
        </dl>
      </section>

      <section className="shift-section" aria-labelledby={methodsId}>
        <h3 className="shift-section-title" id={methodsId}>
          {t('shift.report.byMethod')}
        </h3>
        {totals.byMethod.length === 0 ? (
          <p className="muted">{t('shift.report.noMethods')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-compact shift-methods" aria-labelledby={methodsId}>
              <thead>
                <tr>
                  <th scope="col">{t('shift.report.method')}</th>
                  <th scope="col" className="align-end">
                    {t('shift.report.methodSales')}
                  </th>
                  <th scope="col" className="align-end">
                    {t('shift.report.methodRefunds')}
                  </th>
                  <th scope="col" className="align-end">
                    {t('shift.report.methodTopups')}
                  </th>
                  <th scope="col" className="align-end">
                    {t('shift.report.methodTopupRefunds')}
                  </th>
                  <th scope="col" className="align-end">
                    {t('shift.report.methodNet')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {totals.byMethod.map((m) => (
                  <tr key={m.method} className={m.method === 'cash' ? 'is-cash' : undefined}>
                    <th scope="row">
                      {t(`payment.${m.method}`)}
                      {m.external ? null : <span className="sub">{t('shift.report.notCash')}</span>}
                    </th>
                    <td className="align-end">
                      <MoneyText minor={m.salesMinor} />
                    </td>
                    <td className="align-end">
                      <MoneyText minor={out(m.refundsMinor)} className={m.refundsMinor !== 0 ? 'is-loss' : 'muted'} />
                    </td>
                    <td className="align-end">
                      <MoneyText minor={m.topupsMinor} className={m.topupsMinor === 0 ? 'muted' : undefined} />
                    </td>
                    <td className="align-end">
                      <MoneyText minor={out(m.topupRefundsMinor)} className={m.topupRefundsMinor !== 0 ? 'is-loss' : 'muted'} />
                    </td>
                    <td className="align-end strong">
                      <MoneyText minor={m.netMinor} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="shift-section" aria-label={t('shift.report.topups')}>
        <h3 className="shift-section-title">{t('shift.report.topups')}</h3>
        <dl className="shift-facts">
          <div>
            <dt>{t('shift.report.principal')}</dt>
            <dd>
              <MoneyText minor={topups.principalMinor} />
              <span className="sub">{t('shift.report.topupsCount', { count: topups.count, n: f.number(topups.count) })}</span>
            </dd>
          </div>
          <div>
            <dt>{t('shift.report.bonus')}</dt>
            <dd>
              <MoneyText minor={topups.bonusMinor} />
            </dd>
          </div>
          <div>
            <dt>{t('shift.report.topupRefunds')}</dt>
            <dd>
              <MoneyText minor={out(topups.refundedPrincipalMinor)} className={topups.refundedPrincipalMinor !== 0 ? 'is-loss' : undefined} />
              <span className="sub">
                {t('shift.report.topupsCount', { count: topups.refundsCount, n: f.number(topups.refundsCount) })}
                {topups.refundedBonusMinor !== 0 ? ` · ${t('shift.report.bonus')} ${f.money(out(topups.refundedBonusMinor))}` : ''}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('shift.report.points')}</dt>
            <dd>
              <span className="shift-points">
                {t('shift.report.pointsEarned')} <NumberText value={bills.pointsEarned} /> · {t('shift.report.pointsRedeemed')} <NumberText value={totals.pointsRedeemed} />
              </span>
            </dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
