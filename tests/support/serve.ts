import { spawn, type ChildProcess } from 'node:child_process';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { cliBin } from './cli';

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  /** SIGTERM and wait: the server closes its database cleanly. */
  stop(): Promise<void>;
  /** SIGKILL and wait: nothing is given a chance to clean up. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts `chitieu serve` on a free port and waits for the URL it prints first. */
export function startServer(dataDir: string, extraArgs: string[] = []): Promise<RunningServer> {
  const child = spawn(process.execPath, [cliBin, 'serve', '--data', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const firstLine = stdout.split('\n')[0];
      if (!stdout.includes('\n') || !firstLine) return;
      child.stdout?.off('data', onData);
      const url = new URL(firstLine.trim());
      resolve({
        url: url.toString(),
        origin: url.origin,
        token: url.searchParams.get('token') ?? '',
        child,
        stop: async () => {
          child.kill('SIGTERM');
          await exited(child);
        },
        kill: async () => {
          child.kill('SIGKILL');
          await exited(child);
        },
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`chitieu serve exited with ${code}: ${stderr}`)));
  });
}

/** Calls one API operation the way the browser UI does, with the access token as a Bearer header. */
export async function callApi(
  server: RunningServer,
  operation: string,
  input: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.origin}/api/${operation}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.json() };
}

/** The app's own typed API client, talking to a running server over HTTP as the browser UI does. */
export function apiClientOf(server: RunningServer): ApiClient {
  return createApiClient(async (operation, input) => (await callApi(server, operation, input)).body);
}
