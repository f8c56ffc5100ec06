import { areaText } from '../../../i18n/messages.ts';

export const auditText = areaText(
  {
    title: '操作日志',
  },
  {
    title: 'Audit log',
  },
);
