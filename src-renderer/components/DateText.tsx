import { useFormat } from './format.ts';

/** A timestamp in the UI locale, inside <time> with the machine-readable value. */
export function DateText({ iso, style = 'dateTime', className }: { iso: string; style?: 'dateTime' | 'date' | 'shortDate'; className?: string }) {
  const f = useFormat();
  return (
    <time dateTime={iso} className={className}>
      {f[style](iso)}
    </time>
  );
}
