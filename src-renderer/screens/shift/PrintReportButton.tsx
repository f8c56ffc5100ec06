/** Print the shift's report on the till's printer (Ctrl+P), and where that print stands. */
import { useTranslation } from 'react-i18next';
import { PrintStatus } from '../../components/receipt/PrintStatus.tsx';
import { usePrintKey } from '../../components/receipt/use-print-key.ts';
import { usePrintShift } from './use-print-shift.ts';

export function PrintReportButton({ shiftId }: { shiftId: string }) {
  const { t } = useTranslation();
  const printer = usePrintShift(shiftId);
  usePrintKey(printer.print);
  return (
    <div className="shift-print">
      <button type="button" className="btn" onClick={printer.print} disabled={printer.state.phase === 'printing'} aria-keyshortcuts="Control+P">
        {t('shift.report.print')}
        <span className="kbd" aria-hidden="true">
          Ctrl P
        </span>
      </button>
      <PrintStatus printer={printer} />
    </div>
  );
}
