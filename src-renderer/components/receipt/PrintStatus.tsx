/**
 * Where a receipt's print stands, in one line beside the buttons: printing, printed (with the paper
 * warning), or the printer's own message and "Print again". Calm on purpose: whatever the printer
 * does, the bill is already made. The live region is always there, so each change is announced.
 */
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../src-main/api/error-messages.ts';
import { useErrorText } from '../ErrorNotice.tsx';
import { useFormat } from '../format.ts';
import { Icon } from '../Icon.tsx';
import type { PrintFailure, ReceiptPrinter } from './use-print-receipt.ts';
import './receipt.css';

function useFailureText(): (failure: PrintFailure) => string {
  const { t } = useTranslation();
  const f = useFormat();
  const errorText = useErrorText();
  return (failure) => {
    if ('error' in failure) return errorText(failure.error);
    return failure.code ? errorMessage(failure.code, {}, f.locale, f.currency) : t('receipt.status.failed');
  };
}

export function PrintStatus({ printer, className }: { printer: ReceiptPrinter; className?: string }) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const { state } = printer;
  return (
    <div className={`print-status is-${state.phase}${className ? ` ${className}` : ''}`}>
      <p className="print-status-text" role="status">
        {state.phase === 'printing' ? (
          <>
            <Icon name="print" size={18} className="print-status-icon" />
            {t('receipt.status.printing')}
          </>
        ) : null}
        {state.phase === 'printed' ? (
          <>
            <Icon name="check" size={18} className="print-status-icon" />
            <span>{t('receipt.status.printed')}</span>
            {state.warning === 'paper_near_end' ? <span className="print-status-warning">{t('receipt.status.paperNearEnd')}</span> : null}
          </>
        ) : null}
        {state.phase === 'failed' ? (
          <>
            <Icon name="print" size={18} className="print-status-icon" />
            {failureText(state.failure)}
          </>
        ) : null}
      </p>
      {state.phase === 'failed' ? (
        <button type="button" className="btn btn-small print-status-again" onClick={printer.print}>
          {t('receipt.printAgain')}
        </button>
      ) : null}
    </div>
  );
}
