// `npm start`: the desktop app where Electron's binary is installed, else the browser mode.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Reads where the electron package keeps its binary without calling it: calling it would try a download. */
function electronBinary() {
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist');
    const binary = join(dist, readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
const binary = electronBinary();
const child = binary
  ? spawn(binary, [root, ...args], { stdio: 'inherit' })
  : (console.log('Không có Electron trên máy này: ChiTieu mở ở chế độ trình duyệt (mở đường dẫn dưới đây).'),
    spawn(process.execPath, [join(root, 'electron/cli/bin.mjs'), 'serve', ...args], { stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
