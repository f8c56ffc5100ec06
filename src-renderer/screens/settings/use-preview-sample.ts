/**
 * Who the template preview is filled for: the member who came in most recently (a real name and
 * balance read better than placeholders), or a made-up one in a shop with no members yet. The offer
 * is a sample too, ending two weeks from today; made-up words are in the messages' language.
 */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../components/use-api-query.ts';
import type { Locale } from '../../i18n/index.ts';
import { shiftDay, todayBusinessDate } from '../bills/dates.ts';
import type { PreviewSample } from './message-preview.ts';

const SAMPLE_BALANCE_MINOR = 8800;
const SAMPLE_POINTS = 120;
const OFFER_DAYS = 14;

export function usePreviewSample(language: Locale): PreviewSample {
  const { t } = useTranslation();
  // Only a nicer sample: if the read fails, the made-up member will do.
  const recent = useApiQuery('members.recent', { limit: 1 }).data?.[0];
  return {
    member: recent
      ? { name: recent.name, balanceMinor: recent.balancePrincipalMinor + recent.balanceBonusMinor, points: recent.points }
      : { name: t('settings.messaging.sampleName', { lng: language }), balanceMinor: SAMPLE_BALANCE_MINOR, points: SAMPLE_POINTS },
    offer: t('settings.messaging.sampleOffer', { lng: language }),
    offerExpiry: shiftDay(todayBusinessDate(), OFFER_DAYS),
  };
}
