/**
 * The words of the native dialog shown when the shop's data cannot be opened at start. The ledger is
 * not open yet, so the shop's language setting is unknown: the system's preferred language decides
 * (Chinese for any zh-*, English otherwise). No personal data is involved, only paths and the error.
 */
import path from 'node:path';
import { InstanceLockedError } from '../platform/instance-lock.ts';

export interface StartupErrorText {
  title: string;
  message: string;
}

export function startupErrorText(error: unknown, dataDir: string, systemLocale: string): StartupErrorText {
  const zh = systemLocale.toLowerCase().startsWith('zh');
  if (error instanceof InstanceLockedError) {
    return zh
      ? {
          title: '常客已在运行',
          message: `店铺数据正被另一个常客窗口或进程（进程号 ${error.pid}）使用。\n请先关闭它，再重新打开常客。\n\n数据文件夹：${dataDir}`,
        }
      : {
          title: 'Regulars is already running',
          message: `The shop's data is in use by another Regulars window or process (pid ${error.pid}).\nClose it, then start Regulars again.\n\nData folder: ${dataDir}`,
        };
  }
  const detail = error instanceof Error ? error.message : String(error);
  const backups = path.join(dataDir, 'backups');
  return zh
    ? {
        title: '常客无法打开店铺数据',
        message: `打开或升级数据文件失败，常客将退出。\n如果正在升级，升级前的副本保存在：${backups}\n\n数据文件夹：${dataDir}\n详情：${detail}`,
      }
    : {
        title: "Regulars could not open the shop's data",
        message: `Opening or upgrading the data file failed, so Regulars will close.\nIf it was being upgraded, a copy made just before is in: ${backups}\n\nData folder: ${dataDir}\nDetails: ${detail}`,
      };
}
