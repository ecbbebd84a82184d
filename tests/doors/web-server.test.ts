import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '../support/data-dir';
import { callApi, startServer, type RunningServer } from '../support/serve';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('chitieu serve, the browser door', () => {
  it('prints as its first line a loopback URL that carries an access token', async () => {
    server = await startServer(makeDataDir());
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('answers API calls that carry the token', async () => {
    server = await startServer(makeDataDir());
    const { status, body } = await callApi(server, 'catalog.list', { includeRetired: false });
    expect(status).toBe(200);
    expect((body as { ok: boolean; result: unknown[] }).result).toHaveLength(38);
  });

  it('refuses an API request without the token with 401 and a Vietnamese message', async () => {
    server = await startServer(makeDataDir());
    const response = await fetch(`${server.origin}/api/catalog.list`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(body.error.message).toContain('mã truy cập');
  });

  it('refuses a wrong token', async () => {
    server = await startServer(makeDataDir());
    const response = await fetch(`${server.origin}/api/catalog.list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${'0'.repeat(48)}` },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });

  it('does not serve the page itself without the token', async () => {
    server = await startServer(makeDataDir());
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('đường dẫn có mã truy cập');
  });

  it('refuses a request from a foreign Origin with 403 even with the token', async () => {
    server = await startServer(makeDataDir());
    const response = await fetch(`${server.origin}/api/catalog.list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('refuses a request for a foreign Host name with 403 (DNS rebinding)', async () => {
    server = await startServer(makeDataDir());
    const { request } = await import('node:http');
    const url = new URL(server.origin);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/catalog.list',
          method: 'POST',
          headers: { host: `evil.example:${url.port}`, authorization: `Bearer ${server?.token}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('turns the token URL into a session cookie, then serves the UI with a strict Content-Security-Policy', async () => {
    server = await startServer(makeDataDir());
    const first = await fetch(server.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${server.origin}/`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
  });

  it('returns the one error shape with a Vietnamese message for bad input', async () => {
    server = await startServer(makeDataDir());
    const { status, body } = await callApi(server, 'catalog.create', { code: 'xk gao', nameVi: '', kind: 'flow' });
    expect(status).toBe(400);
    const error = (body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('bad_input');
    expect(error.message).toContain('Mã chỉ tiêu');
  });

  it('will not read a workbook by a path on the server for a browser, but takes its bytes and hands an export back as bytes', async () => {
    const dataDir = makeDataDir();
    server = await startServer(dataDir);
    const secret = join(dataDir, 'chitieu.log');

    const byPath = await callApi(server, 'import.readPaths', { files: [{ path: secret }] });
    const saveOnServer = await callApi(server, 'export.reportToFile', {
      period: '2023-H1',
      saveTo: join(dataDir, 'x.xlsx'),
    });
    const pathAsBytes = await callApi(server, 'import.read', { files: [{ path: secret }] });
    const saveToAsBytes = await callApi(server, 'export.report', {
      period: '2023-H1',
      saveTo: join(dataDir, 'x.xlsx'),
    });
    const exported = await callApi(server, 'export.report', {
      period: '2023-H1',
      overrideReason: 'Chưa nhập đủ số liệu',
    });

    for (const refused of [byPath, saveOnServer]) {
      expect(refused.status).toBe(403);
      expect((refused.body as { error: { message: string } }).error.message).toContain('hãy chọn tệp để tải lên');
    }
    // The operations that take bytes know no path at all.
    for (const refused of [pathAsBytes, saveToAsBytes]) expect(refused.status).toBe(400);
    expect(existsSync(join(dataDir, 'x.xlsx'))).toBe(false);
    expect(exported.status).toBe(200);
    const file = (exported.body as { result: { fileName: string; path: string | null; contentBase64: string } }).result;
    expect(file.path).toBeNull();
    expect(file.fileName).toMatch(/\.xlsx$/);
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it("will not save the report's Word file on the server for a browser, but hands it back as bytes", async () => {
    const dataDir = makeDataDir();
    server = await startServer(dataDir);
    const saveOnServer = await callApi(server, 'report.docxToFile', {
      period: '2023-H1',
      saveTo: join(dataDir, 'bao-cao.docx'),
    });
    expect(saveOnServer.status).toBe(403);
    expect((saveOnServer.body as { error: { message: string } }).error.message).toContain('hãy chọn tệp để tải lên');
    expect(existsSync(join(dataDir, 'bao-cao.docx'))).toBe(false);

    const downloaded = await callApi(server, 'report.docx', { period: '2023-H1' });
    expect(downloaded.status).toBe(200);
    const file = (downloaded.body as { result: { fileName: string; path: string | null; contentBase64: string } })
      .result;
    expect(file).toMatchObject({ fileName: 'bao-cao-2023-H1-toan-tinh.docx', path: null });
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
