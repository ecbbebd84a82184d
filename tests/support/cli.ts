import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliBin = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `chitieu` command exactly as a clerk's terminal would. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [cliBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CHITIEU_DATA_DIR: '', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `chitieu <args> --data <dataDir>`: a command on the test's own data directory, never the clerk's. */
export function chitieu(dataDir: string, ...args: string[]): CliResult {
  return runCli([...args, '--data', dataDir]);
}

/** The same for a command that must succeed: fails the test with its message if it does not, and returns what it printed. */
export function chitieuOk(dataDir: string, ...args: string[]): string {
  const result = chitieu(dataDir, ...args);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}
