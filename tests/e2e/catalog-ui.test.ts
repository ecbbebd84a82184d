import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import type { RunningServer } from '../support/serve';

const session = useBrowserSession();

async function openApp(dataDir: string): Promise<{ page: Page; server: RunningServer }> {
  const server = await session.startServer(dataDir);
  const page = await session.browser.newPage({ locale: 'vi-VN' });
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Chức năng' }).getByText('Danh mục chỉ tiêu', { exact: true }).click();
  await page.getByRole('table', { name: 'Cây chỉ tiêu' }).waitFor();
  return { page, server };
}

describe('the ChiTieu window in the browser', () => {
  it('shows the Vietnamese shell with every screen and the catalog tree', async () => {
    const { page } = await openApp(makeDataDir());
    const nav = page.getByRole('navigation', { name: 'Chức năng' });
    for (const label of [
      'Nhập liệu',
      'Kế hoạch',
      'Kiểm tra',
      'Nhập/Xuất Excel',
      'Báo cáo',
      'Danh mục chỉ tiêu',
      'Đơn vị báo cáo',
      'Cài đặt',
    ]) {
      await expect(nav.getByText(label, { exact: true }).isVisible()).resolves.toBe(true);
    }
    const tree = page.getByRole('table', { name: 'Cây chỉ tiêu' });
    await expect(tree.locator('tbody tr').count()).resolves.toBe(38);
    const xk = tree.locator('tr[data-code="XK"]');
    await expect(xk.innerText()).resolves.toMatch(/1\s+Kim ngạch xuất khẩu\s+triệu USD/);
    await expect(tree.locator('tr[data-code="XNK"]').getAttribute('class')).resolves.toContain('is-parent');
    await page.close();
  });

  it('finds indicators typed without diacritics', async () => {
    const { page } = await openApp(makeDataDir());
    await page.getByPlaceholder('Tìm theo tên hoặc mã').fill('ban le');
    const rows = page.getByRole('table', { name: 'Cây chỉ tiêu' }).locator('tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.first().innerText()).resolves.toContain('Tổng mức bán lẻ hàng hóa');
    await page.close();
  });

  it('keeps an indicator added in the UI after the server restarts', async () => {
    const dataDir = makeDataDir();
    const { page, server } = await openApp(dataDir);
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mã chỉ tiêu').fill('xk_gao_gt');
    await dialog.getByLabel('Tên chỉ tiêu').fill('Gạo');
    await dialog.getByLabel('Thuộc chỉ tiêu').fill('Kim ngach xuat khau');
    await page.locator('.ant-select-item-option[title^="1. Kim ngạch xuất khẩu"]').click();
    await dialog.getByLabel('STT').fill('1.4');
    await dialog.getByLabel('Đơn vị tính').fill('triệu USD');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm chỉ tiêu XK_GAO_GT.').waitFor();
    await page.close();
    await server.stop();

    const restarted = await openApp(dataDir);
    const row = restarted.page.locator('tr[data-code="XK_GAO_GT"]');
    await expect(row.innerText()).resolves.toMatch(/1\.4\s+Gạo\s+triệu USD/);
    await restarted.page.close();
  });

  it('says in Vietnamese why an indicator cannot be added twice', async () => {
    const { page } = await openApp(makeDataDir());
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mã chỉ tiêu').fill('XNK');
    await dialog.getByLabel('Tên chỉ tiêu').fill('Trùng mã');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Mã chỉ tiêu XNK đã có trong danh mục.').waitFor();
    await page.close();
  });

  it('retires an indicator and shows it again on request', async () => {
    const { page } = await openApp(makeDataDir());
    await page.locator('tr[data-code="SPCN_MUOI"]').getByRole('button', { name: 'Ngừng dùng' }).click();
    await page.getByText('Đã ngừng dùng SPCN_MUOI.').waitFor();
    await expect(page.locator('tr[data-code="SPCN_MUOI"]').count()).resolves.toBe(0);
    await page.getByText('Hiện chỉ tiêu đã ngừng dùng').click();
    await expect(page.locator('tr[data-code="SPCN_MUOI"]').getAttribute('class')).resolves.toContain('is-retired');
    await page.close();
  });

  it('adds a reporting unit that persists', async () => {
    const dataDir = makeDataDir();
    const { page } = await openApp(dataDir);
    await page.getByRole('navigation', { name: 'Chức năng' }).getByText('Đơn vị báo cáo').click();
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mã đơn vị').fill('CK_XAMAT');
    await dialog.getByLabel('Tên đơn vị').fill('Cửa khẩu Xa Mát');
    await dialog.getByLabel('Loại đơn vị').click();
    await page.locator('.ant-select-item-option[title="Cửa khẩu"]').click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu đơn vị Cửa khẩu Xa Mát.').waitFor();
    await page.reload();
    await page.getByText('Cửa khẩu Xa Mát').waitFor();
    await page.close();
  });
});
