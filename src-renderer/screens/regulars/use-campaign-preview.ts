/**
 * The win-back message as each chosen member would get it (`campaigns.preview`), asked again ~200 ms
 * after the owner stops typing. `current` is true only when the preview shown answers exactly the
 * draft on screen, so what is confirmed is what was read.
 */
import type { CampaignPreview } from '../../../src-main/retention/types.ts';
import { useApiQuery } from '../../components/use-api-query.ts';
import { useDebounced } from './use-debounced.ts';

export interface MessageDraft {
  memberIds: string[];
  template: string;
  offer: string;
  offerExpiry: string | null;
}

export interface CampaignPreviewState {
  preview: CampaignPreview | null;
  current: boolean;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

const PREVIEW_DELAY_MS = 200;

export function useCampaignPreview(draft: MessageDraft): CampaignPreviewState {
  const asked = useDebounced(JSON.stringify(draft), PREVIEW_DELAY_MS);
  const settled = JSON.parse(asked) as MessageDraft;
  const input = settled.template.trim() === '' || settled.memberIds.length === 0 ? null : settled;
  const query = useApiQuery('campaigns.preview', input);
  const current = asked === JSON.stringify(draft) && !query.stale && !query.loading && query.data !== null && input !== null;
  return { preview: query.data, current, loading: query.loading || asked !== JSON.stringify(draft), error: query.error, reload: query.reload };
}
