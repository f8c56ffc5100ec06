import { areaText } from '../../../i18n/messages.ts';

export const backupsText = areaText(
  {
    title: '备份',
  },
  {
    title: 'Backups',
  },
);
