import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import { enterSeedFigures } from '../support/export-data';
import { apiClientOf, type RunningServer } from '../support/serve';
import { api, cell, choosePeriod, eventually, goToScreen, grid } from './grid-helpers';

const session = useBrowserSession();
let context: BrowserContext | null = null;

// Registered after the session's hooks, so it runs before them: the page goes before its server.
afterEach(async () => {
  await context?.close();
  context = null;
});

const xnkSentence = 'đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tăng 98,9% so với cùng kỳ năm 2022';
const blhhSentence = 'đạt 14.659,9 tỷ đồng, đạt 54,5% kế hoạch, tăng 21,9% so với cùng kỳ';

/** Seed 000's figures (6 tháng 2023, its plans and 6 tháng 2022), entered through the running app's own API. */
async function enterSeed(s: RunningServer): Promise<void> {
  await enterSeedFigures(apiClientOf(s));
}

async function openApp(prepare: (s: RunningServer) => Promise<void>): Promise<Page> {
  const server = await session.startServer(makeDataDir());
  await prepare(server);
  context = await session.browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(server.url);
  await grid(page, /^Số liệu /)
    .locator('tr[data-row-id="BLHH"]')
    .waitFor();
  return page;
}

/** Báo cáo on the first half of 2023, chosen as a clerk does. */
async function openReport(page: Page): Promise<Locator> {
  await goToScreen(page, 'Báo cáo');
  await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
  const document = page.getByRole('article', { name: 'Văn bản báo cáo' });
  await document.getByText('6 tháng đầu năm 2023', { exact: false }).first().waitFor();
  return document;
}

/** Clicks a button and returns the download it starts, saved where the test can read it. */
async function downloadBy(page: Page, button: Locator): Promise<{ download: Download; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = join(makeDataDir(), download.suggestedFilename());
  await download.saveAs(file);
  return { download, file };
}

/** The words of a .docx as Word shows them: Python's zipfile over word/document.xml, tags removed. */
function docxText(file: string): string {
  const script = [
    'import re, sys, zipfile',
    'xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8")',
    'xml = re.sub(r"</w:p>", "\\n", xml)',
    'sys.stdout.write(re.sub(r"<[^>]+>", "", xml))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 could not read ${file}: ${result.stderr}`);
  return result.stdout;
}

/** How many pixels of the chart's canvas hold something drawn; an empty canvas has none. */
function drawnPixels(chart: Locator): Promise<number> {
  return chart
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn++;
      return drawn;
    });
}

/** Width and height from a PNG's header, after checking its signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('Báo cáo', () => {
  it("writes seed 000's sentences from the figures, copies the text and downloads the same report as Word", async () => {
    const page = await openApp(enterSeed);
    const document = await openReport(page);

    await expect(document.textContent()).resolves.toContain(xnkSentence);
    await expect(document.textContent()).resolves.toContain(blhhSentence);
    await expect(document.textContent()).resolves.toContain(
      'Chỉ số sản xuất công nghiệp 6 tháng đầu năm 2023 tăng 5,79% so với cùng kỳ năm 2022.',
    );
    await expect(document.getByRole('heading', { name: 'Xuất nhập khẩu' }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Sao chép văn bản' }).click();
    await page.getByText('Đã sao chép văn bản báo cáo').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(xnkSentence);
    expect(copied).toContain(blhhSentence);

    const { download, file } = await downloadBy(page, page.getByRole('button', { name: 'Tải tệp Word (.docx)' }));
    expect(download.suggestedFilename()).toMatch(/^bao-cao-2023-H1.*\.docx$/);
    const words = docxText(file);
    expect(words).toContain(xnkSentence);
    expect(words).toContain(blhhSentence);
  });

  it('lists the findings left open at the end, with a link to Kiểm tra for the same unit and period', async () => {
    const page = await openApp(async (s) => {
      await enterSeed(s);
      // XK and NK are empty while XNK has a figure: Kiểm tra warns about both.
      await api(s, 'values.set', {
        period: '2022-H1',
        entries: [
          { code: 'XK', value: 600 },
          { code: 'NK', value: '536,2' },
        ],
      });
    });
    await openReport(page);
    const findings = page.getByRole('region', { name: 'Phát hiện chưa xử lý' });
    await expect(findings.locator('li').count()).resolves.toBeGreaterThan(0);
    await expect(findings.textContent()).resolves.toContain('Kim ngạch xuất khẩu');

    await findings.getByRole('link', { name: 'Mở Kiểm tra cho kỳ này' }).click();
    await page.getByRole('region', { name: 'Kiểm tra' }).waitFor();
    expect(page.url()).toMatch(/#\/kiem-tra\?dv=\d+&ky=2023-H1$/);
  });

  it('draws the share of plan per group and the months of an indicator, and each downloads as a PNG', async () => {
    const page = await openApp(async (s) => {
      await enterSeed(s);
      for (const [month, xk, nk] of [
        ['01', 180, 150],
        ['02', 190, 160],
        ['03', 210, 170],
      ] as const) {
        await api(s, 'values.set', {
          period: `2023-${month}`,
          entries: [
            { code: 'XK', value: xk },
            { code: 'NK', value: nk },
          ],
        });
      }
    });
    await openReport(page);

    const shares = page.getByRole('figure', { name: 'Biểu đồ tỷ lệ thực hiện kế hoạch 6 tháng đầu năm 2023' });
    await eventually(async () => expect(await drawnPixels(shares)).toBeGreaterThan(2000));
    const sharesPng = await downloadBy(page, shares.getByRole('button', { name: 'Tải ảnh PNG' }));
    expect(sharesPng.download.suggestedFilename()).toBe('ty-le-ke-hoach-2023-H1.png');
    const drawnWidth = await shares
      .locator('canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => c.clientWidth);
    // Drawn at twice the screen's size, to stay sharp when printed.
    expect(pngSize(sharesPng.file).width).toBe(drawnWidth * 2);

    await page.getByLabel('Chỉ tiêu của biểu đồ').click();
    await page.locator('.ant-select-item-option[title^="V. Tổng kim ngạch xuất nhập khẩu"]').click();
    const months = page.getByRole('figure', { name: 'Biểu đồ Tổng kim ngạch xuất nhập khẩu hàng hóa năm 2023' });
    await eventually(async () => expect(await drawnPixels(months)).toBeGreaterThan(2000));
    const monthsPng = await downloadBy(page, months.getByRole('button', { name: 'Tải ảnh PNG' }));
    expect(monthsPng.download.suggestedFilename()).toBe('bieu-do-XNK-2023.png');
    expect(pngSize(monthsPng.file).height).toBeGreaterThan(500);
  });

  it('refuses a phrase template with an unknown placeholder in Vietnamese, and a saved one rewrites the report', async () => {
    const page = await openApp(enterSeed);
    const document = await openReport(page);
    await page.getByRole('tab', { name: 'Mẫu câu' }).click();

    const field = page.getByLabel('Mẫu câu: Tổng kim ngạch xuất nhập khẩu');
    await field.fill('Kim ngạch XNK {ky} đạt {giatri} {donvi} ({tyLe}).');
    await page.locator('[data-template-key="xuat-nhap-khau"]').getByRole('button', { name: 'Lưu mẫu câu' }).click();
    await page.getByText('Mẫu câu có chỗ điền không biết: {tyLe}.', { exact: false }).waitFor();

    await field.fill('Kim ngạch XNK {ky} đạt {giatri} {donvi}[, bằng {pctKeHoach}% kế hoạch năm].');
    await page.locator('[data-template-key="xuat-nhap-khau"]').getByRole('button', { name: 'Lưu mẫu câu' }).click();
    await page.getByText('Đã lưu mẫu câu "Tổng kim ngạch xuất nhập khẩu".').waitFor();

    await page.getByRole('tab', { name: 'Báo cáo và biểu đồ' }).click();
    await eventually(async () =>
      expect(await document.textContent()).toContain(
        'Kim ngạch XNK 6 tháng đầu năm 2023 đạt 2.260 triệu USD, bằng 59,5% kế hoạch năm.',
      ),
    );
  });
});

describe('the chart in Nhập liệu', () => {
  it("shows the selected indicator's months against last year's in the detail panel, on request", async () => {
    const page = await openApp(async (s) => {
      await api(s, 'values.set', { period: '2023-01', entries: [{ code: 'BLHH', value: '2.400' }] });
      await api(s, 'values.set', { period: '2022-01', entries: [{ code: 'BLHH', value: '2.000' }] });
    });
    await choosePeriod(page, 'Tháng', 'Tháng 1', 2023);
    await cell(grid(page, /^Số liệu /), 'BLHH', 'value').click();
    const panel = page.getByRole('complementary', { name: 'Chi tiết số liệu' });
    await panel.getByRole('button', { name: 'Xem biểu đồ các tháng' }).click();
    const chart = panel.getByRole('figure', {
      name: 'Biểu đồ Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng năm 2023',
    });
    await eventually(async () => expect(await drawnPixels(chart)).toBeGreaterThan(2000));
    await panel.getByRole('button', { name: 'Ẩn biểu đồ' }).click();
    await expect(chart.count()).resolves.toBe(0);
  });
});
