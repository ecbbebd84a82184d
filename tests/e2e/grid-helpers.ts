import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { callApi, type RunningServer } from '../support/serve';

/** Calls the API and returns its result, failing the test on a refused call. */
export async function api<T>(server: RunningServer, operation: string, input: unknown): Promise<T> {
  const { body } = await callApi(server, operation, input);
  const envelope = body as { ok: boolean; result?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${operation}: ${envelope.error?.message}`);
  return envelope.result as T;
}

interface GridRowFigures {
  code: string;
  value: number | null;
  status: string | null;
}

export async function storedValue(
  server: RunningServer,
  period: string,
  code: string,
): Promise<GridRowFigures | undefined> {
  const grid = await api<{ rows: GridRowFigures[] }>(server, 'values.grid', { period });
  return grid.rows.find((r) => r.code === code);
}

/** Retries an assertion until it holds: saves are asynchronous, as they are for the clerk (and CI is slow at times). */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function goToScreen(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Chức năng' }).getByText(label, { exact: true }).click();
}

async function pickOption(page: Page, field: Locator, title: string): Promise<void> {
  await field.click();
  await page.locator(`.ant-select-item-option[title="${title}"]`).click();
}

/** Chooses a period the way a clerk does: the kind, the span within the year, then the year; `within` a popover, say. */
export async function choosePeriod(
  page: Page,
  kind: 'Tháng' | 'Quý' | 'Lũy kế',
  span: string,
  year: number,
  within?: Locator,
): Promise<void> {
  const scope = within ?? page;
  await scope.getByRole('radiogroup', { name: 'Loại kỳ' }).getByText(kind, { exact: true }).click();
  await pickOption(page, scope.getByLabel('Kỳ trong năm'), span);
  await chooseYear(scope.getByLabel('Năm', { exact: true }), year);
}

export async function chooseYear(field: Locator, year: number): Promise<void> {
  await field.click();
  await field.fill(String(year));
  await field.press('Enter');
  await expect(field.inputValue()).resolves.toBe(String(year));
}

export function grid(page: Page, name: string | RegExp): Locator {
  return page.getByRole('grid', { name });
}

export function cell(gridLocator: Locator, code: string, columnId: string): Locator {
  return gridLocator.locator(`tr[data-row-id="${code}"] td[data-column-id="${columnId}"]`);
}

export async function waitForText(locator: Locator, text: string): Promise<void> {
  await eventually(async () => expect(await locator.innerText({ timeout: 500 })).toContain(text));
}

/** Scrolls the grid, as a clerk does, until the row of an indicator is drawn (only rows in view are). */
export async function scrollToRow(gridLocator: Locator, code: string): Promise<void> {
  const row = gridLocator.locator(`tr[data-row-id="${code}"]`);
  await gridLocator.locator('tr[data-row-id]').first().waitFor();
  for (let step = 0; step < 100; step++) {
    if ((await row.count()) > 0) {
      try {
        await row.scrollIntoViewIfNeeded({ timeout: 1000 });
        return;
      } catch {
        // The grid redrew its window of rows in between (data arriving, a resize): look again.
      }
    } else {
      await gridLocator.evaluate((el) => {
        const before = el.scrollTop;
        el.scrollTop += el.clientHeight / 2;
        if (el.scrollTop === before) el.scrollTop = 0;
      });
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`row ${code} not found in the grid`);
}

/** What pasting from Excel does to the focused grid: a paste event carrying tab-separated text. */
export async function pasteInto(target: Locator, text: string): Promise<void> {
  await target.evaluate((el, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}

/** What Ctrl+C puts on the clipboard, read from the copy event the grid fills. */
export async function copyFrom(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    const clipboardData = new DataTransfer();
    el.dispatchEvent(new ClipboardEvent('copy', { clipboardData, bubbles: true, cancelable: true }));
    return clipboardData.getData('text/plain');
  });
}
