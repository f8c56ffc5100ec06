import { areaText } from '../../../i18n/messages.ts';

export const staffText = areaText(
  {
    title: '员工',
  },
  {
    title: 'Staff',
  },
);
