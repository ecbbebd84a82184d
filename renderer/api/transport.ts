import type { Transport } from '../../shared/api/client';
import { clientIdHeader, eventsPath } from '../../shared/api/events';

interface DesktopBridge {
  call(operation: string, input: unknown, client: string): Promise<unknown>;
  /** Every change event of the backend, as it came; returns the way to stop listening. */
  onChange(listener: (change: unknown) => void): () => void;
  /** The path of a file the clerk chose or dropped: the desktop app reads it from the disk itself. */
  pathOf(file: File): string;
}

declare global {
  interface Window {
    chitieu?: DesktopBridge;
  }
}

/** This window or page, as it names itself on each call: its own changes come back marked as its own. */
export const clientId = crypto.randomUUID().replaceAll('-', '');

// The browser's budget for all keepalive requests in flight is 64 KiB; a paste of thousands of cells goes without.
const keepaliveLimit = 16 * 1024;

/** HTTP to the local server of `chitieu serve`; the session cookie set from the token URL authorises it. */
const httpTransport: Transport = async (operation, input) => {
  const body = JSON.stringify(input ?? {});
  const response = await fetch(`/api/${encodeURIComponent(operation)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [clientIdHeader]: clientId },
    body,
    credentials: 'same-origin',
    // A figure typed just before the window closes must still arrive; browsers let only small bodies outlive the page.
    keepalive: body.length <= keepaliveLimit,
  });
  return response.json();
};

/** The desktop preload exposes window.chitieu; the browser mode has none and goes over HTTP. */
export function pickTransport(): Transport {
  const bridge = window.chitieu;
  if (bridge) return (operation, input) => bridge.call(operation, input, clientId);
  return httpTransport;
}

/**
 * The backend's change events, unparsed: over IPC in the desktop app, as server-sent events in the browser.
 * reconnected is told when a lost stream is back, since changes may have passed meanwhile.
 */
export function listenToChanges(listener: (change: unknown) => void, reconnected: () => void): () => void {
  const bridge = window.chitieu;
  if (bridge) return bridge.onChange(listener);
  const source = new EventSource(eventsPath, { withCredentials: true });
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) reconnected();
    opened = true;
  });
  source.addEventListener('change', (event) => listener(JSON.parse((event as MessageEvent<string>).data)));
  return () => source.close();
}

/** The paths of files chosen in the desktop app, or null where the files are only bytes (the browser). */
export function localPathsOf(files: readonly File[]): string[] | null {
  const bridge = window.chitieu;
  if (!bridge) return null;
  const paths = files.map((file) => bridge.pathOf(file));
  return paths.every((path) => path.length > 0) ? paths : null;
}
