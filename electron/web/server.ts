import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { isOperationName, takesPath } from '../../shared/api/contract';
import { apiRequestSchema } from '../../shared/api/envelope';
import { clientIdHeader, clientIdSchema, eventsPath } from '../../shared/api/events';
import type { ErrorCode } from '../../shared/api/errors';
import type { Backend } from '../backend/backend';
import { storedWebPasswordHash } from '../backend/settings/settings-service';
import type { Logger } from '../backend/log';
import { verifyWebPassword } from '../backend/settings/web-password';
import { defaultThrottlePolicy, LoginThrottle, type ThrottlePolicy } from './login-throttle';
import { loginPage, missingTokenPage } from './pages';
import { BodyTooLarge, readBody } from './request-body';
import { contentSecurityPolicy, isLoopbackHost } from './security';
import { serveStatic } from './static-files';
import { defaultSessionLifetimes, sameSecret, type SessionLifetimes, WebSessions } from './web-sessions';

export interface WebServerOptions {
  backend: Backend;
  staticDir: string;
  port: number;
  host: string;
  log: Logger;
  /** How often an open event stream gets a comment line, so that proxies and browsers keep it open. */
  heartbeatMs?: number;
  /** Logins by password even on a loopback address (the office mode); a door open to the network always asks. */
  requireLogin?: boolean;
  sessionLifetimes?: SessionLifetimes;
  throttle?: ThrottlePolicy;
  /** The certificate of a door open to the office: the password and the sessions then never cross the LAN in clear. */
  tls?: { key: string; cert: string };
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
/** A login form holds one password: nothing a stranger sends before logging in is read beyond this. */
const maxLoginBodyBytes = 4 * 1024;

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

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: 401 | 403 | 413, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** A request refused unread may still be sending its body: closing the connection is what stops it. */
function closeAfterReply(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined)
    res.setHeader('connection', 'close');
}

function waitWordsVi(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}

/**
 * The browser door: the built UI and POST /api/<operation> on one origin. A request must carry the
 * token printed at start (as the first URL's ?token=, then as a cookie, or as a Bearer header), come
 * for an allowed Host, and, when it says where it comes from, from our own Origin.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { backend, log } = options;
  const token = randomBytes(24).toString('hex');
  const sessions = new WebSessions(options.sessionLifetimes ?? defaultSessionLifetimes);
  const throttle = new LoginThrottle(options.throttle ?? defaultThrottlePolicy);
  const exposed = options.requireLogin === true || !isLoopbackHost(options.host);
  const scheme = options.tls === undefined ? 'http' : 'https';
  const cookieFlags = `HttpOnly; SameSite=Strict; Path=/${options.tls === undefined ? '' : '; Secure'}`;
  let allowedHosts = new Set<string>();
  const listensEverywhere = options.host === '0.0.0.0' || options.host === '::';
  // A DNS-rebinding page reaches us under its own host name, never under a bare IP address.
  const isAllowedHost = (host: string): boolean =>
    allowedHosts.has(host) || (listensEverywhere && /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]):\d+$/i.test(host));

  // On a door open to the office only the password opens a session: the printed token, which may sit in a
  // browser's history or a chat, works on a loopback-only door alone.
  const tokenOpens = !exposed;
  /** What a session is opened under: on an exposed door the password in force, so that a new one ends them all. */
  const grant = (): string => (exposed ? (storedWebPasswordHash(backend.database.db) ?? '') : '');

  const isAuthorized = (req: IncomingMessage, use: 'request' | 'look' = 'request'): boolean => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined) return (tokenOpens && sameSecret(bearer, token)) || sessions.admits(bearer, grant(), use);
    const cookie = cookieValue(req, cookieName);
    return cookie !== null && sessions.admits(cookie, grant(), use);
  };

  const startSession = (res: ServerResponse): void => {
    res.writeHead(303, {
      ...baseHeaders,
      location: '/',
      'set-cookie': `${cookieName}=${sessions.start(grant())}; ${cookieFlags}`,
      'cache-control': 'no-store',
    });
    res.end();
  };

  const loginAnswer = (res: ServerResponse, status: number, notice: string | null, headers = {}): void => {
    res.writeHead(status, { ...baseHeaders, 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(loginPage(notice));
  };

  const refuseWhileWaiting = (req: IncomingMessage, res: ServerResponse, address: string): boolean => {
    const wait = throttle.waitFor(address);
    if (wait <= 0) return false;
    log.error('web login throttled', { remote: address, waitMs: wait });
    closeAfterReply(req, res);
    loginAnswer(res, 429, `Đã nhập sai mật khẩu nhiều lần. Hãy thử lại sau ${waitWordsVi(wait)}.`, {
      'retry-after': String(Math.ceil(wait / 1000)),
    });
    return true;
  };

  const handleLogin = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const address = req.socket.remoteAddress ?? '';
    if (refuseWhileWaiting(req, res, address)) return;
    let body: Buffer;
    try {
      body = await readBody(req, maxLoginBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      log.error('web login refused: body too large', { remote: address });
      closeAfterReply(req, res);
      loginAnswer(res, 413, 'Yêu cầu đăng nhập quá lớn.');
      return;
    }
    const password = new URLSearchParams(body.toString('utf8')).get('password') ?? '';
    await throttle.inTurn(address, async () => {
      if (refuseWhileWaiting(req, res, address)) return;
      const stored = storedWebPasswordHash(backend.database.db);
      throttle.attempted(address);
      if (stored && (await verifyWebPassword(password, stored))) {
        throttle.succeeded(address);
        log.info('web login', { remote: address });
        startSession(res);
        return;
      }
      log.error('web login refused', { remote: address });
      loginAnswer(res, 401, 'Mật khẩu không đúng.');
    });
  };

  const handleLogout = (req: IncomingMessage, res: ServerResponse): void => {
    const cookie = cookieValue(req, cookieName);
    if (cookie !== null) sessions.revoke(cookie);
    res.writeHead(303, {
      ...baseHeaders,
      location: exposed ? '/login' : '/',
      'set-cookie': `${cookieName}=; ${cookieFlags}; Max-Age=0`,
      'cache-control': 'no-store',
    });
    res.end();
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
    const stopListening = backend.onChange((change) => {
      if (stillAdmitted()) res.write(`id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
    });
    // A stream ends with its session (logout, expiry, a new password), looked at on each heartbeat and event.
    const stillAdmitted = (): boolean => {
      if (isAuthorized(req, 'look')) return true;
      res.end();
      return false;
    };
    const heartbeat = setInterval(() => {
      if (stillAdmitted()) res.write(': heartbeat\n\n');
    }, options.heartbeatMs ?? 15_000);
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
      const body = (await readBody(req, maxBodyBytes)).toString('utf8');
      input = body.length > 0 ? JSON.parse(body) : {};
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        closeAfterReply(req, res);
        refuse(res, 413, 'bad_input', 'Yêu cầu quá lớn (quá 64 MB).');
        return;
      }
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
    const authorized = isAuthorized(req);
    // Nothing a stranger sends is read beyond what its answer needs: the connection closes after the reply.
    if (!authorized) closeAfterReply(req, res);
    const host = req.headers.host ?? '';
    if (!isAllowedHost(host)) {
      log.error('web request refused: foreign host', { host });
      refuse(res, 403, 'unauthorized', 'Địa chỉ máy chủ (Host) không được phép.');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `${scheme}://${host}`) {
      log.error('web request refused: foreign origin', { origin });
      refuse(res, 403, 'unauthorized', 'Yêu cầu đến từ một trang khác (Origin) và đã bị từ chối.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const offered = url.searchParams.get('token');
    if (tokenOpens && req.method === 'GET' && offered !== null && sameSecret(offered, token)) {
      startSession(res);
      return;
    }
    if (exposed && url.pathname === '/login') {
      if (req.method === 'POST') await handleLogin(req, res);
      else loginAnswer(res, 200, null);
      return;
    }
    if (url.pathname === '/logout' && req.method === 'POST') {
      handleLogout(req, res);
      return;
    }
    if (!authorized) {
      if (url.pathname.startsWith('/api/')) {
        refuse(
          res,
          401,
          'unauthorized',
          exposed
            ? 'Chưa đăng nhập, hoặc phiên đăng nhập đã hết hạn. Hãy tải lại trang và đăng nhập.'
            : 'Thiếu hoặc sai mã truy cập. Hãy mở ChiTieu bằng đường dẫn mà lệnh chitieu serve đã in ra.',
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

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      log.error('web request failed', { message: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Máy chủ ChiTieu gặp lỗi.' } });
      else res.end();
    });
  };
  const server = options.tls === undefined ? createHttpServer(listener) : createHttpsServer(options.tls, listener);
  // A page's connection is kept for a minute: when the server waited on another process's import, a keep-alive
  // timer that fired meanwhile would otherwise close a socket a browser is just reusing.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      // Listening on every address, this computer still opens the door by its loopback one.
      const hostForUrl = listensEverywhere
        ? '127.0.0.1'
        : options.host.includes(':')
          ? `[${options.host}]`
          : options.host;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${hostForUrl}:${port}`]);
      // The office's browsers may open this computer by its name, which the certificate names too.
      if (exposed) allowedHosts.add(`${hostname().toLowerCase()}:${port}`);
      log.info('web server listening', { host: options.host, port });
      resolve({
        url: `${scheme}://${hostForUrl}:${port}/${tokenOpens ? `?token=${token}` : ''}`,
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
