import { join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, ipcMain, net, protocol } from 'electron';
import { contract, isOperationName } from '../../shared/api/contract';
import { describeZodError } from '../../shared/api/describe-zod-error';
import { clientIdSchema } from '../../shared/api/events';
import { resolveDataDir } from '../data-dir';
import { contentSecurityPolicy } from '../web/security';
import { BackendProcess } from './backend-client';
import { installMenu } from './menu';
import { electronNativeBinding } from './native-binding';
import { appOrigin, appScheme, isAppUrl } from './app-url';
import { lockDownWebContents } from './security';

const here = fileURLToPath(new URL('.', import.meta.url));
const appRoot = join(here, '..', '..');
const rendererDir = join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
lockDownWebContents();

if (!app.requestSingleInstanceLock()) app.quit();

const { values } = parseArgs({
  args: process.argv.slice(1),
  options: { data: { type: 'string' } },
  strict: false,
  allowPositionals: true,
});
const dataDir = resolveDataDir(typeof values.data === 'string' ? values.data : undefined);

function serveAppProtocol(): void {
  protocol.handle(appScheme, async (request) => {
    const { pathname } = new URL(request.url);
    const file = normalize(join(rendererDir, decodeURIComponent(pathname)));
    if (!file.startsWith(rendererDir + sep)) return new Response('', { status: 400 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function handleIpc(backend: BackendProcess): void {
  ipcMain.handle('chitieu:call', async (event, operation: unknown, input: unknown, client: unknown) => {
    if (!isAppUrl(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Yêu cầu không đến từ giao diện ChiTieu.' } };
    }
    if (typeof operation !== 'string' || !isOperationName(operation)) {
      return { ok: false, error: { code: 'unknown_operation', message: `Không có thao tác "${String(operation)}".` } };
    }
    const parsed = contract[operation].input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'bad_input', message: `Dữ liệu không hợp lệ: ${describeZodError(parsed.error)}` },
      };
    }
    const origin = clientIdSchema.safeParse(client);
    return backend.call(operation, input, origin.success ? origin.data : undefined);
  });
  // Every window follows the changes, whichever window, or process, made them.
  backend.onChange((change) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('chitieu:change', change);
  });
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    title: 'ChiTieu',
    show: false,
    webPreferences: {
      preload: join(here, '..', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
}

async function start(): Promise<void> {
  await app.whenReady();
  installMenu();
  serveAppProtocol();
  const nativeBinding = electronNativeBinding(appRoot, app.isPackaged, process.resourcesPath);
  const backend = new BackendProcess(join(here, 'backend-process.js'), [
    '--data',
    dataDir,
    ...(nativeBinding ? ['--native-binding', nativeBinding] : []),
  ]);
  try {
    await backend.ready;
  } catch (error) {
    dialog.showErrorBox('ChiTieu không mở được dữ liệu', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  handleIpc(backend);
  createWindow();
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void backend.shutdown().then(() => app.quit());
  });
}

void start();
