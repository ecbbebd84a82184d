import { copyFileSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settleAfterMs } from '../../db/open-database';
import { startBackend } from '../support/backend';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import { fingerprint } from '../support/sqlite-files';
import { cell, choosePeriod, eventually, grid, scrollToRow, storedValue } from './grid-helpers';

const session = useBrowserSession();

const entryGrid = (page: Page) => grid(page, /^Số liệu /);

const typed: { code: string; text: string; value: number }[] = [
  { code: 'BLHH', text: '14.659,9', value: 14659.9 },
  { code: 'GTSXCN', text: '11.757,6', value: 11757.6 },
  { code: 'SPCN_DIEN_SX', text: '1.234,5', value: 1234.5 },
  { code: 'XK', text: '61,1', value: 61.1 },
];

describe('chitieu.db copied alone, as a clerk copies it to a USB stick', () => {
  it('after the app has settled, holds every figure typed in Nhập liệu', { timeout: 90_000 }, async () => {
    const dataDir = makeDataDir();
    const server = await session.startServer(dataDir);
    const page = await session.openWindow(server);
    await entryGrid(page).locator('tr[data-row-id="BLHH"]').waitFor();
    await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
    await page.getByText('6 tháng đầu năm 2023', { exact: true }).first().waitFor();
    for (const figure of typed) {
      await scrollToRow(entryGrid(page), figure.code);
      await cell(entryGrid(page), figure.code, 'value').click();
      await page.keyboard.type(figure.text);
      await page.keyboard.press('Enter');
    }
    for (const figure of typed)
      await eventually(async () =>
        expect((await storedValue(server, '2023-H1', figure.code))?.value).toBe(figure.value),
      );

    // The window stays open and keeps asking for figures; the app settles a moment after the last save.
    await new Promise((resolve) => setTimeout(resolve, settleAfterMs + 1500));
    const stick = makeDataDir();
    copyFileSync(join(dataDir, 'chitieu.db'), join(stick, 'chitieu.db'));

    const copy = startBackend(stick);
    const rows = (await copy.api.call('values.grid', { period: '2023-H1' })).rows;
    for (const figure of typed) expect(rows.find((r) => r.code === figure.code)?.value).toBe(figure.value);
    await page.close();
  });

  it(
    'cut short on the way is refused with a clear message, and nothing is made over it',
    { timeout: 60_000 },
    async () => {
      const dataDir = makeDataDir();
      const server = await session.startServer(dataDir);
      const page = await session.openWindow(server);
      await entryGrid(page).locator('tr[data-row-id="BLHH"]').waitFor();
      await page.close();
      await server.stop();
      const stick = makeDataDir();
      const file = join(stick, 'chitieu.db');
      copyFileSync(join(dataDir, 'chitieu.db'), file);
      truncateSync(file, Math.floor(statSync(file).size / 2 / 4096) * 4096);
      const before = fingerprint(file);

      await expect(session.startServer(stick)).rejects.toThrow(
        /Không mở được tệp dữ liệu .*bị cắt ngắn.*không tạo cơ sở dữ liệu mới đè lên tệp này/s,
      );

      expect(fingerprint(file)).toEqual(before);
      expect(readdirSync(stick)).toEqual(['chitieu.db']);
    },
  );
});
