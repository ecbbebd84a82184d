import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import type { RunningServer } from '../support/serve';
import {
  api,
  cell,
  chooseYear,
  eventually,
  goToScreen,
  grid,
  pasteInto,
  scrollToRow,
  waitForText,
} from './grid-helpers';

const session = useBrowserSession();

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
  const server = await session.startServer(dataDir);
  const page = await session.openWindow(server);
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
    await eventually(async () =>
      expect(await plans(server, ['BLHH'])).toEqual([{ code: 'BLHH', giao: 26899, phanDau: 28800 }]),
    );
    await waitForText(cell(g, 'BLHH', 'phanDau'), '28.800,0');
    await page.close();
  });
});
