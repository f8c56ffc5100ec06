import { areaText } from '../../i18n/messages.ts';

export const shiftText = areaText(
  {
    title: '交班',
  },
  {
    title: 'Shift close',
  },
);
