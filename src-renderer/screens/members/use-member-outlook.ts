/**
 * A member's retention outlook (`retention.outlook`): the figures of the outlook block and the contact
 * history. Loaded beside the member, not before: the member page shows at once, the outlook follows.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MemberOutlook } from '../../../src-main/retention/types.ts';
import { api } from '../../api.ts';

export interface OutlookState {
  outlook: MemberOutlook | null;
  error: unknown;
  reload: () => Promise<void>;
}

export function useMemberOutlook(memberId: string): OutlookState {
  const [outlook, setOutlook] = useState<MemberOutlook | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    setError(null);
    try {
      setOutlook(await api.call('retention.outlook', { memberId }));
    } catch (e) {
      setError(e);
    }
  }, [memberId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { outlook, error, reload };
}
