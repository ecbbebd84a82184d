import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import { cell, choosePeriod, grid, scrollToRow, storedValue } from './grid-helpers';

const session = useBrowserSession();

const entryGrid = (page: Page) => grid(page, /^Số liệu /);

async function openFirstHalf2023(page: Page): Promise<void> {
  await entryGrid(page).locator('tr[data-row-id="BLHH"]').waitFor();
  await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
  await page.getByText('6 tháng đầu năm 2023', { exact: true }).first().waitFor();
  await scrollToRow(entryGrid(page), 'BLHH');
}

/** Waits until the cell shows the text, and says how long that took. */
async function msUntilShown(page: Page, code: string, text: string, since: number): Promise<number> {
  await page.waitForFunction(
    ({ code, text }) =>
      document.querySelector(`tr[data-row-id="${code}"] td[data-column-id="value"]`)?.textContent?.includes(text) ??
      false,
    { code, text },
    { timeout: 5000 },
  );
  return Date.now() - since;
}

describe('two pages on one database', () => {
  it("shows a figure saved in one page in the other page's Nhập liệu grid within a second, without a reload", async () => {
    const dataDir = makeDataDir();
    const server = await session.startServer(dataDir);
    const first = await session.openWindow(server);
    const second = await session.openWindow(server);
    await openFirstHalf2023(first);
    await openFirstHalf2023(second);

    await cell(entryGrid(first), 'BLHH', 'value').click();
    await first.keyboard.type('14.659,9');
    const typedAt = Date.now();
    await first.keyboard.press('Enter');
    expect(await msUntilShown(second, 'BLHH', '14.659,9', typedAt)).toBeLessThan(1000);

    // A change made by the command line on the same data folder reaches both pages too.
    // The server looks at the file every half second, so such a change may take up to half a second longer.
    chitieuOk(dataDir, 'values', 'set', '--period', '2023-H1', 'BLHH=15.000');
    const committedAt = Date.now();
    expect(await msUntilShown(second, 'BLHH', '15.000', committedAt)).toBeLessThan(1500);
    expect(await msUntilShown(first, 'BLHH', '15.000', committedAt)).toBeLessThan(1500);
    await first.close();
    await second.close();
  });

  it('refuses a figure typed over one the other page saved meanwhile, names it, and saves on a second Enter', async () => {
    const server = await session.startServer(makeDataDir());
    const lan = await session.openWindow(server);
    const minh = await session.openWindow(server);
    await openFirstHalf2023(lan);
    await openFirstHalf2023(minh);

    await cell(entryGrid(lan), 'BLHH', 'value').click();
    await lan.keyboard.type('14.000');
    await cell(entryGrid(minh), 'BLHH', 'value').click();
    await minh.keyboard.type('14.659,9');
    await minh.keyboard.press('Enter');
    await msUntilShown(minh, 'BLHH', '14.659,9', Date.now());

    await lan.keyboard.press('Enter');
    await lan
      .getByText(/trong lúc bạn nhập, số liệu đã được .* sửa thành 14\.659,9 lúc .*\(bạn đã thấy ô trống\)/)
      .first()
      .waitFor();
    expect((await storedValue(server, '2023-H1', 'BLHH'))?.value).toBe(14659.9);

    // The clerk has read who saved what; Enter again replaces it with the figure still in the editor.
    await lan.keyboard.press('Enter');
    await msUntilShown(minh, 'BLHH', '14.000', Date.now());
    expect((await storedValue(server, '2023-H1', 'BLHH'))?.value).toBe(14000);
    await lan.close();
    await minh.close();
  });

  it("takes a clerk's own second figure typed at once over the first, with no refusal", async () => {
    const server = await session.startServer(makeDataDir());
    const page = await session.openWindow(server);
    await openFirstHalf2023(page);
    await cell(entryGrid(page), 'BLHH', 'value').click();
    await page.keyboard.type('14.000');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('14.659,9');
    await page.keyboard.press('Enter');
    await msUntilShown(page, 'BLHH', '14.659,9', Date.now());
    expect((await storedValue(server, '2023-H1', 'BLHH'))?.value).toBe(14659.9);
    expect(await page.getByText('trong lúc bạn nhập').count()).toBe(0);
    await page.close();
  });
});
