// Builds better-sqlite3 for Electron's ABI into out/native/, leaving node_modules' Node build alone,
// so that the tests and the command line (Node) and the desktop app (Electron) work from one checkout.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sourceDir = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'chitieu-native-'));
const target = join(root, 'out', 'native');

try {
  cpSync(sourceDir, work, { recursive: true, filter: (src) => !src.includes(`${sourceDir}/build`) });
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' };
  try {
    execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion], { cwd: work, env, stdio: 'inherit' });
  } catch {
    execFileSync(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], { cwd: work, env, stdio: 'inherit' });
  }
  mkdirSync(target, { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(target, 'better_sqlite3.node'));
  console.log(`better-sqlite3 cho Electron ${electronVersion}: ${join(target, 'better_sqlite3.node')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
