import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Serves the built UI; unknown paths get index.html so that the app's own routes survive a reload. */
export function serveStatic(
  rootDir: string,
  urlPath: string,
  res: ServerResponse,
  headers: Record<string, string>,
): void {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  let file = join(rootDir, relative);
  if (!file.startsWith(rootDir + sep) && file !== rootDir) {
    res.writeHead(400, headers).end();
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) file = join(rootDir, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(500, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    res.end('Chưa có giao diện: hãy chạy "npm run build" trước.');
    return;
  }
  const isIndex = file.endsWith('index.html');
  res.writeHead(200, {
    ...headers,
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(res);
}
