import { areaText } from '../../../i18n/messages.ts';

export const importExportText = areaText(
  {
    title: '导入导出',
  },
  {
    title: 'Import and export',
  },
);
