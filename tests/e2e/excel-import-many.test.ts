import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import { writeWorkbook } from '../support/workbooks';
import type { RunningServer } from '../support/serve';
import { api, goToScreen, grid, waitForText } from './grid-helpers';

const session = useBrowserSession();

/** More communes than the old cap of 50 files, about as many as a province has had since 2025. */
const communeCount = 120;

const panel = (page: Page) => page.getByRole('region', { name: 'Nhập Excel' });

async function retailOf(server: RunningServer, unitId: number | undefined): Promise<number | null | undefined> {
  const figures = await api<{ rows: { code: string; value: number | null }[] }>(server, 'values.grid', {
    period: '2023-05',
    unitId,
  });
  return figures.rows.find((r) => r.code === 'BLHH')?.value;
}

describe('Nhập Excel, a province of communes at once', () => {
  // Making 120 units and workbooks and reading them takes about as long as the other tests of the panel together.
  it(
    'takes 120 commune workbooks chosen together through the browser door and writes each under its commune in one import',
    { timeout: 180_000 },
    async () => {
      const server = await session.startServer(makeDataDir());
      const dir = makeDataDir();
      const files: string[] = [];
      const unitIds: number[] = [];
      for (let i = 1; i <= communeCount; i++) {
        const name = `Xã Số ${i}`;
        unitIds.push(
          (await api<{ id: number }>(server, 'units.create', { code: `XA_${i}`, name, kind: 'commune' })).id,
        );
        const rows = [
          [`Đơn vị báo cáo: ${name}`],
          ['BÁO CÁO THÁNG 5 NĂM 2023'],
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          [1, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'Triệu đồng', 10_000 + i * 100],
        ];
        files.push(await writeWorkbook(join(dir, `xa-${i}.xlsx`), [{ name: 'BC', rows }]));
      }
      const page = await session.openWindow(server);
      await grid(page, /^Số liệu /)
        .locator('tr[data-row-id="BLHH"]')
        .waitFor();

      await goToScreen(page, 'Nhập/Xuất Excel');
      await panel(page).locator('input[type=file]').setInputFiles(files);
      const commit = panel(page)
        .locator('.import-commit-bar')
        .getByRole('button', { name: `Nhập ${communeCount} số liệu` });
      await commit.waitFor({ timeout: 45_000 });
      // With so many files, a card shows its sheets on request: all hundred and twenty drawn at once froze the window.
      const first = panel(page).locator('.import-file-card[data-file="xa-1.xlsx"]');
      expect(await first.innerText()).toContain('Đơn vị báo cáo:');
      await first.getByRole('button', { name: 'Xem từng trang tính (1 trang)' }).click();
      await first.getByRole('tab', { name: 'BC' }).waitFor();
      await commit.click();
      await waitForText(panel(page).getByRole('status'), `Đã nhập ${communeCount} số liệu từ ${communeCount} tệp.`);

      expect(await retailOf(server, unitIds[0])).toBe(10.1);
      expect(await retailOf(server, unitIds[communeCount - 1])).toBe(22);
      const history = await api<{ files: { unitName: string }[] }[]>(server, 'import.history', {});
      expect(history).toHaveLength(1);
      expect(history[0]?.files).toHaveLength(communeCount);
      await page.close();
    },
  );
});
