import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import type { GridRow } from '../../shared/api/values-entities';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { commitImport, previewImport, rowAt, sheetOf, writeWorkbook, type Figure } from '../support/workbooks';

async function gridRow(api: ApiClient, period: string, code: string): Promise<GridRow> {
  const row = (await api.call('values.grid', { period })).rows.find((r) => r.code === code);
  if (!row) throw new Error(`no row ${code}`);
  return row;
}

/** The statistics office's table: an empty heading over the names, a two-row header, the title naming the month. */
function statisticsOfficeIip(): { rows: Figure[][]; merges: string[] } {
  return {
    rows: [
      ['CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP THÁNG 8 NĂM 2025'],
      ['Đơn vị tính: %'],
      [
        null,
        'Tháng 7 năm 2025 so với cùng kỳ năm trước',
        'Tháng 8 năm 2025 so với',
        null,
        '8 tháng năm 2025 so với cùng kỳ năm trước',
      ],
      [null, null, 'Tháng 7 năm 2025', 'Cùng kỳ năm trước', null],
      ['TOÀN NGÀNH CÔNG NGHIỆP', 104.1, 101.2, 105.3, 106.4],
      ['Khai khoáng', 97.1, 99.2, 98.3, 96.4],
      ['Công nghiệp chế biến, chế tạo', 105.1, 101.5, 106.3, 107.4],
      ['Sản xuất đồ uống', 110.1, 102.2, 111.3, 109.4],
      ['Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí', 101.1, 100.2, 102.3, 103.4],
      ['Cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải', 103.1, 100.9, 104.3, 105.4],
    ],
    merges: ['B3:B4', 'C3:D3', 'E3:E4'],
  };
}

describe("the statistics office's IIP table", () => {
  it('lands the headline IIP and its sectors for the month and the cumulative, and nothing from the vs-previous-month column', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'iip-t8.xlsx'), [{ name: 'IIP', ...statisticsOfficeIip() }]);
    const preview = await previewImport(api, [file]);
    expect(preview.files[0]?.period).toMatchObject({ key: '2025-08', how: 'cell' });
    const sheet = sheetOf(preview, 'IIP');
    expect(rowAt(sheet, 5)).toMatchObject({ state: 'matched', match: { code: 'IIP' } });
    // A division the catalog does not have is not its sector.
    expect(rowAt(sheet, 8).state).not.toBe('matched');

    await commitImport(api, [file]);
    expect((await gridRow(api, '2025-08', 'IIP')).value).toBe(105.3);
    expect((await gridRow(api, '2025-L08', 'IIP')).value).toBe(106.4);
    expect((await gridRow(api, '2025-07', 'IIP')).value).toBe(104.1);
    expect((await gridRow(api, '2025-08', 'IIP_B')).value).toBe(98.3);
    expect((await gridRow(api, '2025-08', 'IIP_C')).value).toBe(106.3);
    expect((await gridRow(api, '2025-08', 'IIP_D')).value).toBe(102.3);
    expect((await gridRow(api, '2025-L08', 'IIP_E')).value).toBe(105.4);
    const stored = (await api.call('values.grid', { period: '2025-08' })).rows.filter((r) => r.value !== null);
    expect(stored.map((r) => r.value)).not.toContain(101.2);
  });
});

describe('a report of several sections', () => {
  it('files each row by the section above it, leaves markets and combined rows out with their reason, and keeps why with each figure', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const file = await writeWorkbook(join(dir, 'bao-cao-t5.xlsx'), [
      {
        name: 'Biểu 01',
        rows: [
          ['BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP, THƯƠNG MẠI THÁNG 5 NĂM 2025'],
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Ước thực hiện tháng 5', 'Lũy kế 5 tháng', 'Thực hiện năm trước'],
          ['I', 'Sản phẩm công nghiệp chủ yếu'],
          [1, 'Hạt điều nhân', 'Tấn', 5100, 25100, 60100],
          ['II', 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'Tỷ đồng', 2400, 12000, 28000],
          [1, 'Doanh thu dịch vụ ăn uống, lưu trú, du lịch lữ hành', 'Tỷ đồng', 300, 1500, 3500],
          ['III', 'Kim ngạch xuất khẩu', 'Triệu USD', 110, 550, 1300],
          [null, 'Trong đó:'],
          [1, 'Hạt điều nhân', 'Tấn', 2100, 10100, 24100],
          [null, 'Thị trường chủ yếu'],
          ['-', 'Canada', 'Triệu USD', 11, 55, 130],
          ['-', 'Hàng hóa khác', 'Triệu USD', 12, 56, 131],
        ],
      },
    ]);
    const preview = await previewImport(api, [file]);
    const sheet = sheetOf(preview, 'Biểu 01');
    expect(rowAt(sheet, 4)).toMatchObject({ state: 'matched', match: { code: 'SPCN_DIEU' } });
    expect(rowAt(sheet, 9)).toMatchObject({ state: 'matched', match: { code: 'XK_DIEU_L' } });
    expect(rowAt(sheet, 9).evidence).toContain('Kim ngạch xuất khẩu');
    expect(rowAt(sheet, 6)).toMatchObject({
      state: 'unrecognized',
      note: expect.stringContaining('gộp nhiều chỉ tiêu'),
    });
    // Under a market heading, even a name of the catalog is the market's, not the province's.
    expect(rowAt(sheet, 12)).toMatchObject({
      state: 'unrecognized',
      note: expect.stringContaining('Thị trường chủ yếu'),
    });
    const columns = Object.fromEntries(sheet.columns.map((c) => [c.column, c.label]));
    expect(columns).toMatchObject({
      D: 'Tháng 5/2025 (ước tính)',
      E: '5 tháng năm 2025 (ước tính)',
      F: 'Năm 2024 (thực hiện)',
    });

    await commitImport(api, [file]);
    expect(await gridRow(api, '2025-L05', 'XK_DIEU_L')).toMatchObject({ value: 10.1, status: 'estimate' });
    expect((await gridRow(api, '2024', 'SPCN_DIEU')).value).toBe(60100);
    expect((await gridRow(api, '2024-05', 'SPCN_DIEU')).value).toBeNull();
    expect((await gridRow(api, '2025-05', 'XK_KHAC_GT')).value).toBeNull();
    const kept = (await gridRow(api, '2025-05', 'XK_DIEU_L')).source;
    expect(kept).toMatchObject({ kind: 'imported', sheet: 'Biểu 01', cell: 'D9' });
    expect(kept?.evidence).toMatch(/XK_DIEU_L.*Kim ngạch xuất khẩu.*Cột D/);
  });
});
