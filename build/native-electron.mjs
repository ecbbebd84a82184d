// Puts better-sqlite3's binary for the desktop app into out/native/, where electron-builder.yml ships it from
// and electron/host/native-binding.ts loads it. better-sqlite3 13 is a Node-API addon: one binary serves every
// runtime with Node-API 10, Node.js and Electron alike, and the package ships it for each platform, so the
// desktop app gets the very build the tests and the command line run, with nothing compiled or downloaded.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
// Asked of better-sqlite3 itself, which tells linux from linuxmusl as it does when it loads.
const { getPrebuildPath } = require(join(sqliteDir, 'lib', 'binding.js'));
const prebuild = getPrebuildPath();
if (!prebuild) {
  console.error(`better-sqlite3 không có bản dựng sẵn cho ${process.platform}-${process.arch}.`);
  process.exit(1);
}
const target = join(root, 'out', 'native', 'better_sqlite3.node');
mkdirSync(dirname(target), { recursive: true });
copyFileSync(prebuild, target);
console.log(`better-sqlite3 cho Electron: ${target} (${prebuild})`);
