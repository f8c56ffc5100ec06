/** Over or short against the expected cash, coloured so nobody misreads it: green even, amber over, red short. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.ts';

export function overShortTone(minor: number): 'is-even' | 'is-over' | 'is-short' {
  return minor === 0 ? 'is-even' : minor > 0 ? 'is-over' : 'is-short';
}

export function OverShort({ minor, className }: { minor: number; className?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = minor === 0 ? t('shift.overShort.even') : minor > 0 ? t('shift.overShort.over', { amount: f.money(minor) }) : t('shift.overShort.short', { amount: f.money(-minor) });
  return <span className={`over-short ${overShortTone(minor)}${className ? ` ${className}` : ''}`}>{text}</span>;
}
