import type { Transport } from '../../shared/api/client';

interface DesktopBridge {
  call(operation: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    chitieu?: DesktopBridge;
  }
}

// The browser's budget for all keepalive requests in flight is 64 KiB; a paste of thousands of cells goes without.
const keepaliveLimit = 16 * 1024;

/** HTTP to the local server of `chitieu serve`; the session cookie set from the token URL authorises it. */
const httpTransport: Transport = async (operation, input) => {
  const body = JSON.stringify(input ?? {});
  const response = await fetch(`/api/${encodeURIComponent(operation)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
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
  if (bridge) return (operation, input) => bridge.call(operation, input);
  return httpTransport;
}
