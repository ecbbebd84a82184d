import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import { api, eventually, grid, storedValue, waitForText } from './grid-helpers';
import { printFrameText, spaceless } from './printed-pdf';

const session = useBrowserSession();

/** 10 July 2023, 9 o'clock, the day of seed 000's meeting: the month just ended is June, the half-year's last. */
const tenthOfJuly = new Date(2023, 6, 10, 9, 0);

const entryGrid = (page: Page) => grid(page, /^Số liệu /);

/** Presses Tab, as a clerk does, until the focus is on (or inside) the target; fails rather than loop for ever. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  // Attached, not visible: a radio the app draws over is hidden from view but takes the focus.
  await target.waitFor({ state: 'attached' });
  for (let presses = 0; presses < limit; presses++) {
    const focused = await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
    if (focused) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${limit} presses of Tab did not reach ${target.toString()}`);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** The side menu by keyboard: Tab into it, ↓ to the screen's name (the menu moves its focus a frame later), Enter. */
async function openScreen(page: Page, label: string): Promise<void> {
  const menu = page.getByRole('navigation', { name: 'Chức năng' }).getByRole('menu');
  await tabTo(page, menu);
  for (let presses = 0; presses < 12 && (await focusedText(page)) !== label; presses++) {
    const before = await focusedText(page);
    await page.keyboard.press('ArrowDown');
    await eventually(async () => expect(await focusedText(page)).not.toBe(before), 2000);
  }
  expect(await focusedText(page)).toBe(label);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: label, level: 3 }).waitFor();
}

const activeCell = (page: Page) => entryGrid(page).locator('td.is-active');

/** In the focused grid: Ctrl+Home, ↓ until the indicator's row holds the active cell, then Home (its first column). */
async function arrowToRow(page: Page, code: string): Promise<void> {
  const rowOf = () => activeCell(page).evaluate((td) => td.closest('tr')?.getAttribute('data-row-id') ?? '');
  await page.keyboard.press('Control+Home');
  for (let presses = 0; presses < 200 && (await rowOf()) !== code; presses++) await page.keyboard.press('ArrowDown');
  expect(await rowOf()).toBe(code);
  await page.keyboard.press('Home');
}

/** The page the print button laid out, printed to PDF, and the text of that PDF. */
async function printedPdfText(page: Page, buttonName: string): Promise<string> {
  await tabTo(page, page.getByRole('button', { name: buttonName }));
  await page.keyboard.press('Enter');
  return printFrameText(session.browser, page);
}

/** The row of a sheet whose column B names the indicator, and the column under a heading of rows 9–10. */
function locate(sheet: ExcelJS.Worksheet, name: string, heading: RegExp): ExcelJS.Cell {
  const rows: number[] = [];
  sheet.getColumn(2).eachCell((c, r) => {
    if (c.text.trim() === name) rows.push(r);
  });
  // A set: a heading merged over rows 9 and 10 reads the same from both.
  const found = new Set<number>();
  for (const r of [9, 10])
    sheet.getRow(r).eachCell((c, col) => {
      if (heading.test(c.text.replace(/\s+/g, ' ').trim())) found.add(col);
    });
  const columns = [...found];
  expect(rows, name).toHaveLength(1);
  expect(columns, heading.toString()).toHaveLength(1);
  return sheet.getCell(rows[0] ?? 0, columns[0] ?? 0);
}

const resultOf = (c: ExcelJS.Cell): unknown =>
  typeof c.value === 'object' && c.value !== null && 'result' in c.value ? c.value.result : c.value;

describe('the six-month report of seed 000, by keyboard', () => {
  it('goes from the first run to the printed report of 6 tháng đầu năm 2023 with key presses only, and the PDF and the workbook carry the figures typed and pasted', async () => {
    const server = await session.startServer(makeDataDir(), { firstRun: true });
    const context = await session.browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.clock.setFixedTime(tenthOfJuly);
    await page.goto(server.url);

    // First run: the office's names typed into the dialog, field after field.
    const dialog = page.getByRole('dialog', { name: 'Thông tin đơn vị trước khi nhập số liệu' });
    await dialog.waitFor();
    const typeInto = async (label: string | RegExp, text: string) => {
      await tabTo(page, dialog.getByLabel(label));
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
    };
    await typeInto('Tỉnh (cơ quan chủ quản: UBND tỉnh)', 'Tây Ninh');
    // Địa danh follows Tỉnh, typed letter by letter, until the clerk types a place of their own.
    expect(await dialog.getByLabel('Địa danh ở dòng ngày tháng').inputValue()).toBe('Tây Ninh');
    await typeInto(/^Họ tên của bạn/, 'Nguyễn Thị Lan');
    await typeInto('Người lập biểu', 'Nguyễn Thị Lan');
    await typeInto('Họ tên thủ trưởng', 'Trần Văn Hùng');
    await tabTo(page, dialog.getByRole('button', { name: 'Lưu và bắt đầu' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    // Nhập liệu opens on the month just ended; the half-year is one kind further: Lũy kế, through June.
    await page.getByText('Tháng 6/2023', { exact: true }).first().waitFor();
    const kinds = page.getByRole('radiogroup', { name: 'Loại kỳ' }).first();
    // The arrows act on the chosen option's radio; the group's own frame is a Tab stop of its own before it.
    await tabTo(page, kinds.locator('input:checked'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page
      .locator('.ant-tag', { hasText: /^6 tháng đầu năm 2023$/ })
      .first()
      .waitFor();

    // BLHH typed across: Kế hoạch năm, Thực hiện cùng kỳ năm trước, Thực hiện; Tab goes past computed columns.
    await entryGrid(page).locator('tr[data-row-id="BLHH"]').waitFor();
    await tabTo(page, entryGrid(page));
    await arrowToRow(page, 'BLHH');
    await page.keyboard.press('Tab');
    await expect(activeCell(page).getAttribute('data-column-id')).resolves.toBe('plan');
    await page.keyboard.type('26.899');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12.026,2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('14.659,9');
    await page.keyboard.press('Enter');

    // IIP: this year's index only, as the Cục Thống kê publishes it.
    await arrowToRow(page, 'IIP');
    for (let presses = 0; presses < 5 && (await activeCell(page).getAttribute('data-column-id')) !== 'value'; presses++)
      await page.keyboard.press('Tab');
    await page.keyboard.type('105,79');
    await page.keyboard.press('Enter');

    // XNK's three figures copied from a row of an Excel sheet (what Excel puts on the clipboard), pasted with Ctrl+V.
    await page.evaluate((tsv) => navigator.clipboard.writeText(tsv), '3.798,3\t1.136,2\t2.260\r\n');
    await arrowToRow(page, 'XNK');
    await page.keyboard.press('Tab');
    await expect(activeCell(page).getAttribute('data-column-id')).resolves.toBe('plan');
    await page.keyboard.press('Control+V');
    await waitForText(page.locator('.ant-message'), 'Đã dán 3 ô.');

    await eventually(async () => {
      expect(await storedValue(server, '2023-H1', 'BLHH')).toMatchObject({
        value: 14659.9,
        updatedBy: 'Nguyễn Thị Lan',
      });
      expect((await storedValue(server, '2022-H1', 'BLHH'))?.value).toBe(12026.2);
      expect((await storedValue(server, '2023-H1', 'XNK'))?.value).toBe(2260);
      expect((await storedValue(server, '2022-H1', 'XNK'))?.value).toBe(1136.2);
      expect((await storedValue(server, '2023-H1', 'IIP'))?.value).toBe(105.79);
    });

    // Kiểm tra on the same unit and period: nothing left that would stop the export.
    await openScreen(page, 'Kiểm tra');
    await page.getByText('6 tháng đầu năm 2023', { exact: true }).first().waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Kiểm tra', exact: true }));
    await page.keyboard.press('Enter');
    await waitForText(page.locator('.ant-message'), 'Đã kiểm tra 6 tháng đầu năm 2023:');

    // The report workbook: the Xuất Excel tab, then its button.
    await openScreen(page, 'Nhập/Xuất Excel');
    await tabTo(page, page.getByRole('tab', { name: 'Nhập Excel' }));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Xuất Excel' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Xuất Excel', exact: true }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = join(makeDataDir(), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-2023-H1.*\.xlsx$/);

    // The narrative report, written from the figures, printed on A4.
    await openScreen(page, 'Báo cáo');
    const document = page.getByRole('article', { name: 'Văn bản báo cáo' });
    await document.getByText('6 tháng đầu năm 2023', { exact: false }).first().waitFor();
    const report = await printedPdfText(page, 'In / Lưu PDF báo cáo');
    for (const part of [
      'UBND TỈNH TÂY NINH',
      'SỞ CÔNG THƯƠNG',
      'Tây Ninh, ngày',
      'Tình hình thực hiện các chỉ tiêu ngành Công Thương 6 tháng đầu năm 2023',
      'đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tăng 98,9% so với cùng kỳ năm 2022',
      'đạt 14.659,9 tỷ đồng, đạt 54,5% kế hoạch, tăng 21,9% so với cùng kỳ',
      'Chỉ số sản xuất công nghiệp 6 tháng đầu năm 2023 tăng 5,79% so với cùng kỳ năm 2022',
      'GIÁM ĐỐC',
      'Trần Văn Hùng',
    ]) {
      expect(report, part).toContain(spaceless(part));
    }

    // The workbook as exceljs reads it: the figures and the comparisons' results stored with their formulas.
    const catalog = await api<{ code: string; nameVi: string }[]>(server, 'catalog.list', { includeRetired: false });
    const nameOf = (code: string) => catalog.find((i) => i.code === code)?.nameVi ?? code;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the exported workbook has no sheet');
    const done = /^(Ước t|T)hực hiện 6 tháng đầu năm 2023$/;
    const vsPlan = /^6 tháng đầu năm 2023 so với kế hoạch năm$/;
    const vsSame = /^6 tháng đầu năm 2023 so với cùng kỳ$/;
    expect(resultOf(locate(sheet, nameOf('BLHH'), done))).toBe(14659.9);
    expect(resultOf(locate(sheet, nameOf('BLHH'), vsPlan))).toBe(54.5);
    expect(resultOf(locate(sheet, nameOf('BLHH'), vsSame))).toBe(121.9);
    expect(resultOf(locate(sheet, nameOf('XNK'), done))).toBe(2260);
    expect(resultOf(locate(sheet, nameOf('XNK'), vsPlan))).toBe(59.5);
    expect(resultOf(locate(sheet, nameOf('XNK'), vsSame))).toBe(198.9);
    await context.close();
  });
});
