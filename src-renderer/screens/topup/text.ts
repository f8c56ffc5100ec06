/** The topup screens' words in both locales (mounted as `topup.*` in the catalogs). */
import { areaText } from '../../i18n/messages.ts';

export const topupText = areaText(
  {
    title: 'TODO',
  },
  {
    title: 'TODO',
  },
);
