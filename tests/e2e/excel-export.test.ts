import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import { officeSettings } from '../support/export-data';
import { findText, partHashes, readWithPython, type PySheet } from '../support/python-xlsx';
import type { RunningServer } from '../support/serve';
import { sampleFiles } from '../support/workbooks';
import {
  api,
  cell,
  choosePeriod,
  chooseYear,
  eventually,
  goToScreen,
  grid,
  scrollToRow,
  storedValue,
} from './grid-helpers';

const session = useBrowserSession();

const entryGrid = (page: Page) => grid(page, /^Số liệu /);

/** The office's names, the 2023 plans and the first half of 2022 (seed 000 and 002); 2023 is keyed in the test. */
async function enterOfficeAndLastYear(s: RunningServer): Promise<void> {
  await api(s, 'settings.set', officeSettings);
  await api(s, 'plans.set', {
    year: 2023,
    entries: [
      { code: 'XNK', level: 'giao', value: '3.798,3' },
      { code: 'BLHH', level: 'giao', value: '26.899' },
    ],
  });
  await api(s, 'values.set', {
    period: '2022-H1',
    entries: [
      { code: 'XNK', value: '1.136,2' },
      { code: 'BLHH', value: '12.026,2' },
    ],
  });
}

async function openApp(prepare: (s: RunningServer) => Promise<void>): Promise<{ page: Page; server: RunningServer }> {
  const server = await session.startServer(makeDataDir());
  await prepare(server);
  const page = await session.openWindow(server, { acceptDownloads: true });
  await entryGrid(page).locator('tr[data-row-id="BLHH"]').waitFor();
  return { page, server };
}

async function openExportTab(page: Page): Promise<void> {
  await goToScreen(page, 'Nhập/Xuất Excel');
  await page.getByRole('tab', { name: 'Xuất Excel' }).click();
  await page.getByRole('region', { name: 'Xuất Excel' }).waitFor();
}

/** Clicks a button and returns the download it starts, saved where the test can read it. */
async function downloadBy(page: Page, button: string, dir: string): Promise<{ download: Download; file: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { download, file };
}

function rowNamed(sheet: PySheet, name: string): number {
  const rows = findText(sheet, new RegExp(`^${name}$`)).filter((c) => c.address.startsWith('B'));
  if (rows.length !== 1) throw new Error(`expected one row named ${name}, found ${rows.length}`);
  return Number(rows[0]?.address.slice(1));
}

function columnHeaded(sheet: PySheet, heading: RegExp): string {
  const found = Object.entries(sheet.cells).filter(
    ([a, c]) => /^[A-Z]+(9|10)$/.test(a) && typeof c.v === 'string' && heading.test(c.v),
  );
  if (found.length !== 1) throw new Error(`expected one heading ${heading}, found ${found.length}`);
  return (found[0]?.[0] ?? '').replace(/\d+$/, '');
}

describe('Xuất Excel', () => {
  it('downloads the report of figures keyed in the grid, and a reader that is not exceljs finds them with the comparisons computed', async () => {
    const { page, server: s } = await openApp(enterOfficeAndLastYear);
    await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
    await page.getByText('6 tháng đầu năm 2023', { exact: true }).first().waitFor();
    for (const [code, text] of [
      ['XNK', '2.260'],
      ['BLHH', '14.659,9'],
    ] as const) {
      await scrollToRow(entryGrid(page), code);
      await cell(entryGrid(page), code, 'value').click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    }
    await eventually(async () => expect((await storedValue(s, '2023-H1', 'BLHH'))?.value).toBe(14659.9));

    await openExportTab(page);
    // The period chosen in Nhập liệu carries over.
    await expect(
      page.getByRole('region', { name: 'Xuất Excel' }).getByText('6 tháng đầu năm 2023', { exact: true }).count(),
    ).resolves.toBeGreaterThan(0);
    const { download, file } = await downloadBy(page, 'Xuất Excel', makeDataDir());
    expect(download.suggestedFilename()).toBe('bao-cao-2023-H1-toan-tinh.xlsx');

    const result = page.getByRole('region', { name: 'Kết quả xuất Excel' });
    await result.getByText('Đã xuất báo cáo 6 tháng đầu năm 2023 (Toàn tỉnh)').waitFor();
    await result.getByText('bao-cao-2023-H1-toan-tinh.xlsx').waitFor();
    // Plan, figure, same period and two comparisons for XNK and BLHH.
    const sheetRow = result.locator('.ant-table-tbody tr', { hasText: 'Toàn tỉnh' });
    await expect(sheetRow.locator('td').allInnerTexts()).resolves.toEqual(['Toàn tỉnh', 'Đơn vị', '38', '10']);

    const sheet = readWithPython(file).sheets[0] as PySheet;
    expect(sheet.name).toBe('Toàn tỉnh');
    expect(sheet.cells.A6?.v).toBe('Kỳ báo cáo: 6 tháng đầu năm 2023');
    expect(sheet.merges).toContain('A5:I5');
    columnHeaded(sheet, /^(Ước t|T)hực hiện tháng 6\/2023$/);
    const xnk = rowNamed(sheet, 'Tổng kim ngạch xuất nhập khẩu hàng hóa');
    const blhh = rowNamed(sheet, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng');
    const value = columnHeaded(sheet, /^(Ước t|T)hực hiện 6 tháng đầu năm 2023$/);
    const vsSame = columnHeaded(sheet, /^6 tháng đầu năm 2023 so với cùng kỳ$/);
    const vsPlan = columnHeaded(sheet, /^6 tháng đầu năm 2023 so với kế hoạch năm$/);
    expect(sheet.cells[`${value}${xnk}`]).toMatchObject({ t: 'n', v: 2260 });
    expect(sheet.cells[`${value}${blhh}`]).toMatchObject({ t: 'n', v: 14659.9 });
    // Formulas carry their results: a reader that does not recalculate shows 59,5 and 198,9 (seed 000).
    expect(sheet.cells[`${vsPlan}${xnk}`]).toMatchObject({ v: 59.5, f: expect.stringContaining('ROUND(') });
    expect(sheet.cells[`${vsSame}${xnk}`]).toMatchObject({ v: 198.9 });
    expect(sheet.cells[`${vsPlan}${blhh}`]?.v).toBe(54.5);
    expect(sheet.cells[`${vsSame}${blhh}`]?.v).toBe(121.9);
    expect(findText(sheet, /^Trần Văn Hùng$/)).toHaveLength(1);
    await page.close();
  });

  it('refuses while a validation error stands, links to Kiểm tra, and exports with a reason printed on the sheet', async () => {
    const { page } = await openApp(async (s) => {
      await enterOfficeAndLastYear(s);
      // XK + NK = 2.200 while XNK is 2.260: the built-in rule "parent ≠ sum of children" is an error.
      await api(s, 'values.set', {
        period: '2023-H1',
        entries: [
          { code: 'XNK', value: '2.260' },
          { code: 'XK', value: 1200 },
          { code: 'NK', value: 1000 },
        ],
      });
    });
    await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
    await openExportTab(page);
    let downloads = 0;
    page.on('download', () => downloads++);

    const refusal = page.locator('.export-refusal');
    const tryExport = async () => {
      await page.getByRole('button', { name: 'Xuất Excel', exact: true }).click();
      await refusal.getByText('Chưa xuất: số liệu 6 tháng đầu năm 2023 còn 1 lỗi kiểm tra chưa xử lý').waitFor();
    };
    await tryExport();
    await expect(refusal.getByRole('list', { name: 'Lỗi kiểm tra theo đơn vị' }).innerText()).resolves.toContain(
      'Toàn tỉnh: 1 lỗi',
    );
    expect(downloads).toBe(0);

    // The link opens Kiểm tra on the same unit and period, where the error stands; the clerk comes back.
    await refusal.getByRole('link', { name: 'Xem ở Kiểm tra' }).click();
    await page.getByRole('region', { name: 'Lỗi', exact: true }).locator('li.finding-item').first().waitFor();
    expect(page.url()).toContain('#/kiem-tra?dv=1&ky=2023-H1');
    await openExportTab(page);
    await tryExport();

    // A reason too short to say anything is refused before it reaches the backend.
    await page.getByLabel('Lý do vẫn xuất khi còn lỗi').fill('gấp');
    await page.getByRole('button', { name: 'Vẫn xuất kèm lý do' }).click();
    await refusal.getByText('Lý do xuất khi còn lỗi phải có ít nhất 5 ký tự.').waitFor();
    expect(downloads).toBe(0);

    const reason = 'Cục Thống kê chưa công bố số nhập khẩu, gửi trước theo yêu cầu của lãnh đạo';
    await page.getByLabel('Lý do vẫn xuất khi còn lỗi').fill(reason);
    const { file } = await downloadBy(page, 'Vẫn xuất kèm lý do', makeDataDir());
    const result = page.getByRole('region', { name: 'Kết quả xuất Excel' });
    await result.getByText('Xuất khi còn 1 lỗi kiểm tra chưa xử lý').waitFor();
    await result.getByText(`Lý do đã in trong ghi chú trên trang tính: ${reason}`).waitFor();
    await expect(refusal.count()).resolves.toBe(0);

    const sheet = readWithPython(file).sheets[0] as PySheet;
    const note = findText(sheet, /^Ghi chú: /);
    expect(note).toHaveLength(1);
    expect(note[0]?.text).toContain('Số liệu còn 1 lỗi kiểm tra chưa xử lý (Tổng kim ngạch xuất nhập khẩu hàng hóa).');
    expect(note[0]?.text).toContain(`Lý do vẫn xuất báo cáo: ${reason} (Nguyễn Thị Lan, ngày `);

    await page.close();
  });

  it('fills a sample template of the Ministry chosen on this computer, keeps every other part, and lists the rows not filled', async () => {
    const { page } = await openApp(async (s) => {
      await api(s, 'values.set', {
        period: '2023-05',
        entries: [{ code: 'SPCN_DIEU', value: 1234, status: 'actual' }],
      });
    });
    await openExportTab(page);
    const panel = page.getByRole('region', { name: 'Xuất Excel' });
    await panel.getByRole('radiogroup', { name: 'Loại tệp xuất' }).getByText('Điền mẫu biểu của Bộ').click();
    // The period as chosen in this panel (the Nhập Excel tab beside it has a picker of its own).
    await panel.getByRole('radiogroup', { name: 'Loại kỳ' }).getByText('Tháng', { exact: true }).click();
    await panel.getByLabel('Kỳ trong năm').click();
    await page.locator('.ant-select-item-option[title="Tháng 5"]').click();
    await chooseYear(panel.getByLabel('Năm', { exact: true }), 2023);
    await panel.getByText('Tháng 5/2023', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Điền mẫu và tải về' }).isDisabled()).resolves.toBe(true);
    await panel.locator('input[type=file]').setInputFiles(sampleFiles.thang05);
    await page.getByLabel('Mẫu biểu bpc-thang-05.xlsx').waitFor();

    const { download, file } = await downloadBy(page, 'Điền mẫu và tải về', makeDataDir());
    expect(download.suggestedFilename()).toBe('bpc-thang-05-2023-05-toan-tinh.xlsx');
    const result = page.getByRole('region', { name: 'Kết quả điền mẫu biểu' });
    await result.getByText('Đã điền 1 ô số liệu vào mẫu bpc-thang-05.xlsx (Toàn tỉnh, Tháng 5/2023)').waitFor();
    const notFilled = result.locator('[aria-label^="Các dòng không điền của trang"] .ant-table-tbody tr', {
      hasText: 'Quần án các loại',
    });
    await expect(notFilled.innerText()).resolves.toContain('chỉ có gợi ý');

    expect(readWithPython(file).sheets[1]?.cells.I9?.v).toBe(1234);
    const before = partHashes(sampleFiles.thang05);
    const after = partHashes(file);
    expect(Object.keys(before).filter((p) => before[p] !== after[p])).toEqual(['xl/worksheets/sheet2.xml']);
    await page.close();
  });
  it('puts several units side by side as columns when the clerk picks them and that layout', async () => {
    const { page } = await openApp(async (s) => {
      await api(s, 'settings.set', officeSettings);
      for (const [code, name, value] of [
        ['XA01', 'Xã Tân Lập', 40.5],
        ['XA02', 'Xã Hòa Bình', 20.6],
      ] as const) {
        const unit = await api<{ id: number }>(s, 'units.create', { code, name, kind: 'commune', parentId: 1 });
        await api(s, 'values.set', {
          unitId: unit.id,
          period: '2023-H1',
          entries: [{ code: 'XK', value, status: 'estimate' }],
        });
      }
    });
    await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
    await openExportTab(page);
    const panel = page.getByRole('region', { name: 'Xuất Excel' });
    await panel.getByText('Nhiều đơn vị', { exact: true }).click();
    await expect(panel.getByRole('button', { name: 'Xuất Excel', exact: true }).isDisabled()).resolves.toBe(true);
    await panel.getByLabel('Các đơn vị xuất').click();
    for (const name of ['Xã Tân Lập', 'Xã Hòa Bình'])
      await page.locator(`.ant-select-item-option[title^="${name} ("]`).click();
    await page.keyboard.press('Escape');
    await panel.getByText('Các đơn vị cạnh nhau theo cột').click();

    const { download, file } = await downloadBy(page, 'Xuất Excel', makeDataDir());
    expect(download.suggestedFilename()).toBe('bao-cao-2023-H1-tong-hop-2-don-vi.xlsx');
    await page
      .getByRole('region', { name: 'Kết quả xuất Excel' })
      .getByText('Đã xuất báo cáo 6 tháng đầu năm 2023 (2 đơn vị)')
      .waitFor();

    const sheet = readWithPython(file).sheets[0] as PySheet;
    expect(sheet.name).toBe('Theo đơn vị');
    expect([sheet.cells.D9?.v, sheet.cells.E10?.v, sheet.cells.F10?.v]).toEqual([
      'Tổng số',
      'Xã Tân Lập',
      'Xã Hòa Bình',
    ]);
    const xk = rowNamed(sheet, 'Kim ngạch xuất khẩu');
    expect(sheet.cells[`D${xk}`]).toMatchObject({ v: 61.1, f: `SUM(E${xk},F${xk})` });
    expect([sheet.cells[`E${xk}`]?.v, sheet.cells[`F${xk}`]?.v]).toEqual([40.5, 20.6]);
    await page.close();
  });
});
