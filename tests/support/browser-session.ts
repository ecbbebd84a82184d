import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { officeSettings } from './export-data';
import { apiClientOf, startServer, type RunningServer } from './serve';

/** The first-run setup as a clerk completes it, leaving what a test set itself; a database refusing writes is left as it is. */
async function completeFirstRun(server: RunningServer): Promise<void> {
  const api = apiClientOf(server);
  const current = await api.call('settings.get', {}).catch(() => null);
  if (current === null) return;
  const missing = Object.fromEntries(
    Object.entries(officeSettings).filter(([key]) => (current[key as keyof typeof officeSettings] ?? '').trim() === ''),
  );
  if (Object.keys(missing).length > 0) await api.call('settings.set', missing).catch(() => undefined);
}

export interface BrowserSession {
  /** The Chromium that the file's tests share: launching one per test would cost more than most tests take. */
  readonly browser: Browser;
  /**
   * Starts `chitieu serve` on a data directory; the server is stopped after the test, whether it passed or not.
   * The office has done its first-run setup (what is still empty is filled as Tây Ninh's), unless `firstRun`.
   */
  startServer(dataDir: string, options?: { firstRun?: boolean }): Promise<RunningServer>;
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
    async startServer(dataDir: string, options: { firstRun?: boolean } = {}): Promise<RunningServer> {
      const server = await startServer(dataDir);
      running.push(server);
      if (!options.firstRun) await completeFirstRun(server);
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
