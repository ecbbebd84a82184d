import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import { callApi, type RunningServer } from '../support/serve';

const session = useBrowserSession();

async function openBackupScreen(dataDir: string): Promise<{ page: Page; server: RunningServer }> {
  const server = await session.startServer(dataDir);
  const page = await session.openWindow(server);
  await page.getByRole('navigation', { name: 'Chức năng' }).getByText('Sao lưu', { exact: true }).click();
  await page.getByRole('region', { name: 'Sao lưu' }).waitFor();
  return { page, server };
}

async function figure(server: RunningServer, code: string): Promise<unknown> {
  const { body } = await callApi(server, 'values.grid', { period: '2023-H1', withFindings: false });
  const rows = (body as { result: { rows: { code: string; value: number | null }[] } }).result.rows;
  return rows.find((r) => r.code === code)?.value;
}

describe('the Sao lưu screen in the browser', () => {
  it('lists the backup that Sao lưu ngay makes, with its kind and the result', async () => {
    const { page } = await openBackupScreen(makeDataDir());
    await page.getByText('Chưa có lần sao lưu nào.').waitFor();
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    const row = page.locator('tr[data-backup]');
    await row.first().waitFor();
    await expect(row.count()).resolves.toBe(1);
    await expect(row.first().getAttribute('data-backup')).resolves.toMatch(
      /^ChiTieu-So-Cong-Thuong-Tay-Ninh-\d{4}-\d{2}-\d{2}-\d{4}\.db$/,
    );
    await expect(row.first().innerText()).resolves.toContain('thủ công');
    await page.getByText(/Lần sao lưu gần nhất: .*\(Sao lưu ngay\), thành công\./).waitFor();
    await page.close();
  });

  it('restores a listed backup after showing what it holds, and lists the backup that undoes it', async () => {
    const dataDir = makeDataDir();
    const { page, server } = await openBackupScreen(dataDir);
    await callApi(server, 'values.set', { period: '2023-H1', entries: [{ code: 'XNK', value: '2.260' }] });
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.locator('tr[data-backup]').first().waitFor();
    await callApi(server, 'values.set', { period: '2023-H1', entries: [{ code: 'XNK', value: '2.500' }] });

    await page.locator('tr[data-backup]').first().getByRole('button', { name: 'Khôi phục…' }).click();
    const dialog = page.getByRole('dialog');
    const contents = dialog.getByRole('list', { name: 'Bản sao lưu chứa' });
    await contents.waitFor();
    await expect(contents.innerText()).resolves.toMatch(/số liệu: 1; kế hoạch: 0; dòng nhật ký thay đổi: 1/);
    await dialog.getByRole('button', { name: 'Khôi phục' }).click();
    await page.getByText(/Đã khôi phục dữ liệu từ .*ChiTieu-So-Cong-Thuong-.*\.db\./).waitFor();
    await page.getByText(/-truoc-khoi-phuc\.db; khôi phục bản đó/).waitFor();
    await expect(figure(server, 'XNK')).resolves.toBe(2260);
    await page.locator('tr[data-backup$="-truoc-khoi-phuc.db"]').waitFor();
    await expect(page.locator('tr[data-backup$="-truoc-khoi-phuc.db"]').innerText()).resolves.toContain(
      'trước khi khôi phục',
    );
    await page.close();
  });

  it('is refused, over HTTP, a path on the server to back up to or restore from; and stopping the server backs up', async () => {
    const dataDir = makeDataDir();
    const server = await session.startServer(dataDir);
    const toPath = await callApi(server, 'backup.makeToFile', { out: join(dataDir, 'ra-ngoai.db') });
    expect(toPath.status).toBe(403);
    const fromPath = await callApi(server, 'backup.restoreFile', { path: '/etc/passwd' });
    expect(fromPath.status).toBe(403);
    const folder = await callApi(server, 'backup.setFolder', { extraFolder: '/tmp' });
    expect(folder.status).toBe(403);
    expect(readdirSync(dataDir)).not.toContain('ra-ngoai.db');

    await server.stop();
    expect(readdirSync(join(dataDir, 'backups')).filter((n) => n.endsWith('-tu-dong.db'))).toHaveLength(1);
  });
});
