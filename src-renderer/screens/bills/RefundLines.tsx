/**
 * The sale's lines with a quantity to refund each: 0 up to what is left of the line. ↑/↓ or +/− step
 * it, digits type it, Enter goes to the next line (then to confirm). Lines already refunded in full
 * are shown but cannot be chosen.
 */
import { forwardRef, useImperativeHandle, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillLine, RefundPreview } from '../../../src-main/ledger/types.ts';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';
import { QuantityStepper } from '../../components/QuantityStepper.tsx';

interface RefundLinesProps {
  lines: readonly BillLine[];
  quantities: ReadonlyMap<string, number>;
  onQuantity: (lineId: string, quantity: number) => void;
  /** The fresh preview's amount per line, when there is one. */
  preview: RefundPreview | null;
  /** Enter on the last line. */
  onDone: () => void;
}

export interface RefundLinesHandle {
  focusFirst: () => void;
}

export function leftOf(line: BillLine): number {
  return Math.max(0, line.quantity - line.refundedQuantity);
}

export const RefundLines = forwardRef<RefundLinesHandle, RefundLinesProps>(function RefundLines({ lines, quantities, onQuantity, preview, onDone }, ref) {
  const { t } = useTranslation();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const open = lines.filter((l) => leftOf(l) > 0);

  useImperativeHandle(ref, () => ({
    focusFirst: () => {
      const first = open[0];
      if (first) inputs.current.get(first.id)?.focus();
    },
  }));

  const set = (line: BillLine, quantity: number) => onQuantity(line.id, Math.min(Math.max(quantity, 0), leftOf(line)));

  const onKeyDown = (line: BillLine, event: KeyboardEvent<HTMLInputElement>) => {
    const now = quantities.get(line.id) ?? 0;
    if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      set(line, now + 1);
    } else if (event.key === '-' || event.key === '_') {
      event.preventDefault();
      set(line, now - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const next = open[open.indexOf(line) + 1];
      if (next) inputs.current.get(next.id)?.focus();
      else onDone();
    }
  };

  return (
    <div className="table-wrap refund-lines-wrap">
      <table className="table table-compact refund-lines" aria-label={t('bills.refund.linesLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('bills.refund.col.item')}</th>
            <th scope="col" className="align-end">
              {t('bills.refund.col.sold')}
            </th>
            <th scope="col" className="align-end">
              {t('bills.refund.col.left')}
            </th>
            <th scope="col" className="align-center">
              {t('bills.refund.col.quantity')}
            </th>
            <th scope="col" className="align-end">
              {t('bill.col.net')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const left = leftOf(line);
            const quantity = quantities.get(line.id) ?? 0;
            const amount = preview?.lines.find((l) => l.lineId === line.id)?.amountMinor;
            return (
              <tr key={line.id} className={left === 0 ? 'is-done' : quantity > 0 ? 'is-chosen' : undefined}>
                <td>
                  <span className="refund-line-name">{line.name}</span>
                  <MoneyText minor={line.netMinor} className="sub" />
                </td>
                <td className="align-end">
                  <NumberText value={line.quantity} />
                </td>
                <td className="align-end">
                  <NumberText value={left} />
                </td>
                <td className="align-center">
                  {left === 0 ? (
                    <span className="badge badge-quiet">{t('bills.refund.allRefunded')}</span>
                  ) : (
                    <span className="stepper">
                      <QuantityStepper
                        quantity={quantity}
                        min={0}
                        max={left}
                        onStep={(by) => set(line, quantity + by)}
                        lessLabel={t('bills.refund.less', { name: line.name })}
                        moreLabel={t('bills.refund.more', { name: line.name })}
                      >
                        <input
                          ref={(el) => {
                            if (el) inputs.current.set(line.id, el);
                            else inputs.current.delete(line.id);
                          }}
                          type="number"
                          className="input stepper-input num"
                          min={0}
                          max={left}
                          step={1}
                          inputMode="numeric"
                          value={quantity}
                          aria-label={t('bills.refund.quantityLabel', { name: line.name })}
                          onFocus={(e) => e.target.select()}
                          onChange={(e) => {
                            const typed = e.target.value === '' ? 0 : Number(e.target.value);
                            if (Number.isInteger(typed)) set(line, typed);
                          }}
                          onKeyDown={(e) => onKeyDown(line, e)}
                        />
                      </QuantityStepper>
                    </span>
                  )}
                </td>
                <td className="align-end">{amount !== undefined ? <MoneyText minor={amount} className="strong" /> : <span className="muted">{t('common.empty')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
