/**
 * Who the template preview is filled for: the member who came in most recently (a real name and
 * balance read better than placeholders), or a made-up one in a shop with no members yet. The offer
 * is a sample too, ending two weeks from today.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberFacts } from '../../../src-main/sms/templates.ts';
import { api } from '../../api.ts';
import type { PreviewSample } from './message-preview.ts';

const SAMPLE_BALANCE_MINOR = 8800;
const SAMPLE_POINTS = 120;
const OFFER_DAYS = 14;

function localDate(daysFromToday: number): string {
  const d = new Date();
  d.setDate(d.getDate() + daysFromToday);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function usePreviewSample(): PreviewSample {
  const { t } = useTranslation();
  const [recent, setRecent] = useState<MemberFacts | null>(null);

  useEffect(() => {
    let live = true;
    api.call('members.recent', { limit: 1 }).then(
      ([first]) => {
        if (live && first) setRecent({ name: first.name, balanceMinor: first.balancePrincipalMinor + first.balanceBonusMinor, points: first.points });
      },
      // Only a nicer sample: the made-up member will do.
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  return {
    member: recent ?? { name: t('settings.messaging.sampleName'), balanceMinor: SAMPLE_BALANCE_MINOR, points: SAMPLE_POINTS },
    offer: t('settings.messaging.sampleOffer'),
    offerExpiry: localDate(OFFER_DAYS),
  };
}
