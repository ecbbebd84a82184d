import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import type { RunningServer } from '../support/serve';
import {
  api,
  cell,
  choosePeriod,
  chooseYear,
  eventually,
  goToScreen,
  grid,
  pasteInto,
  scrollToRow,
  storedValue,
  waitForText,
} from './grid-helpers';

const session = useBrowserSession();
const entryGrid = (page: Page) => grid(page, /^Số liệu /);

async function openFirstHalf2023(): Promise<{ page: Page; server: RunningServer }> {
  const server = await session.startServer(makeDataDir());
  const page = await session.openWindow(server);
  await entryGrid(page).locator('tr[data-row-id="BLHH"]').waitFor();
  await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
  await page.getByText('6 tháng đầu năm 2023', { exact: true }).first().waitFor();
  return { page, server };
}

async function planOf(server: RunningServer, year: number, code: string): Promise<number | null> {
  const result = await api<{ rows: { code: string; giao: number | null }[] }>(server, 'plans.grid', { year });
  return result.rows.find((r) => r.code === code)?.giao ?? null;
}

async function typeAt(page: Page, code: string, columnId: string, text: string): Promise<void> {
  await scrollToRow(entryGrid(page), code);
  await cell(entryGrid(page), code, columnId).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

const activeColumn = (page: Page) => entryGrid(page).locator('td.is-active').getAttribute('data-column-id');

describe('the columns of the report in Nhập liệu', () => {
  it('takes Kế hoạch năm and last year’s figure typed in the grid, and Kế hoạch and last year’s grid show them', async () => {
    const { page, server } = await openFirstHalf2023();
    await typeAt(page, 'BLHH', 'plan', '26.899');
    await typeAt(page, 'BLHH', 'samePeriod', '12.026,2');
    await eventually(async () => {
      expect(await planOf(server, 2023, 'BLHH')).toBe(26899);
      expect((await storedValue(server, '2022-H1', 'BLHH'))?.value).toBe(12026.2);
    });
    await typeAt(page, 'BLHH', 'value', '14.659,9');
    await waitForText(cell(entryGrid(page), 'BLHH', 'pctOfPlan'), '54,5');
    await expect(cell(entryGrid(page), 'BLHH', 'pctOfSamePeriod').innerText()).resolves.toBe('121,9');

    await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2022);
    await scrollToRow(entryGrid(page), 'BLHH');
    await waitForText(cell(entryGrid(page), 'BLHH', 'value'), '12.026,2');

    await goToScreen(page, 'Kế hoạch');
    await chooseYear(page.getByLabel('Năm kế hoạch'), 2023);
    const plans = grid(page, 'Kế hoạch năm 2023');
    await scrollToRow(plans, 'BLHH');
    await waitForText(cell(plans, 'BLHH', 'giao'), '26.899');
    await page.close();
  });

  it('fills a 3×2 block pasted from Excel into the columns taking input, skipping the computed one, as one change', async () => {
    const { page, server } = await openFirstHalf2023();
    const g = entryGrid(page);
    await scrollToRow(g, 'XNK');
    await cell(g, 'XNK', 'samePeriod').click();
    // As Excel puts it on the clipboard: rows ended by CR LF, cells by tabs, Vietnamese numbers.
    await pasteInto(g, '1.136,2\t2.260\r\n500\t1.000\r\n0,1\t0,25\r\n');
    const expected = { XNK: [1136.2, 2260], XK: [500, 1000], XK_DIEU_L: [0.1, 0.25] };
    await eventually(async () => {
      for (const [code, [lastYear, thisYear]] of Object.entries(expected)) {
        expect((await storedValue(server, '2022-H1', code))?.value).toBe(lastYear);
        expect((await storedValue(server, '2023-H1', code))?.value).toBe(thisYear);
      }
    });
    await waitForText(page.locator('.ant-message'), 'Đã dán 6 ô.');
    await expect(cell(g, 'XNK', 'previous').innerText()).resolves.toBe('');

    await page.keyboard.press('Control+z');
    await eventually(async () => {
      for (const code of Object.keys(expected)) {
        expect((await storedValue(server, '2022-H1', code))?.value).toBeNull();
        expect((await storedValue(server, '2023-H1', code))?.value).toBeNull();
      }
    });
    await page.close();
  });

  it('refuses a block wider than the columns taking input, saying which cell would be lost, and stores none of it', async () => {
    const { page, server } = await openFirstHalf2023();
    const g = entryGrid(page);
    await scrollToRow(g, 'XNK');
    await cell(g, 'XNK', 'samePeriod').click();
    await pasteInto(g, '1.136,2\t2.260\t99\n');
    await page.getByText('Không dán: 1 ô không ghi được. Chưa lưu ô nào.').waitFor();
    await page
      .getByText('Ô dòng 1, cột 3 của khối dán (“99”): Khối dán rộng hơn bảng: từ ô đã chọn chỉ còn 2 cột nhập được.')
      .waitFor();
    await page.waitForTimeout(300);
    await expect(storedValue(server, '2022-H1', 'XNK')).resolves.toMatchObject({ value: null });
    await page.close();
  });

  it('moves with Tab and Shift+Tab between the cells taking input only', async () => {
    const { page } = await openFirstHalf2023();
    await scrollToRow(entryGrid(page), 'BLHH');
    await cell(entryGrid(page), 'BLHH', 'plan').click();
    await page.keyboard.press('Tab');
    await expect(activeColumn(page)).resolves.toBe('samePeriod');
    await page.keyboard.press('Tab');
    await expect(activeColumn(page)).resolves.toBe('value');
    await page.keyboard.press('Shift+Tab');
    await expect(activeColumn(page)).resolves.toBe('samePeriod');
    // Typing and Tab save and go on past the computed column, as in a protected Excel sheet.
    await page.keyboard.type('12.026,2');
    await page.keyboard.press('Tab');
    await expect(activeColumn(page)).resolves.toBe('value');
    await page.close();
  });

  it('says why a cell takes no figure: what a column is computed from, a group row, a closed period', async () => {
    const { page, server } = await openFirstHalf2023();
    const g = entryGrid(page);
    await scrollToRow(g, 'XNK');
    await cell(g, 'XNK', 'pctOfSamePeriod').click();
    await page.keyboard.type('5');
    await page
      .getByText(
        /cột “Kỳ này so với cùng kỳ \(%\)”: Cột “So với cùng kỳ” tính tự động: “.*” chia “Thực hiện cùng kỳ năm trước”, nhân 100\./,
      )
      .waitFor();

    const group = g.locator('tbody tr.is-group').first();
    const groupName = await group.locator('td[data-column-id="nameVi"]').innerText();
    await group.locator('td[data-column-id="value"]').click();
    await page.keyboard.type('5');
    await page
      .getByText(`“${groupName}” là dòng nhóm (tiêu đề): không có số liệu riêng, số liệu nhập ở các dòng con.`, {
        exact: false,
      })
      .first()
      .waitFor();

    await api(server, 'periods.submit', { period: '2022-H1' });
    await api(server, 'periods.approve', { period: '2022-H1' });
    await page.reload();
    await scrollToRow(entryGrid(page), 'XNK');
    await cell(entryGrid(page), 'XNK', 'samePeriod').click();
    await page.keyboard.type('5');
    await page.getByText(/Không ghi được: 6 tháng đầu năm 2022 của Toàn tỉnh đã được duyệt lúc/).waitFor();
    await expect(cell(entryGrid(page), 'XNK', 'samePeriod').getByRole('textbox').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows for 6 tháng one figure and one comparison with last year, not a cumulative equal to it', async () => {
    const { page } = await openFirstHalf2023();
    const headers = (await entryGrid(page).getByRole('columnheader').allInnerTexts()).map((h) =>
      h.replace(/\s+/g, ' '),
    );
    for (const gone of ['Lũy kế từ đầu năm', 'Lũy kế cùng kỳ', 'Lũy kế so với cùng kỳ'])
      expect(headers.some((h) => h.startsWith(gone))).toBe(false);
    for (const shown of ['Kế hoạch năm', 'Thực hiện cùng kỳ năm trước', 'So với cùng kỳ', 'So với KH năm'])
      expect(headers.some((h) => h.startsWith(shown))).toBe(true);
    await choosePeriod(page, 'Tháng', 'Tháng 6', 2023);
    await page.getByText('Tháng 6/2023', { exact: true }).first().waitFor();
    await eventually(async () => {
      const monthly = (await entryGrid(page).getByRole('columnheader').allInnerTexts()).map((h) =>
        h.replace(/\s+/g, ' '),
      );
      expect(monthly.some((h) => h.startsWith('Lũy kế từ đầu năm'))).toBe(true);
    });
    await page.close();
  });

  it('shows at least twenty whole rows at 1366×768, with the names wide enough to read', async () => {
    const { page } = await openFirstHalf2023();
    const g = entryGrid(page);
    const seen = await g.evaluate((el) => {
      const view = el.getBoundingClientRect();
      const head = el.querySelector('thead')?.getBoundingClientRect().bottom ?? view.top;
      const rows = [...el.querySelectorAll('tbody tr[data-row-id]')].filter((r) => {
        const box = r.getBoundingClientRect();
        return box.top >= head - 1 && box.bottom <= view.bottom + 1;
      });
      const name = el.querySelector('td[data-column-id="nameVi"]')?.getBoundingClientRect().width ?? 0;
      return { rows: rows.length, name, window: [window.innerWidth, window.innerHeight] };
    });
    expect(seen.window).toEqual([1366, 768]);
    expect(seen.rows).toBeGreaterThanOrEqual(20);
    expect(seen.name).toBeGreaterThanOrEqual(300);
    await expect(cell(g, 'IIP', 'nameVi').locator('.grid-name').getAttribute('title')).resolves.toMatch(
      /^Chỉ số sản xuất công nghiệp/,
    );
    await page.close();
  });
});
