import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const appFolderName = 'ChiTieu';

/** The per-user application-data folder Electron's app.getPath('userData') would give for "ChiTieu". */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), appFolderName);
}

/** `--data DIR` wins over CHITIEU_DATA_DIR, which wins over the OS default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.CHITIEU_DATA_DIR) return resolve(env.CHITIEU_DATA_DIR);
  return defaultDataDir(env);
}
