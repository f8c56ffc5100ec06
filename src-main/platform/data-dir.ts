import os from 'node:os';
import path from 'node:path';

/**
 * Where the data file lives: REGULARS_DATA_DIR when set (tests, a second shop, a USB stick), else the
 * platform's per-user application data folder (Electron passes its own app.getPath('userData')).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platformDefault?: string): string {
  if (env['REGULARS_DATA_DIR']) return path.resolve(env['REGULARS_DATA_DIR']);
  if (platformDefault) return platformDefault;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'Regulars');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Regulars');
  return path.join(env['XDG_DATA_HOME'] ?? path.join(home, '.local', 'share'), 'Regulars');
}
