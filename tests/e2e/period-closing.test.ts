import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import { api, cell, choosePeriod, eventually, grid, scrollToRow, storedValue } from './grid-helpers';

const session = useBrowserSession();
const clerk = 'Nguyễn Thị Lan';
const entryGrid = (page: Page) => grid(page, /^Số liệu /);
const stateBar = (page: Page) => page.getByLabel('Tình trạng kỳ báo cáo');

async function confirmStep(page: Page, label: string): Promise<void> {
  await stateBar(page).getByRole('button', { name: label, exact: true }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: label, exact: true }).click();
}

describe('closing a period from the Nhập liệu toolbar', () => {
  it('sends, approves and closes 6 tháng 2023, then refuses a typed figure naming the period and who closed it, until reopened with a reason', async () => {
    const server = await session.startServer(makeDataDir());
    await api(server, 'settings.set', { clerkName: clerk });
    const page = await session.openWindow(server);
    await entryGrid(page).locator('tr[data-row-id="BLHH"]').waitFor();
    await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
    await page.getByText('6 tháng đầu năm 2023', { exact: true }).first().waitFor();
    await stateBar(page).getByText('Đang nhập', { exact: true }).waitFor();

    await stateBar(page).getByRole('button', { name: 'Gửi', exact: true }).click();
    await stateBar(page)
      .getByText(/^Đã gửi lúc .* bởi Nguyễn Thị Lan$/)
      .waitFor();
    await confirmStep(page, 'Duyệt');
    await stateBar(page)
      .getByText(/^Đã duyệt lúc /)
      .waitFor();
    await confirmStep(page, 'Khóa sổ');
    await stateBar(page)
      .getByText(/^Đã khóa sổ lúc \d\d:\d\d \d\d\/\d\d\/\d{4} bởi Nguyễn Thị Lan$/)
      .waitFor();

    await scrollToRow(entryGrid(page), 'BLHH');
    await cell(entryGrid(page), 'BLHH', 'value').click();
    await page.keyboard.type('14.659,9');
    await page.keyboard.press('Enter');
    await page
      .getByText(/Không ghi được: 6 tháng đầu năm 2023 của Toàn tỉnh đã khóa sổ lúc .* bởi Nguyễn Thị Lan\./)
      .first()
      .waitFor();
    await expect(storedValue(server, '2023-H1', 'BLHH')).resolves.toMatchObject({ value: null });

    await stateBar(page).getByRole('button', { name: 'Mở khóa', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Mở khóa 6 tháng đầu năm 2023' });
    await expect(dialog.getByRole('button', { name: 'Mở khóa' }).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Lý do mở khóa').fill('Cục Thống kê gửi lại số bán lẻ');
    await dialog.getByRole('button', { name: 'Mở khóa' }).click();
    await stateBar(page).getByText('Đang nhập', { exact: true }).waitFor();
    await eventually(async () => {
      const status = await api<{ log: { to: string; note: string | null; who: string }[] }>(server, 'periods.status', {
        period: '2023-H1',
      });
      expect(status.log.at(-1)).toEqual(
        expect.objectContaining({ to: 'entry', note: 'Cục Thống kê gửi lại số bán lẻ', who: clerk }),
      );
    });
    await page.close();
  });
});
