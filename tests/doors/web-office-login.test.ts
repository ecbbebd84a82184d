import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { createFileLogger } from '../../electron/backend/log';
import type { ThrottlePolicy } from '../../electron/web/login-throttle';
import { startWebServer } from '../../electron/web/server';
import type { SessionLifetimes } from '../../electron/web/web-sessions';
import { createApiClient } from '../../shared/api/client';
import { makeDataDir } from '../support/data-dir';

const password = 'mat-khau-van-phong';
const staticDir = join(import.meta.dirname, '..', '..', 'out', 'renderer');

/** The office server on loopback, logins required, with the password set in Cài đặt beforehand. */
async function officeServer(
  options: { sessionLifetimes?: SessionLifetimes; throttle?: ThrottlePolicy; heartbeatMs?: number } = {},
) {
  const dataDir = makeDataDir();
  const backend = createBackend({ dataDir });
  const api = createApiClient((operation, input) => backend.call(operation, input));
  await api.call('settings.set', { webPassword: password });
  const server = await startWebServer({
    backend,
    staticDir,
    port: 0,
    host: '127.0.0.1',
    requireLogin: true,
    log: createFileLogger(dataDir),
    ...options,
  });
  onTestFinished(async () => {
    await server.close();
    backend.close();
  });
  return { origin: `http://127.0.0.1:${server.port}`, url: server.url, api };
}

function login(origin: string, typed: string): Promise<Response> {
  return fetch(`${origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ password: typed }).toString(),
  });
}

function sessionCookie(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function settingsWith(origin: string, cookie: string): Promise<Response> {
  return fetch(`${origin}/api/settings.get`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: '{}',
  });
}

/**
 * Declares a body of `declared` bytes but sends only its first megabyte, then waits for the answer: a server that
 * read the body before refusing would never answer.
 */
function statusOfHugeBody(origin: string, path: string, declared: number): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: 'POST', headers: { 'content-length': declared, 'content-type': 'text/plain' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    req.write(Buffer.alloc(1024 * 1024, 0x61));
  });
}

describe('the office server (chitieu serve --office): logins by password', () => {
  it('asks a browser to log in, and lets it in with the password set in Cài đặt', async () => {
    const { origin } = await officeServer();
    const first = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/login');

    const wrong = await login(origin, 'khong-dung');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Mật khẩu không đúng.');

    const right = await login(origin, password);
    expect(right.status).toBe(303);
    const cookie = sessionCookie(right);
    expect(right.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await settingsWith(origin, cookie)).status).toBe(200);
  });

  it('makes wrong passwords wait after five of them, with the wait said in Vietnamese, even for the right one', async () => {
    const { origin } = await officeServer();
    for (let i = 0; i < 5; i += 1) expect((await login(origin, `sai-${i}`)).status).toBe(401);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(origin, `doan-${i}`)));
    expect(Date.now() - started).toBeLessThan(5_000);
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(39);
    expect(Number(throttled[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await throttled[0]?.text()).toMatch(/Đã nhập sai mật khẩu nhiều lần\. Hãy thử lại sau \d+ giây\./);

    const rightButTooSoon = await login(origin, password);
    expect(rightButTooSoon.status).toBe(429);
    expect(sessionCookie(rightButTooSoon)).toBe('');
  });

  it('lets the right password in again once the wait is over', async () => {
    const { origin } = await officeServer({
      throttle: { freeFailures: 2, firstWaitMs: 300, longestWaitMs: 300, windowMs: 60_000 },
    });
    for (let i = 0; i < 3; i += 1) await login(origin, `sai-${i}`);
    expect((await login(origin, password)).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await login(origin, password)).status).toBe(303);
  });

  it('refuses a 60 MB body sent before logging in without reading it, to the login form and to the API', async () => {
    const { origin } = await officeServer();
    const sixtyMegabytes = 60 * 1024 * 1024;
    for (const path of ['/login', '/api/values.set']) {
      expect(await statusOfHugeBody(origin, path, sixtyMegabytes)).toBe(path === '/login' ? 413 : 401);
    }
    expect((await login(origin, password)).status).toBe(303);
  });

  it('ends a session left idle: its next call gets 401 with the way back in', async () => {
    const { origin } = await officeServer({ sessionLifetimes: { idleMs: 300, absoluteMs: 60_000 } });
    const cookie = sessionCookie(await login(origin, password));
    expect((await settingsWith(origin, cookie)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const expired = await settingsWith(origin, cookie);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toBe(
      'Chưa đăng nhập, hoặc phiên đăng nhập đã hết hạn. Hãy tải lại trang và đăng nhập.',
    );
  });

  it('ends a session at its age limit even while it is in use', async () => {
    const { origin } = await officeServer({ sessionLifetimes: { idleMs: 60_000, absoluteMs: 500 } });
    const cookie = sessionCookie(await login(origin, password));
    for (let i = 0; i < 3; i += 1) {
      expect((await settingsWith(origin, cookie)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await settingsWith(origin, cookie)).status).toBe(401);
  });

  it('revokes a session at logout, leaving the other clerks logged in', async () => {
    const { origin } = await officeServer();
    const lan = sessionCookie(await login(origin, password));
    const minh = sessionCookie(await login(origin, password));
    const out = await fetch(`${origin}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: lan, origin },
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    expect((await settingsWith(origin, lan)).status).toBe(401);
    expect((await settingsWith(origin, minh)).status).toBe(200);
  });

  it('refuses a login posted from a foreign page (Origin) before looking at the password', async () => {
    const { origin } = await officeServer();
    const forged = await fetch(`${origin}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      body: new URLSearchParams({ password }).toString(),
    });
    expect(forged.status).toBe(403);
    expect(sessionCookie(forged)).toBe('');
  });

  it('prints no access token: on the office door only the password opens a session', async () => {
    const { url } = await officeServer();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('counts guesses sent all at once as they arrive: at most five are checked', async () => {
    const { origin } = await officeServer();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(origin, `doan-${i}`)));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(15);
  });

  it('lets many clerks behind one address log in at once with the right password', async () => {
    const { origin } = await officeServer();
    const answers = await Promise.all(Array.from({ length: 12 }, () => login(origin, password)));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 12 }, () => 303));
  });

  it('ends every session when the access password is changed in Cài đặt', async () => {
    const { origin, api } = await officeServer();
    const cookie = sessionCookie(await login(origin, password));
    expect((await settingsWith(origin, cookie)).status).toBe(200);
    await api.call('settings.set', { webPassword: 'mat-khau-moi-2026' });
    expect((await settingsWith(origin, cookie)).status).toBe(401);
    expect((await login(origin, password)).status).toBe(401);
    expect((await login(origin, 'mat-khau-moi-2026')).status).toBe(303);
  });

  it('ends an open event stream when its session is logged out', async () => {
    const { origin } = await officeServer({ heartbeatMs: 100 });
    const cookie = sessionCookie(await login(origin, password));
    const stream = await fetch(`${origin}/api/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await reader.read();
    await fetch(`${origin}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie, origin } });
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return true;
    })();
    await expect(ended).resolves.toBe(true);
  });
});
