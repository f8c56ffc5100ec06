import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SelectionBarProps {
  count: number;
  /** How the count reads ("已选 3 人" by default; messages are counted, not people). */
  countText?: string;
  onClear: () => void;
  /** The actions on the ticked rows (e.g. send a message). */
  children: ReactNode;
  /** The keys of the table below, as a reminder. */
  keysHint?: string;
}

/** Above a selectable table: how many are ticked ("已选 3 人"), clear, and what can be done with them. */
export function SelectionBar({ count, countText, onClear, children, keysHint }: SelectionBarProps) {
  const { t } = useTranslation();
  return (
    <div className="selection-bar">
      <span className={`selection-count${count > 0 ? ' has-selection' : ''}`} role="status">
        {countText ?? t('regulars.select.count', { count })}
      </span>
      {count > 0 ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={onClear}>
          {t('regulars.select.clear')}
        </button>
      ) : null}
      {keysHint ? (
        <span className="selection-keys" aria-hidden="true">
          {keysHint}
        </span>
      ) : null}
      <span className="selection-actions">{children}</span>
    </div>
  );
}
