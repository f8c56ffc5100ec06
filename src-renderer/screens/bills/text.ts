/** The bills screens' words in both locales (mounted as `bills.*` in the catalogs). */
import { areaText } from '../../i18n/messages.ts';

export const billsText = areaText(
  {
    title: 'TODO',
  },
  {
    title: 'TODO',
  },
);
