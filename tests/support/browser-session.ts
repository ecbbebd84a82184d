import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startServer, type RunningServer } from './serve';

export interface BrowserSession {
  /** The Chromium that the file's tests share: launching one per test would cost more than most tests take. */
  readonly browser: Browser;
  /** Starts `chitieu serve` on a data directory; the server is stopped after the test, whether it passed or not. */
  startServer(dataDir: string): Promise<RunningServer>;
  /** A new window on a running server, as the clerk's screen shows it: Vietnamese, 1366 by 768. */
  openWindow(server: RunningServer, options?: { acceptDownloads?: boolean }): Promise<Page>;
}

/**
 * Registers the hooks of an end-to-end test file: one Chromium for the file, and every server a test started
 * stopped after it. Stopping a server twice is harmless, so a test may stop one itself to restart it.
 */
export function useBrowserSession(): BrowserSession {
  let browser: Browser | null = null;
  const running: RunningServer[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const started = running.splice(0);
    for (const server of started) await server.stop();
  });
  const launched = (): Browser => {
    if (!browser) throw new Error('Chromium is launched before the first test of the file, not while the file is read');
    return browser;
  };
  return {
    get browser(): Browser {
      return launched();
    },
    async startServer(dataDir: string): Promise<RunningServer> {
      const server = await startServer(dataDir);
      running.push(server);
      return server;
    },
    async openWindow(server: RunningServer, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
      const page = await launched().newPage({ locale: 'vi-VN', viewport: { width: 1366, height: 768 }, ...options });
      // A missing element should fail with its name well before the test's own time limit.
      page.setDefaultTimeout(15_000);
      await page.goto(server.url);
      return page;
    },
  };
}
