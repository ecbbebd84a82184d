import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import { enterSeedFigures } from '../support/export-data';
import { apiClientOf, type RunningServer } from '../support/serve';
import { cell, choosePeriod, eventually, goToScreen, grid, scrollToRow, storedValue } from './grid-helpers';
import { printFrameText, spaceless } from './printed-pdf';

const session = useBrowserSession();

/** 7 December 2026, 9 o'clock: the window's clock, so that "the month just ended" does not depend on the day the test runs. */
const seventhOfDecember = new Date(2026, 11, 7, 9, 0);

/** The date line as the backend prints it on the day the test runs: printing is dated by the computer's own clock. */
function printedDateLine(day: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `Tây Ninh, ngày ${two(day.getDate())} tháng ${two(day.getMonth() + 1)} năm ${day.getFullYear()}`;
}

async function openOn(server: RunningServer): Promise<Page> {
  const page = await session.browser.newPage({ locale: 'vi-VN', viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(15_000);
  await page.clock.setFixedTime(seventhOfDecember);
  await page.goto(server.url);
  return page;
}

/** The page the print button laid out, printed to PDF, and the text of that PDF. */
async function printedPdfText(page: Page, buttonName: string): Promise<string> {
  await page.getByRole('button', { name: buttonName }).click();
  return printFrameText(session.browser, page);
}

describe('the first run', () => {
  it('asks for the office, the province, the clerk and the signatories before the first figure, and the change log names that clerk', async () => {
    const server = await session.startServer(makeDataDir(), { firstRun: true });
    const page = await openOn(server);
    const dialog = page.getByRole('dialog', { name: 'Thông tin đơn vị trước khi nhập số liệu' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Tên cơ quan').inputValue()).resolves.toBe('SỞ CÔNG THƯƠNG');
    await dialog.getByLabel('Tỉnh (cơ quan chủ quản: UBND tỉnh)').fill('Tây Ninh');
    await expect(dialog.getByLabel('Địa danh ở dòng ngày tháng').inputValue()).resolves.toBe('Tây Ninh');
    await dialog.getByLabel(/^Họ tên của bạn/).fill('Nguyễn Thị Lan');
    await dialog.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    // What is still missing is named, and nothing is saved half.
    await dialog.getByText('Hãy nhập người lập biểu.').waitFor();
    await expect(apiClientOf(server).call('settings.get', {})).resolves.toMatchObject({ clerkName: '' });
    await dialog.getByLabel('Người lập biểu').fill('Nguyễn Thị Lan');
    await dialog.getByLabel('Họ tên thủ trưởng').fill('Trần Văn Hùng');
    await dialog.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(apiClientOf(server).call('settings.get', {})).resolves.toMatchObject({
      provinceName: 'Tây Ninh',
      placeName: 'Tây Ninh',
      clerkName: 'Nguyễn Thị Lan',
      preparerName: 'Nguyễn Thị Lan',
      headTitle: 'GIÁM ĐỐC',
      headName: 'Trần Văn Hùng',
    });

    // It opens on the month just ended, the one being reported: tháng 11/2026.
    await page.getByText('Tháng 11/2026', { exact: true }).first().waitFor();
    const entry = grid(page, /^Số liệu /);
    await scrollToRow(entry, 'XK');
    await cell(entry, 'XK', 'value').click();
    await page.keyboard.type('61,1');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await storedValue(server, '2026-11', 'XK')).toMatchObject({ value: 61.1, updatedBy: 'Nguyễn Thị Lan' }),
    );

    await page.reload();
    await page.getByText('Tháng 11/2026', { exact: true }).first().waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('points Xuất Excel and Báo cáo to the setup while the office is not named, instead of printing "UBND TỈNH …"', async () => {
    const server = await session.startServer(makeDataDir(), { firstRun: true });
    const page = await openOn(server);
    const dialog = page.getByRole('dialog', { name: 'Thông tin đơn vị trước khi nhập số liệu' });
    await dialog.getByRole('button', { name: 'Để sau' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await goToScreen(page, 'Báo cáo');
    await page
      .getByText(/^Chưa khai tỉnh, địa danh, tên người nhập liệu, người lập biểu, họ tên thủ trưởng: báo cáo Word/)
      .waitFor();
    await page.getByRole('button', { name: 'Khai thông tin đơn vị' }).click();
    await dialog.waitFor();
    await page.close();
  });
});

describe('print and PDF', () => {
  it('prints the narrative report of 6 tháng 2023 on A4 with its official parts and figures, and the entry sheet with its figures', async () => {
    const server = await session.startServer(makeDataDir());
    await enterSeedFigures(apiClientOf(server));
    const page = await openOn(server);
    await goToScreen(page, 'Báo cáo');
    await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
    await page
      .getByRole('article', { name: 'Văn bản báo cáo' })
      .getByText('6 tháng đầu năm 2023', { exact: false })
      .first()
      .waitFor();
    const report = await printedPdfText(page, 'In / Lưu PDF báo cáo');
    for (const part of [
      'UBND TỈNH TÂY NINH',
      'SỞ CÔNG THƯƠNG',
      'Số: /BC-SCT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      printedDateLine(new Date()),
      'BÁO CÁO',
      'Tình hình thực hiện các chỉ tiêu ngành Công Thương 6 tháng đầu năm 2023',
      'đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tăng 98,9% so với cùng kỳ năm 2022',
      'đạt 14.659,9 tỷ đồng, đạt 54,5% kế hoạch, tăng 21,9% so với cùng kỳ',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      'Trần Văn Hùng',
    ]) {
      expect(report, part).toContain(spaceless(part));
    }

    await goToScreen(page, 'Nhập liệu');
    await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
    await scrollToRow(grid(page, /^Số liệu /), 'BLHH');
    const sheet = await printedPdfText(page, 'In / Lưu PDF bảng nhập liệu');
    for (const part of [
      'BẢNG SỐ LIỆU CÁC CHỈ TIÊU NGÀNH CÔNG THƯƠNG',
      'Kỳ báo cáo: 6 tháng đầu năm 2023',
      '14.659,9',
      '2.260,0',
      '26.899',
      '3.798,3',
      '105,79',
      'NGƯỜI LẬP BIỂU',
      'Nguyễn Thị Lan',
    ]) {
      expect(sheet, part).toContain(spaceless(part));
    }
    await page.close();
  });
});
