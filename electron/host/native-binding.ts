import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Electron runs better-sqlite3 under its own ABI, so the desktop app loads a separate build of it
 * (made by `npm run native:electron`) while plain Node keeps node_modules' build for the tests and CLI.
 */
export function electronNativeBinding(appRoot: string, packaged: boolean, resourcesPath: string): string | null {
  const file = packaged
    ? join(resourcesPath, 'native', 'better_sqlite3.node')
    : join(appRoot, 'out', 'native', 'better_sqlite3.node');
  return existsSync(file) ? file : null;
}
