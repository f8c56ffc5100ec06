import { useAppInfo } from '../../app/app-info.ts';

const TONES = 4;

/** A tier's name as a badge; higher tiers (by the shop's order) get stronger colours. */
export function TierBadge({ tierId, name }: { tierId: string; name: string }) {
  const { tiers } = useAppInfo();
  const index = Math.max(0, tiers.findIndex((t) => t.id === tierId));
  return <span className={`badge tier-tone-${Math.min(index, TONES - 1)}`}>{name}</span>;
}
