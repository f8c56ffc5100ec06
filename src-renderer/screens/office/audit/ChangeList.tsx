/**
 * What an audit row changed: one line per field, "field: before → after" (or just the value when there
 * was nothing before), money as money, yes/no for switches.
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { changesOf, type Leaf, type LeafValue } from './changes.ts';

/** Fields holding integer minor units end in "Minor" (the ledger's convention). */
const isMoneyKey = (key: string) => key.endsWith('Minor');

export function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const f = useFormat();
  const changes = changesOf(before, after);
  if (changes.length === 0) return <span className="muted">{t('audit.nothing')}</span>;

  const leaf = (key: string, value: Leaf): string => {
    if (value === null) return t('audit.nothing');
    if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
    if (typeof value === 'number') return isMoneyKey(key) ? f.money(value) : f.number(value);
    // How a bill was paid, in the reader's words.
    if (key === 'method') return t(`payment.${value}`, { defaultValue: value });
    // The action a wrong approval PIN was typed for.
    if (key === 'for') return t(`audit.actions.${value}`, { defaultValue: value });
    return value;
  };
  const show = (key: string, value: LeafValue | undefined): string => {
    if (value === undefined) return t('audit.nothing');
    if (!Array.isArray(value)) return leaf(key, value);
    return value
      .map((item) => (item !== null && typeof item === 'object' ? Object.entries(item).map(([k, v]) => leaf(k, v)).join(' ') : leaf(key, item)))
      .join(t('audit.listSep'));
  };
  const label = (path: string) =>
    path
      .split('.')
      .map((part) => t(`audit.fields.${part}`, { defaultValue: part }))
      .join(' · ');

  return (
    <dl className="change-list">
      {changes.map((c) => (
        <div key={c.path} className="change-line">
          <dt>{label(c.path)}</dt>
          <dd className="num">
            {c.before !== undefined && c.after !== undefined ? (
              <>
                <span className="change-before">{show(c.key, c.before)}</span>
                <span aria-hidden="true"> → </span>
                <span className="change-after">{show(c.key, c.after)}</span>
              </>
            ) : (
              <span className={c.after === undefined ? 'change-before' : 'change-after'}>{show(c.key, c.after ?? c.before)}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
