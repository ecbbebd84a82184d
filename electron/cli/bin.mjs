#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// ChiTieu runs on its own Node.js, the LTS of the `node` devDependency (node_modules/.bin/node, first on PATH
// in npm scripts and npx). Started by another one (`./electron/cli/bin.mjs` finds the system's Node.js), the
// command hands over to it: better-sqlite3 needs a newer Node.js than a system may have, and crashes on an
// older one instead of saying so.
const ownNode = fileURLToPath(new URL('../../node_modules/node/bin/node', import.meta.url));
if (existsSync(ownNode) && realpathSync(process.execPath) !== realpathSync(ownNode)) {
  const child = spawn(ownNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { engines } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const [neededMajor, neededMinor] = engines.node.replace(/^>=/, '').split('.').map(Number);
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < neededMajor || (major === neededMajor && minor < (neededMinor ?? 0))) {
    process.stderr.write(
      `Lỗi: ChiTieu cần Node.js ${engines.node.replace(/^>=/, '')} trở lên (máy đang chạy ${process.versions.node}). Hãy chạy "npm run setup" trong thư mục dự án.\n`,
    );
    process.exit(1);
  }
  const bundle = new URL('../../out/main/cli.js', import.meta.url);
  if (!existsSync(fileURLToPath(bundle))) {
    process.stderr.write(
      'Lỗi: ChiTieu chưa được dựng. Hãy chạy "npm run setup" (hoặc "npm run build") trong thư mục dự án.\n',
    );
    process.exit(1);
  }
  await import(bundle.href);
}
