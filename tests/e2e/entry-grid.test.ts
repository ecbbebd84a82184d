import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session';
import { makeDataDir } from '../support/data-dir';
import type { RunningServer } from '../support/serve';
import {
  api,
  cell,
  choosePeriod,
  copyFrom,
  eventually,
  grid,
  pasteInto,
  scrollToRow,
  storedValue,
  waitForText,
} from './grid-helpers';

const session = useBrowserSession();

const entryGrid = (page: Page) => grid(page, /^Số liệu /);

async function openEntry(dataDir: string): Promise<{ page: Page; server: RunningServer }> {
  const server = await session.startServer(dataDir);
  const page = await session.openWindow(server);
  await entryGrid(page).locator('tr[data-row-id="BLHH"]').waitFor();
  return { page, server };
}

async function openFirstHalf2023(dataDir: string) {
  const opened = await openEntry(dataDir);
  await openFirstHalf2023Here(opened.page);
  return opened;
}

async function openFirstHalf2023Here(page: Page) {
  await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
  await page.getByText('6 tháng đầu năm 2023', { exact: true }).first().waitFor();
}

/** Clicks a cell and types into it, as a clerk keys a figure. */
async function typeInto(page: Page, code: string, text: string, commitKey: string | null = 'Enter') {
  await scrollToRow(entryGrid(page), code);
  await cell(entryGrid(page), code, 'value').click();
  await page.keyboard.type(text);
  if (commitKey !== null) await page.keyboard.press(commitKey);
}

describe('the Nhập liệu grid', () => {
  it('opens on the month just ended of the province, with the report columns', async () => {
    const { page } = await openEntry(makeDataDir());
    const today = new Date();
    const ended =
      today.getMonth() === 0
        ? `Tháng 12/${today.getFullYear() - 1}`
        : `Tháng ${today.getMonth()}/${today.getFullYear()}`;
    await page.getByText(ended, { exact: true }).first().waitFor();
    await expect(page.getByLabel('Đơn vị báo cáo').locator('..').innerText()).resolves.toContain('Toàn tỉnh');
    const headers = await entryGrid(page).getByRole('columnheader').allInnerTexts();
    const flat = headers.map((h) => h.replace(/\s+/g, ' '));
    for (const title of [
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Kế hoạch năm',
      'Thực hiện cùng kỳ năm trước',
      'Thực hiện kỳ trước',
      'Lũy kế từ đầu năm',
      'Lũy kế cùng kỳ',
      'So sánh (%)',
      'Kỳ này so với cùng kỳ',
      'Lũy kế so với cùng kỳ',
      'Lũy kế so với KH năm',
    ]) {
      expect(flat.some((h) => h.startsWith(title))).toBe(true);
    }
    expect(flat.some((h) => /^(Ước thực hiện|Thực hiện) tháng/i.test(h))).toBe(true);
    await page.close();
  });

  it('keeps 14.659,9 typed for retail sales in the first half of 2023 after a reload', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await typeInto(page, 'BLHH', '14.659,9');
    await eventually(async () => expect((await storedValue(server, '2023-H1', 'BLHH'))?.value).toBe(14659.9));
    await page.reload();
    await scrollToRow(entryGrid(page), 'BLHH');
    await waitForText(cell(entryGrid(page), 'BLHH', 'value'), '14.659,9');
    await page.close();
  });

  it('refuses 56..537,447 with the reason in Vietnamese, keeps the text and stores nothing', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await typeInto(page, 'BLHH', '56..537,447');
    const target = cell(entryGrid(page), 'BLHH', 'value');
    await target.getByRole('alert').getByText('Có hai dấu chấm liền nhau.').waitFor();
    await expect(target.getByRole('textbox').inputValue()).resolves.toBe('56..537,447');
    await page.getByText(/Tổng mức bán lẻ.*Có hai dấu chấm liền nhau\. Chưa lưu\./).waitFor();
    await waitForText(page.locator('.grid-status [role="status"]'), 'Ô đang sửa chưa lưu');
    await page.waitForTimeout(300);
    await expect(storedValue(server, '2023-H1', 'BLHH')).resolves.toMatchObject({ value: null });
    await page.close();
  });

  it('cancels an edit with Esc, and edits the shown figure with F2', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await api(server, 'values.set', { period: '2023-H1', entries: [{ code: 'GTSXCN', value: 5432.1 }] });
    await page.reload();
    const g = entryGrid(page);
    await scrollToRow(g, 'GTSXCN');
    const target = cell(g, 'GTSXCN', 'value');
    await waitForText(target, '5.432,1');
    await target.click();
    await page.keyboard.type('999');
    await page.keyboard.press('Escape');
    await expect(target.innerText()).resolves.toBe('5.432,1');
    await page.keyboard.press('F2');
    await expect(target.getByRole('textbox').inputValue()).resolves.toBe('5.432,1');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await eventually(async () => expect((await storedValue(server, '2023-H1', 'GTSXCN'))?.value).toBe(5432.2));
    await page.close();
  });

  it('compares with the plan and the same period as the news report does', async () => {
    const dataDir = makeDataDir();
    const { page, server } = await openEntry(dataDir);
    await api(server, 'plans.set', {
      year: 2023,
      entries: [
        { code: 'XNK', level: 'giao', value: '3.798,3' },
        { code: 'BLHH', level: 'giao', value: '26.899' },
      ],
    });
    await api(server, 'values.set', {
      period: '2022-H1',
      entries: [
        { code: 'XNK', value: '1.136,2' },
        { code: 'BLHH', value: '12.026,2' },
      ],
    });
    await api(server, 'values.set', {
      period: '2023-H1',
      entries: [
        { code: 'XNK', value: '2.260' },
        { code: 'BLHH', value: '14.659,9' },
      ],
    });
    await choosePeriod(page, 'Lũy kế', '6 tháng đầu năm', 2023);
    const g = entryGrid(page);
    await scrollToRow(g, 'XNK');
    await waitForText(cell(g, 'XNK', 'pctOfPlan'), '59,5');
    await expect(cell(g, 'XNK', 'pctOfSamePeriod').innerText()).resolves.toBe('198,9');
    await expect(cell(g, 'BLHH', 'pctOfPlan').innerText()).resolves.toBe('54,5');
    await expect(cell(g, 'BLHH', 'pctOfSamePeriod').innerText()).resolves.toBe('121,9');
    await expect(cell(g, 'XNK', 'plan').innerText()).resolves.toBe('3.798,3');
    await expect(cell(g, 'BLHH', 'samePeriod').innerText()).resolves.toBe('12.026,2');
    await page.close();
  });

  it('adds a typed export figure into the total trade and its share of the plan at once, re-reading only the rows it changes', async () => {
    const dataDir = makeDataDir();
    const { page, server } = await openEntry(dataDir);
    await api(server, 'plans.set', { year: 2023, entries: [{ code: 'XNK', level: 'giao', value: '3.798,3' }] });
    await api(server, 'values.set', { period: '2023-H1', entries: [{ code: 'NK', value: '1.000' }] });
    await openFirstHalf2023Here(page);
    const reads: string[] = [];
    page.on('request', (request) => reads.push(new URL(request.url()).pathname));

    await typeInto(page, 'XK', '1.260');

    const g = entryGrid(page);
    await waitForText(cell(g, 'XNK', 'value'), 'theo dòng con: 2.260,0');
    await expect(cell(g, 'XNK', 'pctOfPlan').innerText()).resolves.toBe('59,5');
    await expect(cell(g, 'XK', 'value').innerText()).resolves.toBe('1.260,0');
    expect(reads).toContain('/api/values.rows');
    expect(reads).not.toContain('/api/values.grid');
    await page.close();
  });

  it('marks a typed six months below its five months as an error in its cell once it is saved', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await api(server, 'values.set', { period: '2023-L05', entries: [{ code: 'BLHH', value: 15000 }] });
    await typeInto(page, 'BLHH', '14.659,9');
    await entryGrid(page).locator('tr[data-row-id="BLHH"]').getByLabel('Có lỗi chưa xử lý').waitFor();
    await page.close();
  });

  it('keeps 14.659,9 typed into Xi măng, kept with 0 decimals, and shows it as typed, also after a reload', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await typeInto(page, 'SPCN_XIMANG', '14.659,9');
    await eventually(async () => expect((await storedValue(server, '2023-H1', 'SPCN_XIMANG'))?.value).toBe(14659.9));
    await waitForText(cell(entryGrid(page), 'SPCN_XIMANG', 'value'), '14.659,9');
    await page.reload();
    await scrollToRow(entryGrid(page), 'SPCN_XIMANG');
    await waitForText(cell(entryGrid(page), 'SPCN_XIMANG', 'value'), '14.659,9');
    await page.close();
  });

  it('keeps 56.537,447 pasted into Xi măng as pasted', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    const g = entryGrid(page);
    await scrollToRow(g, 'SPCN_XIMANG');
    await cell(g, 'SPCN_XIMANG', 'value').click();
    await pasteInto(g, '56.537,447');
    await eventually(async () => expect((await storedValue(server, '2023-H1', 'SPCN_XIMANG'))?.value).toBe(56537.447));
    await waitForText(cell(g, 'SPCN_XIMANG', 'value'), '56.537,447');
    await page.close();
  });

  it('refuses −5 tấn typed into Xi măng with the words the import uses, keeps the text and stores nothing', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await typeInto(page, 'SPCN_XIMANG', '-5');
    const reason = '"Xi măng Portland đen" 6 tháng đầu năm 2023 là số âm (-5): số liệu cộng dồn được không thể âm.';
    const target = cell(entryGrid(page), 'SPCN_XIMANG', 'value');
    await target.getByRole('alert').getByText(reason).waitFor();
    await expect(target.getByRole('textbox').inputValue()).resolves.toBe('-5');
    await page.waitForTimeout(300);
    await expect(storedValue(server, '2023-H1', 'SPCN_XIMANG')).resolves.toMatchObject({ value: null });
    await page.close();
  });

  it('refuses a pasted block holding −5 tấn and writes none of it', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    const g = entryGrid(page);
    await scrollToRow(g, 'SPCN_XIMANG');
    await cell(g, 'SPCN_XIMANG', 'value').click();
    await pasteInto(g, '1.200\n-5');
    await page.getByText(/Không dán: 1 ô không ghi được\. Chưa lưu ô nào\./).waitFor();
    await page.getByText(/là số âm \(-5\): số liệu cộng dồn được không thể âm\./).waitFor();
    await page.waitForTimeout(300);
    await expect(storedValue(server, '2023-H1', 'SPCN_XIMANG')).resolves.toMatchObject({ value: null });
    await page.close();
  });

  it('finds the retail rows when "ban le" is typed without diacritics', async () => {
    const { page } = await openEntry(makeDataDir());
    await page.getByPlaceholder('Lọc theo tên').fill('ban le');
    const g = entryGrid(page);
    await eventually(async () => {
      const codes = await g
        .locator('tbody tr[data-row-id]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id')));
      expect(codes).toEqual(['BLHH', 'BLHH_HH']);
    });
    await page.close();
  });

  it('undoes the last saved figure with Ctrl+Z and redoes it with Ctrl+Y', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await typeInto(page, 'XNK', '2.260');
    await eventually(async () => expect((await storedValue(server, '2023-H1', 'XNK'))?.value).toBe(2260));
    await page.keyboard.press('Control+z');
    await eventually(async () => expect((await storedValue(server, '2023-H1', 'XNK'))?.value).toBeNull());
    await waitForText(page.locator('.ant-message'), 'Đã hoàn tác: 1 ô.');
    await page.keyboard.press('Control+y');
    await eventually(async () => expect((await storedValue(server, '2023-H1', 'XNK'))?.value).toBe(2260));
    await scrollToRow(entryGrid(page), 'XNK');
    await waitForText(cell(entryGrid(page), 'XNK', 'value'), '2.260,0');
    await page.close();
  });

  it('clears a figure with Delete', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await api(server, 'values.set', { period: '2023-H1', entries: [{ code: 'XNK', value: 2260 }] });
    await page.reload();
    await scrollToRow(entryGrid(page), 'XNK');
    const target = cell(entryGrid(page), 'XNK', 'value');
    await waitForText(target, '2.260,0');
    await target.click();
    await page.keyboard.press('Delete');
    await eventually(async () => expect((await storedValue(server, '2023-H1', 'XNK'))?.value).toBeNull());
    await page.close();
  });

  it('pastes a column copied from Excel as one change, refusing the whole block if a cell is not a number', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    const g = entryGrid(page);
    await scrollToRow(g, 'XNK');
    await cell(g, 'XNK', 'value').click();
    await pasteInto(g, '2.260\n1.000\n8.290 tỷ đồng');
    await page.getByText(/Không dán: 1 ô không ghi được\. Chưa lưu ô nào\./).waitFor();
    await expect(storedValue(server, '2023-H1', 'XNK')).resolves.toMatchObject({ value: null });

    await pasteInto(g, '2.260\n1.000\n0,25\n');
    await eventually(async () => {
      expect((await storedValue(server, '2023-H1', 'XK'))?.value).toBe(1000);
      expect((await storedValue(server, '2023-H1', 'XK_DIEU_L'))?.value).toBe(0.25);
    });
    await page.keyboard.press('Control+z');
    await eventually(async () => {
      for (const code of ['XNK', 'XK', 'XK_DIEU_L'])
        expect((await storedValue(server, '2023-H1', code))?.value).toBeNull();
    });
    await page.close();
  });

  it('copies the selected cells as tab-separated text in Vietnamese notation', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await api(server, 'values.set', {
      period: '2023-H1',
      entries: [
        { code: 'XNK', value: 2260 },
        { code: 'XK', value: 1136.2 },
      ],
    });
    await page.reload();
    const g = entryGrid(page);
    await scrollToRow(g, 'XK');
    await waitForText(cell(g, 'XK', 'value'), '1.136,2');
    await cell(g, 'XNK', 'unit').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(copyFrom(g)).resolves.toBe('triệu USD\t\t\t\t2.260,0\ntriệu USD\t\t\t\t1.136,2');
    await page.close();
  });

  it('saves a figure typed just before the window closes', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await typeInto(page, 'GTSXCN', '5.432,1', null);
    await page.close({ runBeforeUnload: true });
    await eventually(async () => expect((await storedValue(server, '2023-H1', 'GTSXCN'))?.value).toBe(5432.1));
  });

  it('shows a save that fails and keeps the typed text', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await server.stop();
    await typeInto(page, 'GTSXCN', '5.432,1');
    const editor = cell(entryGrid(page), 'GTSXCN', 'value').getByRole('textbox');
    await editor.waitFor();
    await expect(editor.inputValue()).resolves.toBe('5.432,1');
    await page
      .getByText(/Chưa lưu được: Không kết nối được với ChiTieu/)
      .first()
      .waitFor();
    await expect(page.getByRole('status').innerText()).resolves.toBe('Chưa lưu được');
    await page.close();
  });

  it('marks estimates, shows comments, and switches a figure to actual from the detail panel', async () => {
    const { page, server } = await openFirstHalf2023(makeDataDir());
    await api(server, 'values.set', {
      period: '2023-H1',
      entries: [{ code: 'XNK', value: 2260, status: 'estimate', comment: 'Theo Cục Hải quan' }],
    });
    await page.reload();
    await scrollToRow(entryGrid(page), 'XNK');
    const target = cell(entryGrid(page), 'XNK', 'value');
    await waitForText(target, '2.260,0');
    await expect(target.locator('.value-cell').getAttribute('title')).resolves.toBe(
      'Ước tính\nGhi chú: Theo Cục Hải quan',
    );
    await expect(target.getByLabel('Có ghi chú').count()).resolves.toBe(1);
    await target.click();
    const panel = page.getByRole('complementary', { name: 'Chi tiết số liệu' });
    await expect(panel.getByLabel('Ghi chú').inputValue()).resolves.toBe('Theo Cục Hải quan');
    await panel.getByRole('radiogroup', { name: 'Trạng thái số liệu' }).getByText('Thực hiện', { exact: true }).click();
    await eventually(async () =>
      expect(await storedValue(server, '2023-H1', 'XNK')).toMatchObject({ value: 2260, status: 'actual' }),
    );
    await page.close();
  });
});
