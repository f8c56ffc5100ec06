/**
 * The top of a modal dialog: its title (the dialog's name: give the dialog aria-labelledby={titleId}),
 * an optional line under it, and the close button (for the mouse; Esc closes too).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.tsx';

interface DialogHeadProps {
  titleId: string;
  title: string;
  /** Under the title (e.g. what is being edited, or a badge). */
  meta?: ReactNode;
  /** Figures in the title (a bill number) are set as numbers. */
  numericTitle?: boolean;
  onClose: () => void;
}

export function DialogHead({ titleId, title, meta, numericTitle = false, onClose }: DialogHeadProps) {
  const { t } = useTranslation();
  return (
    <header className="dialog-head">
      <div>
        <h2 className={numericTitle ? 'dialog-title num' : 'dialog-title'} id={titleId}>
          {title}
        </h2>
        {meta ? <p className="dialog-meta">{meta}</p> : null}
      </div>
      <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label={t('common.close')}>
        <Icon name="close" />
      </button>
    </header>
  );
}
