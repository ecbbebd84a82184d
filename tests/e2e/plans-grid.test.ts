import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { makeDataDir } from '../support/data-dir';
import { startServer, type RunningServer } from '../support/serve';
import { api, cell, chooseYear, eventually, goToScreen, grid, pasteInto, scrollToRow, waitForText } from './grid-helpers';

let browser: Browser;
let server: RunningServer | null = null;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await server?.stop();
  server = null;
});

interface PlanFigures {
  code: string;
  giao: number | null;
  phanDau: number | null;
}

async function plans(s: RunningServer, codes: string[]): Promise<PlanFigures[]> {
  const result = await api<{ rows: PlanFigures[] }>(s, 'plans.grid', { year: 2023 });
  return codes.map((code) => result.rows.find((r) => r.code === code) ?? { code, giao: null, phanDau: null });
}

async function openPlans2023(dataDir: string): Promise<{ page: Page; server: RunningServer }> {
  server = await startServer(dataDir);
  const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1366, height: 768 } });
  // A missing element should fail with its name well before the test's own time limit.
  page.setDefaultTimeout(8000);
  await page.goto(server.url);
  await goToScreen(page, 'Kế hoạch');
  await chooseYear(page.getByLabel('Năm kế hoạch'), 2023);
  await grid(page, 'Kế hoạch năm 2023').locator('tr[data-row-id]').first().waitFor();
  return { page, server };
}

describe('the Kế hoạch grid', () => {
  it('stores a pasted 3 by 2 block as one change that one Ctrl+Z takes back', async () => {
    const { page, server } = await openPlans2023(makeDataDir());
    const g = grid(page, 'Kế hoạch năm 2023');
    await scrollToRow(g, 'XNK');
    await cell(g, 'XNK', 'giao').click();
    await pasteInto(g, '1\t2\n3\t4\n5\t6');
    const codes = ['XNK', 'XK', 'XK_DIEU_L'];
    await eventually(async () =>
      expect(await plans(server, codes)).toEqual([
        { code: 'XNK', giao: 1, phanDau: 2 },
        { code: 'XK', giao: 3, phanDau: 4 },
        { code: 'XK_DIEU_L', giao: 5, phanDau: 6 },
      ]),
    );
    await waitForText(cell(g, 'XK_DIEU_L', 'phanDau'), '6,00');
    await page.getByText('Đã dán 6 ô. Ctrl+Z để hoàn tác.').waitFor();

    await page.keyboard.press('Control+z');
    await eventually(async () => {
      for (const row of await plans(server, codes)) expect(row).toMatchObject({ giao: null, phanDau: null });
    });
    await page.getByText('Đã hoàn tác: 6 ô.').waitFor();
    await page.close();
  });

  it('types plans at both levels with Tab and Enter', async () => {
    const { page, server } = await openPlans2023(makeDataDir());
    const g = grid(page, 'Kế hoạch năm 2023');
    await scrollToRow(g, 'BLHH');
    await cell(g, 'BLHH', 'giao').click();
    await page.keyboard.type('26.899');
    await page.keyboard.press('Tab');
    await page.keyboard.type('28.800');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await plans(server, ['BLHH'])).toEqual([{ code: 'BLHH', giao: 26899, phanDau: 28800 }]));
    await waitForText(cell(g, 'BLHH', 'phanDau'), '28.800,0');
    await page.close();
  });
});
