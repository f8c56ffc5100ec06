/** The settings screens' words in both locales (mounted as `settings.*` in the catalogs). */
import { areaText } from '../../i18n/messages.ts';

export const settingsText = areaText(
  {
    title: 'TODO',
  },
  {
    title: 'TODO',
  },
);
