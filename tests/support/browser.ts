import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHITIEU_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, never a downloaded one; the flags keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=vi-VN',
    ],
  });
}
