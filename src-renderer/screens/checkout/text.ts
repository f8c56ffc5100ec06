/** The checkout screens' words in both locales (mounted as `checkout.*` in the catalogs). */
import { areaText } from '../../i18n/messages.ts';

export const checkoutText = areaText(
  {
    title: 'TODO',
  },
  {
    title: 'TODO',
  },
);
