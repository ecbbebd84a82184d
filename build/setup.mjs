// `npm run setup [-- <npm install arguments>]`: npm install run by the project's own Node.js, the LTS pinned as
// the `node` devDependency and taken from the npm registry (the `node` package and its node-<platform>-<arch>
// build ship the binary and its headers). npm checks every package's "engines" against the Node that runs npm
// itself, so an install run by an older system Node warns EBADENGINE for the packages that need a newer one
// (electron's tooling); run by the pinned Node, it warns only when something really does not fit. Every later
// npm script runs on the same Node: it is node_modules/.bin/node, first on the PATH npm gives scripts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nodeVersion = devDependencies.node;
if (!/^\d+\.\d+\.\d+$/.test(nodeVersion ?? '')) {
  console.error(`package.json: devDependencies.node must be an exact version (it is ${nodeVersion}).`);
  process.exit(1);
}

// npm exec puts the pinned Node first on PATH, so `node` below is it; npm runs from the same files as the npm
// that started this script.
const npmCli = process.env.npm_execpath;
const npm = npmCli ? [process.execPath, npmCli] : ['npm'];
const result = spawnSync(
  npm[0],
  [
    ...npm.slice(1),
    'exec',
    '--yes',
    `--package=node@${nodeVersion}`,
    '--',
    ...(npmCli ? ['node', npmCli] : ['npm']),
    'install',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' },
);
process.exit(result.status ?? 1);
