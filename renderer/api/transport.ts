import type { Transport } from '../../shared/api/client';

interface DesktopBridge {
  call(operation: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    chitieu?: DesktopBridge;
  }
}

/** HTTP to the local server of `chitieu serve`; the session cookie set from the token URL authorises it. */
const httpTransport: Transport = async (operation, input) => {
  const response = await fetch(`/api/${encodeURIComponent(operation)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
  });
  return response.json();
};

/** The desktop preload exposes window.chitieu; the browser mode has none and goes over HTTP. */
export function pickTransport(): Transport {
  const bridge = window.chitieu;
  if (bridge) return (operation, input) => bridge.call(operation, input);
  return httpTransport;
}
