import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { screens, type ScreenKey } from '../../renderer/app/screens';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import { enterKeyProducts, enterSeedFigures } from '../support/export-data';
import { apiClientOf } from '../support/serve';
import { enterSeedWithParts, plantedFaults } from '../support/validation-figures';
import { fillWorkbook, monthlyFiller, monthlyLayout, sampleFiles } from '../support/workbooks';
import { choosePeriod, chooseYear, goToScreen, grid } from '../e2e/grid-helpers';

/**
 * The README's pictures of each screen at 1366×768, the office screen the issue names, with seed 000's figures
 * (6 tháng 2023: its parts, its thirteen key products, and the traps of real workbooks that Kiểm tra finds) in
 * place. Run by `npm run screenshots`, never by `npm test`: it writes into docs/.
 */
const session = useBrowserSession();
const folder = join(import.meta.dirname, '..', '..', 'docs', 'screens');
const picture = (name: string) => join(folder, `${name}.png`);

/** The province before and after the 2025 merger, as Đơn vị báo cáo keeps it, and a border gate. */
async function enterUnits(api: ApiClient): Promise<void> {
  const province = (await api.call('units.list', {})).find((u) => u.kind === 'province');
  if (!province) throw new Error('a new data directory has its province unit');
  const longAn = await api.call('units.create', {
    code: '80',
    name: 'Tỉnh Long An',
    kind: 'province',
    validTo: '2025-06-30',
  });
  const oldTayNinh = await api.call('units.create', {
    code: '72',
    name: 'Tỉnh Tây Ninh (trước sáp nhập)',
    kind: 'province',
    validTo: '2025-06-30',
  });
  await api.call('units.update', {
    id: province.id,
    patch: { validFrom: '2025-07-01', predecessorIds: [longAn.id, oldTayNinh.id] },
  });
  await api.call('units.create', {
    code: '25123',
    name: 'Phường Tân Ninh',
    kind: 'commune',
    parentId: province.id,
    validFrom: '2025-07-01',
  });
  await api.call('units.create', {
    code: 'CK_XAMAT',
    name: 'Cửa khẩu Xa Mát',
    kind: 'border_gate',
    parentId: province.id,
  });
}

/** What each screen is left showing before its picture, beyond opening it. */
const setUp: Partial<Record<ScreenKey, (page: Page) => Promise<void>>> = {
  'nhap-lieu': (page) => choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023),
  'ke-hoach': (page) => chooseYear(page.getByLabel('Năm kế hoạch'), 2023),
  'kiem-tra': async (page) => {
    await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  },
  excel: async (page) => {
    // January's workbook of the statistics office, filled, read into the preview; nothing is written.
    const workbook = await fillWorkbook(
      sampleFiles.thang01,
      join(makeDataDir(), 'bpc-thang-01.xlsx'),
      monthlyLayout,
      monthlyFiller(),
    );
    const panel = page.getByRole('region', { name: 'Nhập Excel' });
    await panel.getByRole('button', { name: 'Chọn kỳ chung…' }).click();
    await choosePeriod(page, 'Tháng', 'Tháng 1', 2023);
    await page
      .locator('.ant-popover:visible')
      .getByRole('button', { name: 'Dùng kỳ này cho các tệp không ghi kỳ' })
      .click();
    await panel.locator('input[type=file]').setInputFiles([workbook]);
    await panel.locator('.import-file-card[data-file="bpc-thang-01.xlsx"]').waitFor();
    await panel.getByRole('button', { name: /^Nhập \d+ số liệu$/ }).waitFor();
  },
  'bao-cao': (page) => choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023),
  'sao-luu': async (page) => {
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.locator('.ant-table-row').first().waitFor();
  },
};

/** Seed 000 as the office keeps it, with the faults of real workbooks written over it for Kiểm tra to find. */
async function enterFigures(api: ApiClient): Promise<void> {
  await enterSeedWithParts(api);
  await enterSeedFigures(api);
  await enterKeyProducts(api);
  for (const { period, entries } of plantedFaults) await api.call('values.set', { period, entries: [...entries] });
  await enterUnits(api);
}

async function settle(page: Page): Promise<void> {
  // The pointer left on the last button clicked would draw it hovered.
  await page.mouse.move(0, page.viewportSize()?.height ?? 0);
  await page.waitForLoadState('networkidle');
  // A confirmation toast would cover the screen's header.
  await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 10_000 });
  // Charts and the grid's virtual rows draw after the data arrives.
  await page.waitForTimeout(500);
}

it('takes a picture of every screen', { timeout: 240_000 }, async () => {
  mkdirSync(folder, { recursive: true });
  const server = await session.startServer(makeDataDir());
  const api = apiClientOf(server);
  await enterFigures(api);
  const page = await session.openWindow(server);
  await grid(page, /^Số liệu /).waitFor();
  for (const screen of screens) {
    await goToScreen(page, screen.label);
    await setUp[screen.key]?.(page);
    await settle(page);
    await page.screenshot({ path: picture(screen.key) });
  }
  // Nhập/Xuất Excel's second tab: the export of 6 tháng 2023, refused while Kiểm tra's errors stand.
  await goToScreen(page, 'Nhập/Xuất Excel');
  await page.getByRole('tab', { name: 'Xuất Excel' }).click();
  const exportPanel = page.getByRole('region', { name: 'Xuất Excel' });
  await exportPanel.getByRole('button', { name: 'Xuất Excel', exact: true }).click();
  await exportPanel.locator('.export-refusal').waitFor();
  await settle(page);
  await page.screenshot({ path: picture('excel-xuat') });
});

it('takes a picture of the first-run dialog', { timeout: 60_000 }, async () => {
  mkdirSync(folder, { recursive: true });
  const server = await session.startServer(makeDataDir(), { firstRun: true });
  const page = await session.openWindow(server);
  await page.getByRole('dialog', { name: 'Thông tin đơn vị trước khi nhập số liệu' }).waitFor();
  await settle(page);
  await page.screenshot({ path: picture('lan-dau') });
});
