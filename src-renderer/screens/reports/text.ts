import { areaText } from '../../i18n/messages.ts';

export const reportsText = areaText(
  {
    title: '报表',
  },
  {
    title: 'Reports',
  },
);
