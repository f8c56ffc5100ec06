import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';

interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}

/** "第 51–100 位，共 312 位" with the previous and next page. */
export function Pager({ offset, limit, total, onOffset }: PagerProps) {
  const { t } = useTranslation();
  const f = useFormat();
  if (total <= limit && offset === 0) return null;
  const from = Math.min(offset + 1, total);
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t('regulars.pager.label')}>
      <span className="pager-range num">{t('regulars.pager.range', { from: f.number(from), to: f.number(to), total: f.number(total) })}</span>
      <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        <Icon name="back" size={16} />
        {t('regulars.pager.prev')}
      </button>
      <button type="button" className="btn btn-small" disabled={offset + limit >= total} onClick={() => onOffset(offset + limit)}>
        {t('regulars.pager.next')}
        <Icon name="back" size={16} className="icon-flip" />
      </button>
    </nav>
  );
}
