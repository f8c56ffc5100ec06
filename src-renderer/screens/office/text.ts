/** The back office's frame: its title and tab names (mounted as `office.*`). Each tab has its own words. */
import { areaText } from '../../i18n/messages.ts';

export const officeText = areaText(
  {
    title: '店务',
    subtitle: '员工与权限、操作日志、会员导入导出、数据备份。',
    tabs: { label: '店务', staff: '员工', audit: '操作日志', import: '导入', export: '导出', backups: '备份' },
  },
  {
    title: 'Back office',
    subtitle: 'Staff and permissions, the audit log, member import and export, backups.',
    tabs: { label: 'Back office', staff: 'Staff', audit: 'Audit log', import: 'Import', export: 'Export', backups: 'Backups' },
  },
);
