import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import type { RunningServer } from '../support/serve';
import {
  fillWorkbook,
  monthlyFiller,
  monthlyLayout,
  sampleFiles,
  writePasswordProtected,
  writeTruncated,
  writeWorkbook,
} from '../support/workbooks';
import { writeXls } from '../support/xls-workbooks';
import { api, cell, choosePeriod, eventually, goToScreen, grid, storedValue, waitForText } from './grid-helpers';

const session = useBrowserSession();

async function januaryWorkbook(dir: string, name: string, shift = 0): Promise<string> {
  return fillWorkbook(sampleFiles.thang01, join(dir, name), monthlyLayout, monthlyFiller(shift));
}

async function openApp(): Promise<{ page: Page; server: RunningServer }> {
  const server = await session.startServer(makeDataDir());
  await api(server, 'settings.set', { clerkName: 'Nguyễn Thị Lan' });
  const page = await session.openWindow(server);
  await grid(page, /^Số liệu /)
    .locator('tr[data-row-id="BLHH"]')
    .waitFor();
  return { page, server };
}

const panel = (page: Page) => page.getByRole('region', { name: 'Nhập Excel' });
const fileCard = (page: Page, name: string) => panel(page).locator(`.import-file-card[data-file="${name}"]`);
const activeSheet = (card: Locator) => card.locator('[role="tabpanel"][aria-hidden="false"]');
const commitButton = (page: Page) =>
  panel(page)
    .locator('.import-commit-bar')
    .getByRole('button', { name: /^Nhập \d+ số liệu$|^Không có gì để nhập$/ });

/** Opens "Chọn kỳ chung…", lets `pick` set the picker, and applies the period it shows. */
async function chooseCommonPeriod(page: Page, pick: () => Promise<void>): Promise<void> {
  await panel(page).getByRole('button', { name: 'Chọn kỳ chung…' }).click();
  await pick();
  await page
    .locator('.ant-popover:visible')
    .getByRole('button', { name: 'Dùng kỳ này cho các tệp không ghi kỳ' })
    .click();
}

/** Nhập/Xuất Excel, January 2023 as the common period, the files chosen with the file dialog. */
async function chooseFiles(page: Page, files: string[]): Promise<void> {
  await goToScreen(page, 'Nhập/Xuất Excel');
  await chooseCommonPeriod(page, async () => choosePeriod(page, 'Tháng', 'Tháng 1', 2023));
  await panel(page).locator('input[type=file]').setInputFiles(files);
}

async function openSheet(card: Locator, sheet: string, view: RegExp): Promise<Locator> {
  await card.getByRole('tab', { name: sheet }).click();
  const pane = activeSheet(card);
  await pane.getByText(view).first().click();
  return pane;
}

/** Types into the searchable catalog list of a row, without diacritics, and picks the indicator shown. */
async function mapRow(page: Page, pane: Locator, row: number, typed: string, shown: string): Promise<void> {
  const select = pane.getByLabel(`Chỉ tiêu cho dòng ${row}`);
  await select.click();
  await select.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: shown }).first().click();
}

/** What dropping files from the file manager onto the window does: drag events carrying the files. */
async function dropFiles(page: Page, files: string[]): Promise<void> {
  const payload = files.map((f) => ({ name: basename(f), base64: readFileSync(f).toString('base64') }));
  await page.evaluate((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name));
    }
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, payload);
}

describe('Nhập Excel', () => {
  it('previews a filled workbook, takes a row mapped by hand, writes it in one go, shows it in Nhập liệu and undoes it from the history', async () => {
    const { page, server: s } = await openApp();
    const file = await januaryWorkbook(makeDataDir(), 'bpc-thang-01.xlsx');
    await chooseFiles(page, [file]);

    const card = fileCard(page, 'bpc-thang-01.xlsx');
    await waitForText(card.locator('.ant-card-head'), 'Đã đọc');
    await waitForText(card, 'Tháng 1/2023');
    await waitForText(card.locator('.import-file-meta'), 'Toàn tỉnh');

    // Retail arrives in triệu đồng and is written in tỷ đồng, as a new figure beside an empty current one.
    const retail = await openSheet(card, 'BLHH', /^Số liệu sẽ ghi/);
    const g2 = retail.locator('tr[data-cell="G2"]');
    await waitForText(g2, '14.661,9');
    const g2Text = await g2.innerText();
    expect(g2Text).toContain('14.661.900');
    expect(g2Text).toContain('Tháng 1/2023');
    expect(g2Text).toContain('Mới');
    await waitForText(commitButton(page), 'Nhập 39 số liệu');

    // "Chì chưa gia công" (C22) is not in the catalog: the clerk maps it by hand, typing without diacritics.
    const products = await openSheet(card, 'SXCN', /^Dòng chỉ tiêu/);
    const row22 = products.locator('tr[data-row="22"]');
    await waitForText(row22, 'Chưa nhận ra');
    expect(await row22.innerText()).toContain('Chì chưa gia công');
    await mapRow(page, products, 22, 'muoi bien', 'Muối biển');
    await waitForText(row22, 'Đã nhận ra');
    await waitForText(row22, 'chọn tay');
    await waitForText(commitButton(page), 'Nhập 42 số liệu');
    const productValues = await openSheet(card, 'SXCN', /^Số liệu sẽ ghi/);
    await waitForText(productValues.locator('tr[data-cell="G22"]'), 'Muối biển');

    await commitButton(page).click();
    const done = panel(page).getByRole('status');
    await waitForText(done, 'Đã nhập 42 số liệu từ 1 tệp.');
    expect(await done.innerText()).toContain('"Chì chưa gia công" → SPCN_MUOI');
    expect((await storedValue(s, '2023-01', 'BLHH'))?.value).toBe(14661.9);
    expect((await storedValue(s, '2023-01', 'SPCN_MUOI'))?.value).toBe(1220);

    // Written, the files leave the panel; the import heads the history.
    await eventually(async () => expect(await card.count()).toBe(0));
    const history = panel(page).locator('tr[data-import="1"]');
    await waitForText(history, 'bpc-thang-01.xlsx');
    expect(await history.innerText()).toContain('Nguyễn Thị Lan');
    expect(await history.innerText()).toContain('42');

    await done.getByRole('link', { name: 'Xem số liệu trong Nhập liệu' }).click();
    await page.getByRole('heading', { name: 'Nhập liệu', level: 3 }).waitFor();
    await waitForText(cell(grid(page, /^Số liệu /), 'BLHH', 'value'), '14.661,9');

    await goToScreen(page, 'Nhập/Xuất Excel');
    await history.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Hoàn tác' }).click();
    await waitForText(history, 'Đã hoàn tác');
    await eventually(async () => expect((await storedValue(s, '2023-01', 'BLHH'))?.value).toBeNull());
    expect((await storedValue(s, '2023-01', 'SPCN_MUOI'))?.value).toBeNull();
    await goToScreen(page, 'Nhập liệu');
    await eventually(async () => expect(await cell(grid(page, /^Số liệu /), 'BLHH', 'value').innerText()).toBe(''));
    await page.close();
  });

  it('remembers the hand mapping for the next workbook of the same layout and shows revised figures as changes', async () => {
    const { page } = await openApp();
    const dir = makeDataDir();
    await chooseFiles(page, [await januaryWorkbook(dir, 'bpc-thang-01.xlsx')]);
    const card = fileCard(page, 'bpc-thang-01.xlsx');
    await mapRow(page, await openSheet(card, 'SXCN', /^Dòng chỉ tiêu/), 22, 'muoi bien', 'Muối biển');
    await waitForText(commitButton(page), 'Nhập 42 số liệu');
    await commitButton(page).click();
    await waitForText(panel(page).getByRole('status'), 'Đã nhớ cách đọc');

    // The same file again: the panel says it was imported already, and that nothing would change.
    await panel(page)
      .locator('input[type=file]')
      .setInputFiles([join(dir, 'bpc-thang-01.xlsx')]);
    await waitForText(card, 'Tệp có cùng nội dung đã được nhập');
    await waitForText(commitButton(page), 'Không có gì để nhập');
    expect(await commitButton(page).isDisabled()).toBe(true);
    await card.getByRole('button', { name: 'Bỏ tệp bpc-thang-01.xlsx khỏi danh sách' }).click();

    // Next month's revision of the same layout: the row mapped by hand is recognized, the revised figures are changes.
    await panel(page)
      .locator('input[type=file]')
      .setInputFiles([await januaryWorkbook(dir, 'bpc-thang-01-sua.xlsx', 5)]);
    const revised = fileCard(page, 'bpc-thang-01-sua.xlsx');
    const products = await openSheet(revised, 'SXCN', /^Dòng chỉ tiêu/);
    await waitForText(products, 'Đã nhớ cách đọc biểu này');
    const row22 = products.locator('tr[data-row="22"]');
    await waitForText(row22, 'Đã nhận ra');
    expect(await row22.innerText()).toContain('SPCN_MUOI');

    const retail = await openSheet(revised, 'BLHH', /^Số liệu sẽ ghi/);
    const g2 = await retail.locator('tr[data-cell="G2"]').innerText();
    expect(g2).toContain('14.661,905');
    expect(g2).toContain('14.661,9');
    expect(g2).toContain('Thay đổi');
    await waitForText(commitButton(page), 'Nhập 42 số liệu');
    await commitButton(page).click();
    await waitForText(panel(page).getByRole('status'), 'Lần nhập số 2');

    // January's first import cannot be undone under the revision: the refusal stays and names the one to undo first.
    await panel(page).locator('tr[data-import="1"]').getByRole('button', { name: 'Hoàn tác' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Hoàn tác' }).click();
    const refusal = panel(page).getByRole('alert').filter({ hasText: 'Không hoàn tác được' });
    await waitForText(refusal, 'Không hoàn tác được lần nhập số 1');
    expect(await refusal.innerText()).toMatch(
      /Tháng 1\/2023 đã được sửa sau lần ghi đó \(lần nhập số 2 lúc .*\)\. Hãy hoàn tác lần nhập số 2 trước\./,
    );
    await page.close();
  });

  it('lists the layout it remembers, and forgets it on request: the next workbook is read afresh, the name taught stays an alias', async () => {
    const { page } = await openApp();
    const dir = makeDataDir();
    await chooseFiles(page, [await januaryWorkbook(dir, 'bpc-thang-01.xlsx')]);
    await mapRow(
      page,
      await openSheet(fileCard(page, 'bpc-thang-01.xlsx'), 'SXCN', /^Dòng chỉ tiêu/),
      22,
      'muoi bien',
      'Muối biển',
    );
    await waitForText(commitButton(page), 'Nhập 42 số liệu');
    await commitButton(page).click();
    await waitForText(panel(page).getByRole('status'), 'Đã nhớ cách đọc');

    const remembered = panel(page).locator('.ant-card').filter({ hasText: 'Mẫu biểu đã nhớ cách ghép' });
    const layout = remembered.locator('tbody tr').filter({ hasText: 'SXCN' });
    await waitForText(layout, 'bpc-thang-01.xlsx');
    await waitForText(layout, '1 dòng, 0 cột');
    await layout.getByRole('button', { name: 'Quên' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Quên' }).click();
    await page.getByText('Đã quên cách ghép của mẫu biểu “SXCN”.').waitFor();
    await expect(remembered.count()).resolves.toBe(0);

    await panel(page)
      .locator('input[type=file]')
      .setInputFiles([await januaryWorkbook(dir, 'bpc-thang-01-sua.xlsx', 5)]);
    const products = await openSheet(fileCard(page, 'bpc-thang-01-sua.xlsx'), 'SXCN', /^Dòng chỉ tiêu/);
    await waitForText(products.locator('tr[data-row="22"]'), 'theo tên gọi khác');
    expect(await products.getByText('Đã nhớ cách đọc biểu này').count()).toBe(0);
    await page.close();
  });

  it('takes files dropped anywhere on the window, says in Vietnamese why a bad one cannot be imported, and imports the good one', async () => {
    const { page, server: s } = await openApp();
    const dir = makeDataDir();
    const good = await januaryWorkbook(dir, 'bpc-thang-01.xlsx');
    const legacy = writeTruncated(
      writeXls(join(dir, 'goc.xls'), [
        {
          name: 'Biểu',
          rows: [
            ['Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
            ['Điện sản xuất', 'triệu kWh', 130],
          ],
        },
      ]),
      join(dir, 'bieu-cu.xls'),
    );
    const locked = writePasswordProtected(join(dir, 'mat-khau.xlsx'));
    await page.evaluate(() => (location.hash = '#/nhap-lieu?ky=2023-01'));

    await dropFiles(page, [legacy, good, locked]);
    await page.getByRole('heading', { name: 'Nhập/Xuất Excel', level: 3 }).waitFor();

    const legacyCard = fileCard(page, 'bieu-cu.xls');
    await waitForText(legacyCard, 'Không nhập được');
    expect(await legacyCard.getByRole('alert').innerText()).toMatch(/bieu-cu\.xls bị hỏng hoặc không trọn vẹn/);
    await waitForText(fileCard(page, 'mat-khau.xlsx').getByRole('alert'), 'mật khẩu');

    // The common period starts from the one the other screens were showing (January 2023).
    await chooseCommonPeriod(page, async () => undefined);
    // The unreadable files are left out; the good one is still imported.
    await waitForText(commitButton(page), 'Nhập 39 số liệu');
    await commitButton(page).click();
    await waitForText(panel(page).getByRole('status'), 'Đã nhập 39 số liệu từ 1 tệp.');
    expect((await storedValue(s, '2023-01', 'BLHH'))?.value).toBe(14661.9);
    const history = await api<{ files: { name: string }[] }[]>(s, 'import.history', {});
    expect(history.map((h) => h.files.map((f) => f.name))).toEqual([['bpc-thang-01.xlsx']]);

    // Undone from the history, the import no longer claims to be written.
    await panel(page).locator('tr[data-import="1"]').getByRole('button', { name: 'Hoàn tác' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Hoàn tác' }).click();
    await waitForText(panel(page).locator('tr[data-import="1"]'), 'Đã hoàn tác');
    await eventually(async () =>
      expect(await panel(page).getByRole('status').filter({ hasText: 'Đã nhập 39 số liệu' }).count()).toBe(0),
    );
    await page.close();
  });

  it('waits for the clerk to choose the period of a workbook whose title names none, rather than take this month', async () => {
    const { page, server: s } = await openApp();
    const file = await writeWorkbook(join(makeDataDir(), 'khong-ghi-ky.xlsx'), [
      {
        name: 'Biểu',
        rows: [
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          [1, 'Điện sản xuất', 'Triệu kWh', 120],
        ],
      },
    ]);
    await goToScreen(page, 'Nhập/Xuất Excel');
    await panel(page).locator('input[type=file]').setInputFiles([file]);
    const card = fileCard(page, 'khong-ghi-ky.xlsx');
    await waitForText(card, 'Chưa có kỳ');
    await waitForText(panel(page).locator('.import-commit-bar'), 'Chưa biết kỳ báo cáo của tệp khong-ghi-ky.xlsx');
    expect(await commitButton(page).isDisabled()).toBe(true);

    await chooseCommonPeriod(page, async () => {
      await choosePeriod(page, 'Tháng', 'Tháng 3', 2023);
      // Nothing is applied while the clerk is still choosing.
      expect(await card.innerText()).toContain('Chưa có kỳ');
    });
    await waitForText(card, 'Tháng 3/2023');

    // A file's own period, and back to the common one.
    await card.getByRole('button', { name: 'Đổi kỳ' }).click();
    const popover = page.locator('.ant-popover:visible');
    await choosePeriod(page, 'Tháng', 'Tháng 4', 2023, popover);
    await popover.getByRole('button', { name: 'Dùng kỳ này cho tệp' }).click();
    await waitForText(card, 'kỳ riêng của tệp này');
    await waitForText(card, 'Tháng 4/2023');
    await card.getByRole('button', { name: 'Đổi kỳ' }).click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: 'Theo kỳ chung' }).click();
    await waitForText(card, 'kỳ chung đã chọn ở trên');
    await waitForText(card, 'Tháng 3/2023');
    await waitForText(commitButton(page), 'Nhập 1 số liệu');
    await commitButton(page).click();
    await waitForText(panel(page).getByRole('status'), 'Đã nhập 1 số liệu từ 1 tệp.');
    expect((await storedValue(s, '2023-03', 'SPCN_DIEN_SX'))?.value).toBe(120);
    await page.close();
  });

  it('pages through the 72 figures of a year of products, fifty at a time, and narrows them to the one that changes', async () => {
    const { page, server: s } = await openApp();
    await api(s, 'values.set', {
      period: '2023-03',
      entries: [{ code: 'SPCN_DIEN_SX', value: 100, status: 'actual' }],
    });
    const months = Array.from({ length: 12 }, (_, m) => m + 1);
    const products: [string, string][] = [
      ['Điện sản xuất', 'Triệu kWh'],
      ['Điện thương phẩm', 'Triệu kWh'],
      ['Xi măng Portland đen', 'Tấn'],
      ['Hạt điều nhân', 'Tấn'],
      ['Tinh bột sắn', 'Tấn'],
      ['Muối biển', 'Tấn'],
    ];
    const file = await writeWorkbook(join(makeDataDir(), 'san-pham-2023.xlsx'), [
      {
        name: 'Năm 2023',
        rows: [
          ['SẢN PHẨM CÔNG NGHIỆP CÁC THÁNG NĂM 2023'],
          ['STT', 'Chỉ tiêu', 'ĐVT', ...months.map((m) => `Tháng ${String(m).padStart(2, '0')}/2023`)],
          ...products.map(([name, unit], i) => [i + 1, name, unit, ...months.map((m) => 1000 * (i + 1) + m)]),
        ],
      },
    ]);
    await chooseFiles(page, [file]);
    const card = fileCard(page, 'san-pham-2023.xlsx');
    await waitForText(card.locator('.ant-card-head'), 'Đã đọc');
    const pane = await openSheet(card, 'Năm 2023', /^Số liệu sẽ ghi \(72\)/);
    await waitForText(pane.locator('.ant-pagination'), '72 số liệu');
    await eventually(async () => expect(await pane.locator('tr[data-cell]').count()).toBe(50));
    expect(await pane.locator('tr[data-cell]').first().getAttribute('data-cell')).toBe('D3');

    await pane.locator('.ant-pagination').getByTitle('2').click();
    await eventually(async () => expect(await pane.locator('tr[data-cell]').count()).toBe(22));
    await waitForText(pane.locator('tr[data-cell="O8"]'), 'Muối biển');
    expect(await pane.locator('tr[data-cell="O8"]').innerText()).toContain('6.012');

    await pane.getByText(/^Thay đổi \(1\)$/).click();
    await eventually(async () => expect(await pane.locator('tr[data-cell]').count()).toBe(1));
    const changed = pane.locator('tr[data-cell="F3"]');
    await waitForText(changed, 'Thay đổi');
    expect(await changed.innerText()).toContain('1.003');
    expect(await changed.innerText()).toContain('100');
    await waitForText(commitButton(page), 'Nhập 72 số liệu');
    await page.close();
  });
});
