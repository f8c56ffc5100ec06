/**
 * The cart: each line with its price, quantity and the amount the API priced it at (after the tier
 * discount). The chosen line is highlighted; its quantity keys are on the item field, the buttons here
 * are for touch.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckoutQuote } from '../../../src-main/ledger/types.ts';
import { Icon } from '../../components/Icon.tsx';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { QuantityStepper } from '../../components/QuantityStepper.tsx';
import { useSale } from '../../stores/sale.ts';

export function CartTable({ quote, readOnly }: { quote: CheckoutQuote | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const lines = useSale((s) => s.lines);
  const selectedKey = useSale((s) => s.selectedKey);
  const { changeQuantity, removeLine, selectLine } = useSale.getState();
  const selectedRow = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey, lines.length]);

  if (lines.length === 0) {
    return (
      <div className="card cart cart-empty">
        <Icon name="cart" size={36} className="empty-icon" />
        <p className="empty-title">{t('checkout.cartEmpty')}</p>
        <p className="empty-hint">{t('checkout.cartEmptyHint')}</p>
      </div>
    );
  }

  // The quote prices the same lines in the same order; it may lag a keystroke behind.
  const priced = quote && quote.lines.length === lines.length ? quote.lines : null;
  return (
    <div className="card cart">
      <table className="table cart-table" aria-label={t('checkout.cartLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('checkout.col.item')}</th>
            <th scope="col" className="align-end">
              {t('checkout.col.price')}
            </th>
            <th scope="col" className="cart-qty-head">
              {t('checkout.col.quantity')}
            </th>
            <th scope="col" className="align-end">
              {t('checkout.col.amount')}
            </th>
            {readOnly ? null : <th scope="col" className="cart-remove-head" aria-hidden="true" />}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => {
            const selected = line.key === selectedKey;
            const p = priced?.[i];
            return (
              <tr
                key={line.key}
                ref={selected ? selectedRow : undefined}
                className={selected && !readOnly ? 'is-selected' : undefined}
                aria-selected={readOnly ? undefined : selected}
                aria-label={t('checkout.lineLabel', { name: line.name, quantity: line.quantity })}
                onClick={() => selectLine(line.key)}
              >
                <td className="cart-name">{line.name}</td>
                <td className="align-end">
                  <MoneyText minor={line.unitPriceMinor} />
                </td>
                <td className="cart-qty">
                  {readOnly ? (
                    <NumberText value={line.quantity} className="cart-qty-value" />
                  ) : (
                    <QuantityStepper
                      quantity={line.quantity}
                      min={1}
                      onStep={(by) => changeQuantity(line.key, by)}
                      lessLabel={t('checkout.decrease', { name: line.name })}
                      moreLabel={t('checkout.increase', { name: line.name })}
                      small
                    >
                      <NumberText value={line.quantity} className="cart-qty-value" />
                    </QuantityStepper>
                  )}
                </td>
                <td className="align-end">
                  {p ? (
                    <>
                      <MoneyText minor={p.netMinor} className="strong" />
                      {p.discountMinor > 0 ? <MoneyText minor={p.grossMinor} className="sub cart-gross" /> : null}
                    </>
                  ) : (
                    <MoneyText minor={line.unitPriceMinor * line.quantity} className="strong is-stale" />
                  )}
                </td>
                {readOnly ? null : (
                  <td className="cart-remove">
                    <button type="button" className="btn btn-icon btn-small btn-ghost" tabIndex={-1} aria-label={t('checkout.remove', { name: line.name })} onClick={() => removeLine(line.key)}>
                      <Icon name="trash" size={16} />
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
