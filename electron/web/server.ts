import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isOperationName, takesPath } from '../../shared/api/contract';
import { apiRequestSchema } from '../../shared/api/envelope';
import { clientIdHeader, clientIdSchema, eventsPath } from '../../shared/api/events';
import type { ErrorCode } from '../../shared/api/errors';
import type { Backend } from '../backend/backend';
import { storedWebPasswordHash } from '../backend/settings/settings-service';
import type { Logger } from '../backend/log';
import { verifyWebPassword } from '../backend/settings/web-password';
import { loginPage, missingTokenPage } from './pages';
import { contentSecurityPolicy, isLoopbackHost } from './security';
import { serveStatic } from './static-files';

export interface WebServerOptions {
  backend: Backend;
  staticDir: string;
  port: number;
  host: string;
  log: Logger;
  /** How often an open event stream gets a comment line, so that proxies and browsers keep it open. */
  heartbeatMs?: number;
}

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const cookieName = 'chitieu_session';

export const localPathRefusalVi =
  'Qua trình duyệt, ChiTieu không đọc hay ghi tệp theo đường dẫn trên máy chủ: hãy chọn tệp để tải lên, tệp xuất sẽ được tải về.';
const maxBodyBytes = 64 * 1024 * 1024;

const statusOfError: Partial<Record<ErrorCode, number>> = {
  bad_input: 400,
  unknown_operation: 404,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
};

const baseHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  // The first URL carries the access token: never let it leak through a Referer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: 401 | 403, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/**
 * The browser door: the built UI and POST /api/<operation> on one origin. A request must carry the
 * token printed at start (as the first URL's ?token=, then as a cookie, or as a Bearer header), come
 * for an allowed Host, and, when it says where it comes from, from our own Origin.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { backend, log } = options;
  const token = randomBytes(24).toString('hex');
  const sessions = new Set<string>([token]);
  const exposed = !isLoopbackHost(options.host);
  let allowedHosts = new Set<string>();
  const listensEverywhere = options.host === '0.0.0.0' || options.host === '::';
  // A DNS-rebinding page reaches us under its own host name, never under a bare IP address.
  const isAllowedHost = (host: string): boolean =>
    allowedHosts.has(host) || (listensEverywhere && /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]):\d+$/i.test(host));

  const isAuthorized = (req: IncomingMessage): boolean => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const presented = bearer ?? cookieValue(req, cookieName);
    return presented !== null && presented !== undefined && [...sessions].some((s) => sameSecret(s, presented));
  };

  const startSession = (res: ServerResponse, session: string): void => {
    res.writeHead(303, {
      ...baseHeaders,
      location: '/',
      'set-cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
      'cache-control': 'no-store',
    });
    res.end();
  };

  const handleLogin = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const stored = storedWebPasswordHash(backend.database.db);
    if (stored && verifyWebPassword(form.get('password') ?? '', stored)) {
      const session = randomBytes(24).toString('hex');
      sessions.add(session);
      startSession(res, session);
      return;
    }
    log.error('web login refused', { remote: req.socket.remoteAddress });
    res.writeHead(401, { ...baseHeaders, 'content-type': 'text/html; charset=utf-8' }).end(loginPage(true));
  };

  const eventStreams = new Set<ServerResponse>();

  /** Server-sent events: each change committed to the data, as one `change` event of JSON. */
  const handleEvents = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, {
      ...baseHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // A browser that lost the stream asks again after a second.
    res.write('retry: 1000\n\n');
    eventStreams.add(res);
    const stopListening = backend.onChange((change) =>
      res.write(`id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`),
    );
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), options.heartbeatMs ?? 15_000);
    res.once('close', () => {
      clearInterval(heartbeat);
      stopListening();
      eventStreams.delete(res);
    });
    req.resume();
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, operation: string): Promise<void> => {
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'bad_input', message: 'Chỉ nhận yêu cầu POST.' } });
      return;
    }
    // Refused by what the contract declares, before the body is read: no input can talk its way past it.
    if (isOperationName(operation) && takesPath(operation)) {
      log.error('web request refused: takes a path on the server', { operation });
      req.resume();
      sendJson(res, 403, { ok: false, error: { code: 'unauthorized', message: localPathRefusalVi } });
      return;
    }
    let input: unknown;
    try {
      const body = (await readBody(req)).toString('utf8');
      input = body.length > 0 ? JSON.parse(body) : {};
    } catch {
      sendJson(res, 400, {
        ok: false,
        error: { code: 'bad_input', message: 'Nội dung yêu cầu không phải JSON hợp lệ.' },
      });
      return;
    }
    const request = apiRequestSchema.safeParse({ operation, input });
    if (!request.success) {
      sendJson(res, 400, { ok: false, error: { code: 'bad_input', message: 'Yêu cầu không hợp lệ.' } });
      return;
    }
    const { operation: name, input: body } = request.data;
    const client = clientIdSchema.safeParse(req.headers[clientIdHeader]);
    const response = await backend.call(name, body, client.success ? client.data : undefined);
    sendJson(res, response.ok ? 200 : (statusOfError[response.error.code] ?? 500), response);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers.host ?? '';
    if (!isAllowedHost(host)) {
      log.error('web request refused: foreign host', { host });
      refuse(res, 403, 'unauthorized', 'Địa chỉ máy chủ (Host) không được phép.');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      log.error('web request refused: foreign origin', { origin });
      refuse(res, 403, 'unauthorized', 'Yêu cầu đến từ một trang khác (Origin) và đã bị từ chối.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const offered = url.searchParams.get('token');
    if (req.method === 'GET' && offered !== null && sameSecret(offered, token)) {
      startSession(res, token);
      return;
    }
    if (exposed && url.pathname === '/login') {
      if (req.method === 'POST') await handleLogin(req, res);
      else res.writeHead(200, { ...baseHeaders, 'content-type': 'text/html; charset=utf-8' }).end(loginPage(false));
      return;
    }
    if (!isAuthorized(req)) {
      if (url.pathname.startsWith('/api/')) {
        refuse(
          res,
          401,
          'unauthorized',
          'Thiếu hoặc sai mã truy cập. Hãy mở ChiTieu bằng đường dẫn mà lệnh chitieu serve đã in ra.',
        );
      } else if (exposed) {
        res.writeHead(303, { ...baseHeaders, location: '/login' }).end();
      } else {
        res.writeHead(401, { ...baseHeaders, 'content-type': 'text/html; charset=utf-8' }).end(missingTokenPage);
      }
      return;
    }
    if (url.pathname === eventsPath && req.method === 'GET') {
      handleEvents(req, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
      return;
    }
    serveStatic(options.staticDir, url.pathname, res, baseHeaders);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('web request failed', { message: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Máy chủ ChiTieu gặp lỗi.' } });
      else res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${hostForUrl}:${port}`]);
      log.info('web server listening', { host: options.host, port });
      resolve({
        url: `http://${hostForUrl}:${port}/?token=${token}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const stream of eventStreams) stream.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
