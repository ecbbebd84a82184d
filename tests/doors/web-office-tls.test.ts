import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { createApiClient } from '../../shared/api/client';
import { cliBin } from '../support/cli';
import { makeDataDir } from '../support/data-dir';

const password = 'mat-khau-van-phong';

async function withPassword(dataDir: string): Promise<void> {
  const backend = createBackend({ dataDir });
  try {
    await createApiClient((operation, input) => backend.call(operation, input)).call('settings.set', {
      webPassword: password,
    });
  } finally {
    backend.close();
  }
}

/** `chitieu serve --office` on loopback; resolves with what it printed once the fingerprint is out. */
function serveOffice(dataDir: string): Promise<{ printed: string; origin: string }> {
  const child = spawn(
    process.execPath,
    [cliBin, 'serve', '--office', '--host', '127.0.0.1', '--port', '0', '--data', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CHITIEU_DATA_DIR: '' } },
  );
  onTestFinished(
    () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) done();
        else {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }
      }),
  );
  return new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      if (/rồi mới tiếp tục\.\n/.test(printed)) resolve({ printed, origin: new URL(printed.split('\n')[0]!).origin });
    });
    child.once('exit', (code) => reject(new Error(`chitieu serve --office exited with ${code}: ${printed}`)));
  });
}

function certificateOf(dataDir: string): string {
  return readFileSync(join(dataDir, 'tls', 'chitieu-office.crt'), 'utf8');
}

/** A login over TLS that trusts only the office's own certificate, as a browser does once the clerk accepts it. */
function loginOverTls(origin: string, ca: string | undefined): Promise<{ status: number; cookie: string }> {
  const body = new URLSearchParams({ password }).toString();
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        hostname,
        port,
        path: '/login',
        method: 'POST',
        ...(ca === undefined ? {} : { ca }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin, 'content-length': body.length },
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie'] ?? '') });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function plainHttpGet(origin: string): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: '/login', method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the office server speaks TLS with a certificate of its own', () => {
  it('prints the https address and the fingerprint of the certificate it made, and logs in over TLS only', async () => {
    const dataDir = makeDataDir();
    await withPassword(dataDir);
    const { printed, origin } = await serveOffice(dataDir);
    expect(origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const cert = certificateOf(dataDir);
    const fingerprint = new X509Certificate(cert).fingerprint256;
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(printed).toContain(`dấu vân tay SHA-256:\n  ${fingerprint}\n`);
    expect(new X509Certificate(cert).checkIP('127.0.0.1')).toBe('127.0.0.1');

    const login = await loginOverTls(origin, cert);
    expect(login.status).toBe(303);
    expect(login.cookie).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Secure/);
    await expect(plainHttpGet(origin.replace('https:', 'http:'))).rejects.toThrow();
  });

  it('refuses a connection that does not trust its certificate', async () => {
    const dataDir = makeDataDir();
    await withPassword(dataDir);
    const { origin } = await serveOffice(dataDir);
    await expect(loginOverTls(origin, undefined)).rejects.toThrow(/self-signed|self signed|unable to verify/i);
  });

  it('keeps its certificate, and so its fingerprint, from one start to the next', async () => {
    const dataDir = makeDataDir();
    await withPassword(dataDir);
    const first = await serveOffice(dataDir);
    const fingerprint = new X509Certificate(certificateOf(dataDir)).fingerprint256;
    const second = await serveOffice(dataDir);
    expect(first.printed).toContain(fingerprint);
    expect(second.printed).toContain(fingerprint);
  });
});
