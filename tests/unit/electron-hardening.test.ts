import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../support/cli';

/**
 * No Electron binary can be had where the tests run, so the window's security is checked through the two
 * things the packaged app is made of: electron-builder's configuration, and what the host registers with
 * Electron (here a recording stand-in for the 'electron' module, which is not our code).
 */

type CheckHandler = (
  contents: null,
  permission: string,
  requestingOrigin: string,
  details: { isMainFrame: boolean; requestingUrl?: string },
) => boolean;
type RequestHandler = (
  contents: null,
  permission: string,
  callback: (granted: boolean) => void,
  details: { isMainFrame: boolean; requestingUrl: string },
) => void;

const registered = vi.hoisted(() => ({ check: null as unknown, request: null as unknown }));

vi.mock('electron', () => ({
  app: { on: () => undefined, whenReady: () => Promise.resolve() },
  session: {
    defaultSession: {
      setPermissionCheckHandler: (handler: unknown) => (registered.check = handler),
      setPermissionRequestHandler: (handler: unknown) => (registered.request = handler),
    },
  },
}));

async function handlers(): Promise<{ check: CheckHandler; request: RequestHandler }> {
  const { lockDownWebContents } = await import('../../electron/host/security');
  lockDownWebContents();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(registered.check).toBeTypeOf('function');
  expect(registered.request).toBeTypeOf('function');
  return { check: registered.check as CheckHandler, request: registered.request as RequestHandler };
}

function requested(request: RequestHandler, permission: string, url: string): boolean {
  let answer: boolean | null = null;
  request(null, permission, (granted) => (answer = granted), { isMainFrame: true, requestingUrl: url });
  if (answer === null) throw new Error('the request handler did not answer');
  return answer;
}

const unneeded = [
  'clipboard-read',
  'media',
  'display-capture',
  'geolocation',
  'notifications',
  'midi',
  'hid',
  'serial',
  'usb',
  'openExternal',
  'fileSystem',
  'fullscreen',
  'pointerLock',
  'unknown',
];

describe('the packaged desktop app', () => {
  it('cannot be started as plain Node, with NODE_OPTIONS or --inspect, and loads only its own app.asar, checked', () => {
    const config = load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as {
      asar?: unknown;
      electronFuses?: Record<string, unknown>;
    };
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses that electron-builder knows', () => {
    const config = load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, unknown>;
    };
    const scheme = JSON.parse(readFileSync(join(repoRoot, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses).filter((key) => !known.includes(key))).toEqual([]);
  });
});

describe('the window asks for a permission', () => {
  it('is refused everything but writing to the clipboard, both when Chromium checks and when it asks', async () => {
    const { check, request } = await handlers();
    for (const permission of unneeded) {
      expect(
        check(null, permission, 'app://chitieu', { isMainFrame: true, requestingUrl: 'app://chitieu/index.html' }),
        permission,
      ).toBe(false);
      expect(requested(request, permission, 'app://chitieu/index.html'), permission).toBe(false);
    }
    expect(check(null, 'clipboard-sanitized-write', 'app://chitieu', { isMainFrame: true })).toBe(true);
    expect(requested(request, 'clipboard-sanitized-write', 'app://chitieu/index.html')).toBe(true);
  });

  it('from a page that is not the app, is refused even the clipboard', async () => {
    const { check, request } = await handlers();
    for (const stranger of [
      'https://example.com',
      'file:///C:/Users/x/a.html',
      'app://chitieu.example.com',
      'http://127.0.0.1:5173',
    ]) {
      expect(
        check(null, 'clipboard-sanitized-write', stranger, { isMainFrame: true, requestingUrl: `${stranger}/` }),
        stranger,
      ).toBe(false);
      expect(requested(request, 'clipboard-sanitized-write', `${stranger}/index.html`), stranger).toBe(false);
    }
  });
});
