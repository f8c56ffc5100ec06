import { useFormat } from './format.ts';

interface MoneyTextProps {
  /** Integer minor units (fen/cents). */
  minor: number;
  /** Show "+" on gains and colour gains/losses (ledger deltas). */
  signed?: boolean;
  className?: string;
  id?: string;
}

/** Money as the shop's currency in the UI locale, with tabular figures. */
export function MoneyText({ minor, signed = false, className, id }: MoneyTextProps) {
  const f = useFormat();
  const tone = signed ? (minor > 0 ? ' is-gain' : minor < 0 ? ' is-loss' : ' is-zero') : '';
  return (
    <span className={`money${tone}${className ? ` ${className}` : ''}`} id={id}>
      {signed ? f.signedMoney(minor) : f.money(minor)}
    </span>
  );
}

/** A whole number (points, counts) with grouping and tabular figures. */
export function NumberText({ value, signed = false, className }: { value: number; signed?: boolean; className?: string }) {
  const f = useFormat();
  const tone = signed ? (value > 0 ? ' is-gain' : value < 0 ? ' is-loss' : ' is-zero') : '';
  return <span className={`num${tone}${className ? ` ${className}` : ''}`}>{signed ? f.signedNumber(value) : f.number(value)}</span>;
}
